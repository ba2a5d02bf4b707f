/**
 * The frame every published chart goes through, the way Datawrapper frames a
 * chart: title, one-line subtitle, the chart with its text alternative, a
 * source line linking every source of the figures drawn, notes, and a "get the
 * data" download of exactly the rows drawn. It also gives each mark that has a
 * title a tooltip that opens on hover and on keyboard focus.
 */
import type {SourceRef} from "../../lib/story/figures.js";
import {chartToSvg, svgToPng} from "./chart-image.js";
import {downloadBlob} from "../download.js";
import {embedControl} from "./embed-code.js";
import {SourceLine} from "./source-line.js";
import {objectsToCsv} from "../../lib/delivery/csv-write.js";
import {STATUS_LABELS, STATUS_NOTES, type Status} from "../../lib/story/status.js";
import {element} from "../dom.js";

export interface FrameOptions {
  /** Stable id: names the downloads and the embed page. */
  id: string;
  title: string;
  subtitle: string;
  /** One or two sentences stating what the chart shows, computed from its data. */
  alt: string;
  sources: SourceRef[];
  notes?: string[];
  /** Exactly the rows the chart draws, for the download. */
  data: object[];
  /** Statuses of the figures drawn; anything not final is declared under the chart. */
  statuses?: Status[];
  /**
   * Whether the chart has an embed page to offer: every published chart (src/components/charts/chart-registry.ts)
   * does; an ad-hoc chart (the SQL page's) says no, or its embed button would give a dead link.
   */
  embed?: boolean;
}

/** The chart's rows as the CSV download (the one CSV writer, src/lib/delivery/csv-write.ts). */
export function toCsv(objects: object[]): string {
  return objectsToCsv(objects);
}


/** The least room, in pixels, between a tooltip and the screen's edge. */
const TIP_MARGIN = 4;

/** Marks with a <title> become focusable, and show it as a tooltip on hover and focus. */
function addTooltips(body: HTMLElement): void {
  const tip = element("div", "chart-tip");
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  body.append(tip);
  const show = (target: Element) => {
    tip.textContent = target.getAttribute("aria-label");
    tip.hidden = false;
    const box = target.getBoundingClientRect();
    const frame = body.getBoundingClientRect();
    // Centred over the mark (the style centres the tip on its left), but kept inside the screen:
    // on a phone, a mark at a chart's edge would put half its tip off the screen.
    // Measured at the frame's left edge, where an absolutely placed tip is as wide as its text makes it.
    tip.style.left = "0px";
    const half = tip.offsetWidth / 2 + TIP_MARGIN;
    const screen = document.documentElement.clientWidth;
    const centre = Math.min(Math.max(box.left + box.width / 2, half), Math.max(half, screen - half));
    tip.style.left = `${centre - frame.left}px`;
    tip.style.top = `${box.top - frame.top}px`;
  };
  const hide = () => (tip.hidden = true);
  for (const title of body.querySelectorAll("svg title")) {
    const mark = title.parentElement!;
    mark.setAttribute("aria-label", title.textContent ?? "");
    mark.setAttribute("role", "img");
    mark.setAttribute("tabindex", "0");
    mark.classList.add("chart-mark");
    title.remove();
    mark.addEventListener("pointerenter", () => show(mark));
    mark.addEventListener("pointerleave", hide);
    mark.addEventListener("focus", () => show(mark));
    mark.addEventListener("blur", hide);
  }
}

export function ChartFrame(chart: Element, options: FrameOptions): HTMLElement {
  const {id, title, subtitle, alt, notes = [], data, statuses = [], embed = true} = options;
  const figure = element("figure", "chart-frame");
  figure.id = `chart-${id}`;
  figure.dataset.chart = id;
  const heading = element("h3", "chart-title", title);
  const sub = element("p", "chart-subtitle", subtitle);
  const body = element("div", "chart-body");
  body.append(chart);
  // The text alternative names the whole chart, which may be several panels.
  body.setAttribute("role", "group");
  body.setAttribute("aria-label", alt);
  for (const svg of body.querySelectorAll("svg")) {
    // Plot labels its mark groups ("bar", "rule"), which assistive technology reads as noise.
    for (const group of svg.querySelectorAll("g[aria-label]")) {
      // Axes stay recognisable (for print styles and for tests that read the values drawn).
      if (/axis|grid/.test(group.getAttribute("aria-label")!)) group.classList.add("chart-axis");
      group.removeAttribute("aria-label");
    }
    for (const node of svg.querySelectorAll("[aria-description]")) node.removeAttribute("aria-description");
  }
  addTooltips(body);
  // Screen readers get the text alternative as the chart's label; sighted readers can open it.
  const alternative = element("details", "chart-describe");
  const summary = element("summary", "", "Describe this chart");
  const description = element("p", "chart-alt", alt);
  alternative.append(summary, description);
  const caption = element("figcaption");
  // One source line (the full numbered list one click away when it is long), each note opening
  // the source's entry on the sources page; then the chart's own notes. What a draft or secondary
  // mark means is said once per page, in its "About the data" box (src/components/prose/about-data.ts);
  // an embed, which stands alone, keeps it under the chart.
  caption.append(SourceLine(options.sources));
  const flagged = [...new Set(statuses.filter((s) => s !== "final"))];
  const lists = [
    {className: "chart-notes", items: notes},
    {className: "chart-notes chart-status-notes", items: flagged.map((s) => `Includes figures marked “${STATUS_LABELS[s].toLowerCase()}”: ${STATUS_NOTES[s]}`)}
  ];
  for (const {className, items} of lists.filter((l) => l.items.length)) {
    const list = element("ul", className);
    for (const note of items) {
      const item = element("li", "", note);
      list.append(item);
    }
    caption.append(list);
  }
  const actions = element("p", "chart-actions");
  const download = element("a", "chart-download", "Get the data (CSV)");
  download.download = `${id}.csv`;
  download.href = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(data))}`;
  // A table (the findings explorer) has no drawing to save as an image: its data is the download.
  actions.append(download, ...(body.querySelector("svg") ? imageButtons(figure, id) : []));
  caption.append(actions);
  if (embed) {
    // The panel follows the buttons, so that it opens beside them (src/components/frame/embed-code.ts).
    const control = embedControl(id, title);
    const wrapper = element("span", "chart-embed");
    wrapper.append(control.toggle);
    actions.append(wrapper);
    caption.append(control.panel);
  }
  figure.append(heading, sub, body, alternative, caption);
  return figure;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const node = element("button");
  node.type = "button";
  node.textContent = label;
  node.addEventListener("click", onClick);
  return node;
}

/** SVG and PNG (2×) images of the live chart, with its title and source line drawn in. */
function imageButtons(frame: HTMLElement, id: string): HTMLButtonElement[] {
  return [
    button("Download SVG", () => downloadBlob(new Blob([chartToSvg(frame).svg], {type: "image/svg+xml"}), `${id}.svg`)),
    button("Download PNG", async () => downloadBlob(await svgToPng(chartToSvg(frame), 2), `${id}.png`))
  ];
}
