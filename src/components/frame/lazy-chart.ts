/**
 * A chart cell that draws its live (interactive) chart only when the reader
 * gets to it. The page already shows every chart as drawn at build (the
 * static chart beside the cell, docs/architecture.md "Charts drawn at
 * build"), so drawing them all again at load only kept the main thread busy
 * after the first paint. This container stays empty (and the static chart in
 * place) until the cell comes near the viewport or the reader points at or
 * tabs into it; then it draws at its width, and redraws when that changes, as
 * Framework's `resize` does. The hand-over script removes the static chart in
 * the same task as the live one appears: no frame without a chart, no shift.
 */

/** Cells that have been drawn once: a cell re-run by an input (a filter) draws at once. */
const started = new Set<string>();

/** How far outside the viewport a chart starts drawing, so that it is live by the time it is seen. */
const MARGIN = "300px 0px";

/**
 * `key` names the chart; `now` draws it at once, as when the reader's choice (a filter from a
 * link) makes it differ from the drawing at build.
 */
export function lazyChart(key: string, render: (width: number) => Element | Promise<Element>, {now = false} = {}): HTMLDivElement {
  const root = document.createElement("div");
  root.className = "lazy-chart";
  let width = -1;
  let drawn = 0;
  const draw = async () => {
    const measured = Math.floor(root.getBoundingClientRect().width);
    if (measured === width || measured === 0) return;
    width = measured;
    const turn = ++drawn;
    const chart = await render(measured);
    // A slower earlier drawing must not replace a later one.
    if (turn !== drawn) return;
    root.replaceChildren(chart);
    // A button the reader pressed on the drawing from the build is pressed on the live chart.
    if (pressed !== null) root.querySelectorAll("button")[pressed]?.click();
    pressed = null;
  };
  let pressed: number | null = null;
  let resizing: ResizeObserver | null = null;
  let watching: IntersectionObserver | null = null;
  const start = () => {
    if (resizing) return;
    started.add(key);
    watching?.disconnect();
    resizing = new ResizeObserver(draw);
    resizing.observe(root);
  };
  if (now || started.has(key) || typeof IntersectionObserver === "undefined") {
    start();
    return root;
  }
  watching = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && start(), {rootMargin: MARGIN});
  // Watched once in the page: the cell holds the static chart, which has the chart's height.
  requestAnimationFrame(() => {
    if (resizing) return;
    const cell = root.parentElement ?? root;
    watching!.observe(cell);
    for (const type of ["pointerover", "focusin", "touchstart"]) cell.addEventListener(type, start, {once: true, passive: true});
    // The build's drawing has the frame's buttons but not their actions (Embed, the image
    // downloads): a press on one draws the live chart and is passed on to its button.
    cell.addEventListener("click", (event) => {
      const button = (event.target as Element).closest?.(".static-chart button");
      if (!button || root.firstElementChild) return;
      pressed = [...cell.querySelectorAll(".static-chart button")].indexOf(button);
      start();
    });
  });
  return root;
}
