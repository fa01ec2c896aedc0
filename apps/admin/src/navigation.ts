import { createSignal } from "solid-js";
import { appPath, href } from "./routes.ts";

const [path, setPath] = createSignal(appPath(window.location.pathname));

export { path };

window.addEventListener("popstate", () => setPath(appPath(window.location.pathname)));

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) window.history.replaceState(null, "", href(to));
  else window.history.pushState(null, "", href(to));
  setPath(to);
  window.scrollTo(0, 0);
}

/** Client-side navigation for a plain link; a modified click (new tab, etc.) is left to the browser. */
export function onLinkClick(event: MouseEvent, to: string) {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  event.preventDefault();
  navigate(to);
}
