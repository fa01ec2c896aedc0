import { type JSX, Show } from "solid-js";
import { t } from "../i18n.ts";
import { Link } from "./ui.tsx";

/** A hearing in a list: an overdue one says so in words (not colour alone), then its link and `children` as meta. */
export function HearingListItem(props: {
  hearing: { id: string; title: string; status: string };
  children: JSX.Element;
}) {
  const overdue = () => props.hearing.status === "overdue";
  return (
    <li classList={{ overdue: overdue() }}>
      <Show when={overdue()}>
        <strong class="tag tag-error">
          <span aria-hidden="true">⚠ </span>
          {t("overdue")}
        </strong>{" "}
      </Show>
      <Link to={`/hoeringer/${props.hearing.id}`}>{props.hearing.title}</Link>
      <span class="meta">{props.children}</span>
    </li>
  );
}
