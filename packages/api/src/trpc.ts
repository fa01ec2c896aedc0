import { type Action, can, type Resource } from "@samraad/domain/access";
import { type FieldError, fieldErrors } from "@samraad/domain/shared";
import { initTRPC } from "@trpc/server";
import { z } from "zod";
import type { Context } from "./context.ts";
import { forbidden, RuleViolation, unauthorized } from "./errors.ts";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fields: FieldError[] | null = cause instanceof z.ZodError ? fieldErrors(cause) : null;
    const rule = cause instanceof RuleViolation ? { code: cause.rule, message: cause.text } : null;
    const message = fields
      ? { da: "Der er fejl i formularen", en: "The form has errors" }
      : (rule?.message ?? { da: shape.message, en: shape.message });
    return {
      ...shape,
      message: message.da,
      data: { ...shape.data, stack: undefined, fieldErrors: fields, rule, message },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Narrows the context: inside, ctx.principal is non-null by type, so no `!` is ever needed. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.principal) throw unauthorized();
  return next({ ctx: { ...ctx, principal: ctx.principal } });
});

/** Throws 403 unless the principal may do `action` on the resource (a council or municipality). */
export function authorize(ctx: Context, action: Action, resource: Resource): void {
  if (!can(ctx.principal, action, resource)) throw forbidden();
}
