/**
 * A chart drawn at build at several widths, written with its frame once: used
 * by the story pages and the embeds alike.
 */
import {variantsHtml, type Variant} from "./static-html.js";

/**
 * The frame once, with the chart's drawing per width inside its body. The frame's words (title,
 * subtitle, text alternative, sources, notes, the data download) do not depend on the width, only
 * the drawing does; written once they are read once by a screen reader's search of the page too.
 * Should a chart's frame ever differ between widths, each width gets its whole frame, as before.
 * `drop` names what to leave out (an embed has no use for the buttons that need the page's script).
 */
export function frameOnce(variants: Variant[], document: Document, drop?: string): string {
  const parsed = variants.map((variant) => {
    const template = document.createElement("template");
    template.innerHTML = variant.html;
    if (drop) for (const node of template.content.querySelectorAll(drop)) node.remove();
    const body = template.content.querySelector(".chart-body");
    // One tooltip for the frame, before the drawings: the fallback without container queries shows the last child.
    const tip = body?.querySelector(":scope > .chart-tip");
    tip?.remove();
    const drawing = body?.innerHTML ?? "";
    body?.replaceChildren();
    return {variant, template, body, tip: tip?.outerHTML ?? "", drawing, frame: template.innerHTML};
  });
  const [first] = parsed;
  if (first === undefined) throw new Error("no drawing to frame");
  if (first.body && parsed.every((p) => p.body && p.frame === first.frame && p.tip === first.tip)) {
    first.body.innerHTML = first.tip + variantsHtml(parsed.map(({variant, drawing}) => ({...variant, html: drawing})));
    return first.template.innerHTML;
  }
  return variantsHtml(
    parsed.map(({variant, body, drawing, tip, template}) => {
      body?.insertAdjacentHTML("afterbegin", drawing + tip);
      return {...variant, html: template.innerHTML};
    })
  );
}

