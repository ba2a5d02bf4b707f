/**
 * Where a chart's standalone embed page lives, and the code an editor pastes to
 * show it: an iframe, and once per page the script that lets each embed set
 * its iframe's height.
 */
import {escapeHtml} from "../lib/format.js";

/** The site's root, found from this module's own address, so embeds work from any sub-path. */
export function siteRoot(): URL {
  // Framework serves components from <root>/_import/components/.
  return new URL("../../", import.meta.url);
}

export function embedUrl(id: string): string {
  return new URL(`embed/${id}`, siteRoot()).href;
}

export const EMBED_MESSAGE = "southern-health-embed:height";

export function embedSnippet(url: string, title: string): string {
  const script = new URL("embed/resize.js", siteRoot()).href;
  return `<iframe src="${escapeHtml(url)}" title="${escapeHtml(title)}" width="100%" height="520" style="border:0;width:100%" loading="lazy"></iframe>\n<script src="${escapeHtml(script)}" async></script>`;
}

/** In an embed page: tell the parent page how tall the chart is, now and whenever it changes. */
export function reportHeight(id: string): void {
  if (window.parent === window) return;
  const send = () => window.parent.postMessage({type: EMBED_MESSAGE, chart: id, height: Math.ceil(document.documentElement.scrollHeight)}, "*");
  // The document element, not the body: margins and late layout change its height without the body's.
  const observer = new ResizeObserver(send);
  observer.observe(document.documentElement);
  observer.observe(document.body);
  send();
}
