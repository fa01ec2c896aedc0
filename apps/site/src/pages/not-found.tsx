/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { PageContext } from "../context.ts";

export function NotFoundPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <p>
        <a href={ctx.href("/")}>{t.notFoundBack}</a>
      </p>
    </>
  );
}
