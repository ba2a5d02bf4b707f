/**
 * A chart cell that draws its live (interactive) chart only when the reader
 * gets to it. The page already shows every chart as drawn at build (the
 * static chart beside the cell, docs/architecture.md "Charts drawn at
 * build"), so drawing them again at load only kept the main thread busy
 * after the first paint: the chart at the top of a page took a 60–90 ms task
 * (four times that on Lighthouse's slow phone, most of the page's blocking
 * time). So this container stays empty (and the static chart in place) until
 * the reader points at, taps or tabs into the cell, or, once they have
 * scrolled or pressed a key, it comes near the viewport; then it draws at its
 * width, and redraws when that changes, as Framework's `resize` does. The
 * hand-over script removes the static chart in the same task as the live one
 * appears: no frame without a chart, no shift. A press or the keyboard focus
 * on the static chart's buttons moves to the same button on the live one, and
 * a press under way holds the hand-over until it ends.
 *
 * The chart's module is loaded by `load` when the chart first goes live, so
 * Plot is fetched and evaluated only then (docs/architecture.md "Plot only
 * when a chart is drawn"); once loaded it is kept, and a cell re-run by an
 * input draws in the same frame, as a chart imported at the top would.
 */
import {element} from "../dom.js";

/** Cells that have been drawn once: a cell re-run by an input (a filter) draws at once. */
const started = new Set<string>();

/** Each chart's module, once loaded. */
const loaded = new Map<string, unknown>();

/** How long after a pointer is lifted its click may still come (a tap's comes after the touch ends). */
const CLICK_AFTER_LIFT = 300;

/** How far outside the viewport a chart starts drawing, so that it is live by the time it is seen. */
const MARGIN = "300px 0px";

/**
 * `key` names the chart; `load` imports its module and `draw` draws it from that module at a
 * width; `now` draws it at once, as when the reader's choice (a filter from a link) makes it
 * differ from the drawing at build.
 */
export function lazyChart<M>(key: string, load: () => Promise<M>, draw: (module: M, width: number) => Element, {now = false} = {}): HTMLDivElement {
  const root = element("div", "lazy-chart");
  let width = -1;
  let drawn = 0;
  const render = async () => {
    const measured = Math.floor(root.getBoundingClientRect().width);
    if (measured === width || measured === 0) return;
    width = measured;
    const turn = ++drawn;
    // Loaded already: drawn in this task, with no frame between the old chart and the new.
    const module = loaded.has(key) ? (loaded.get(key) as M) : await load();
    loaded.set(key, module);
    const chart = draw(module, measured);
    // A press begun on the drawing from the build ends there: swapped under the pointer, its click
    // would fall between the two drawings and be lost.
    await pressOver();
    // A slower earlier drawing must not replace a later one.
    if (turn !== drawn) return;
    root.replaceChildren(chart);
    // A button the reader pressed on the drawing from the build is pressed on the live chart; one
    // they tabbed to has the focus there (the hand-over script's microtask, queued first, removes the static one).
    const buttons = root.querySelectorAll("button");
    if (pressed !== null) buttons[pressed]?.click();
    else if (focused !== null) {
      const button = buttons[focused];
      queueMicrotask(() => button?.focus());
    }
    pressed = focused = null;
  };
  let pressing = false;
  const waiting: (() => void)[] = [];
  const pressOver = () => (pressing ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve());
  let focused: number | null = null;
  let pressed: number | null = null;
  let resizing: ResizeObserver | null = null;
  let watching: IntersectionObserver | null = null;
  function start(): void {
    if (resizing) return;
    started.add(key);
    watching?.disconnect();
    removeEventListener("scroll", watch);
    removeEventListener("keydown", watch);
    resizing = new ResizeObserver(render);
    resizing.observe(root);
  }
  function watch(): void {
    if (resizing || watching) return;
    watching = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && start(), {rootMargin: MARGIN});
    watching.observe(root.parentElement ?? root);
  }
  if (now || started.has(key) || typeof IntersectionObserver === "undefined") {
    start();
    return root;
  }
  // Near the viewport counts only once the reader moves through the page: a chart in view at load stays as drawn at build.
  addEventListener("scroll", watch, {once: true, passive: true});
  addEventListener("keydown", watch, {once: true, passive: true});
  // Listened to once in the page: the cell holds the static chart and its buttons.
  requestAnimationFrame(() => {
    if (resizing) return;
    const cell = root.parentElement ?? root;
    for (const type of ["pointerover", "touchstart"]) cell.addEventListener(type, start, {once: true, passive: true});
    cell.addEventListener("pointerdown", () => {
      if (root.firstElementChild || pressing) return;
      pressing = true;
      let ended = false;
      // After the click that ends the press has reached the cell's own listener (below); or when the
      // press is cancelled, or lifted where no click follows.
      const end = (delay: number) => () => {
        if (ended) return;
        ended = true;
        setTimeout(() => {
          pressing = false;
          for (const resolve of waiting.splice(0)) resolve();
        }, delay);
      };
      addEventListener("click", end(0), {once: true, capture: true});
      addEventListener("pointercancel", end(0), {once: true, capture: true});
      addEventListener("pointerup", end(CLICK_AFTER_LIFT), {once: true, capture: true});
    });
    /** Which of the build drawing's buttons an event came from, or null. */
    const staticButton = (event: Event): number | null => {
      const button = (event.target as Element).closest?.(".static-chart button");
      return button ? [...cell.querySelectorAll(".static-chart button")].indexOf(button) : null;
    };
    cell.addEventListener("focusin", (event) => {
      if (root.firstElementChild) return;
      focused = staticButton(event) ?? focused;
      start();
    });
    // The build's drawing has the frame's buttons but not their actions (Embed, the image
    // downloads): a press on one draws the live chart and is passed on to its button.
    cell.addEventListener("click", (event) => {
      const index = staticButton(event);
      if (index === null || root.firstElementChild) return;
      pressed = index;
      start();
    });
  });
  return root;
}
