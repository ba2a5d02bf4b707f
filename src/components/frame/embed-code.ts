/**
 * Where a chart's standalone embed page lives, and the code an editor pastes to
 * show it: an iframe, and once per page the script that lets each embed set
 * its iframe's height.
 */
import {escapeHtml} from "../../lib/story/format.js";
import {element} from "../dom.js";

/** The site's root, found from this module's own address, so embeds work from any sub-path. */
export function siteRoot(): URL {
  // Framework serves this module from <root>/_import/components/frame/.
  return new URL("../../../", import.meta.url);
}

export function embedUrl(id: string): string {
  return new URL(`embed/${id}`, siteRoot()).href;
}

export const EMBED_MESSAGE = "southern-health-embed:height";

/** The embed's colours: light whatever the host (the default), dark, or following the reader's device. */
export type EmbedTheme = "light" | "dark" | "auto";

export const EMBED_THEMES: {value: EmbedTheme; label: string}[] = [
  {value: "light", label: "Light (for any page)"},
  {value: "dark", label: "Dark"},
  {value: "auto", label: "Follow the reader's device"}
];

/** The embed's address for a theme: the default, light, needs no parameter (src/embed/child.js reads it). */
export function themedEmbedUrl(url: string, theme: EmbedTheme): string {
  if (theme === "light") return url;
  const themed = new URL(url);
  themed.searchParams.set("theme", theme);
  return themed.href;
}

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

/**
 * The Embed control of a chart's frame: a button, and a panel that opens just below the row of
 * buttons (in the frame's flow, so at any width it is beside its button and on the screen) with
 * the code to paste, the theme to give it and a Copy button. Escape closes it and returns focus.
 */
export function embedControl(id: string, title: string): {toggle: HTMLButtonElement; panel: HTMLElement} {
  const panel = element("div", "chart-embed-panel");
  panel.hidden = true;
  panel.id = `embed-code-${id}`;
  const label = element("label", "chart-embed-label", "Embed code: paste into your page");
  const code = element("textarea");
  code.readOnly = true;
  code.rows = 4;
  code.spellcheck = false;
  label.append(code);
  const themeLabel = element("label", "chart-embed-theme", "Colours ");
  const theme = element("select");
  for (const option of EMBED_THEMES) theme.append(new Option(option.label, option.value));
  themeLabel.append(theme);
  const write = () => (code.value = embedSnippet(themedEmbedUrl(embedUrl(id), theme.value as EmbedTheme), title));
  theme.addEventListener("change", write);
  write();
  const copied = element("span", "chart-embed-status");
  copied.setAttribute("role", "status");
  const copy = element("button");
  copy.type = "button";
  copy.textContent = "Copy";
  copy.addEventListener("click", async () => {
    code.select();
    const done = await navigator.clipboard?.writeText(code.value).then(() => true, () => false);
    copied.textContent = done ? "Copied" : "Selected: press Ctrl+C or ⌘C to copy";
  });
  const row = element("div", "chart-embed-row");
  row.append(themeLabel, copy, copied);
  panel.append(label, row);
  const toggle = element("button");
  toggle.type = "button";
  toggle.textContent = "Embed";
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", panel.id);
  const open = (shown: boolean) => {
    panel.hidden = !shown;
    toggle.setAttribute("aria-expanded", String(shown));
    copied.textContent = "";
  };
  toggle.addEventListener("click", () => {
    open(panel.hidden);
    if (!panel.hidden) code.focus();
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    open(false);
    toggle.focus();
  });
  return {toggle, panel};
}
