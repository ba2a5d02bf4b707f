// Injected into every page the bench opens, before the page's own scripts
// (plain JavaScript, sent as it is). Times are performance.now(): milliseconds
// since navigation start.
//
// __bench.firstChartMs    a chart (svg or table) first in a chart frame's body
// __bench.firstPaintMs    first contentful paint
// __bench.layoutShift     cumulative layout shift as Chromium and Lighthouse count it:
//                         the largest session window (gaps < 1 s, window < 5 s) of shifts without input
// __bench.settledLayoutShift()  resolves with layoutShift once the frames under way are drawn
// __bench.firstRunState   the SQL workbench's first finished run: "done" or "error"
// __bench.firstResultMs   ... and when it finished, if "done"
// __bench.armQuery()      before pressing Ctrl+Enter; __bench.query then resolves with the
//                         time from the key press to the workbench's next finished run
(() => {
  const CHART = "figure.chart-frame .chart-body :is(svg, table)";
  const marks = {firstChartMs: null, firstPaintMs: null, layoutShift: 0, firstRunState: null, firstResultMs: null, armQuery, query: null};
  window.__bench = marks;

  let session = {value: 0, start: 0, last: -Infinity};
  const countShifts = (entries) => {
    for (const shift of entries) {
      if (shift.hadRecentInput) continue;
      const t = shift.startTime;
      if (t - session.last >= 1000 || t - session.start >= 5000) session = {value: 0, start: t, last: t};
      session.value += shift.value;
      session.last = t;
      marks.layoutShift = Math.max(marks.layoutShift, session.value);
    }
  };
  const shifts = new PerformanceObserver((list) => countShifts(list.getEntries()));
  shifts.observe({type: "layout-shift", buffered: true});
  // The layout shift once the frames under way have been drawn: a shift is reported with its frame,
  // and the observer hears of it a task later, so its queued entries are taken at once.
  marks.settledLayoutShift = () =>
    new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      countShifts(shifts.takeRecords());
      resolve(marks.layoutShift);
    })));
  new PerformanceObserver((list) => {
    for (const paint of list.getEntries()) if (paint.name === "first-contentful-paint") marks.firstPaintMs = paint.startTime;
  }).observe({type: "paint", buffered: true});

  let armed = null;
  function armQuery() {
    marks.query = new Promise((resolve) => (armed = {pressedAt: null, runsBefore: runs(), resolve}));
    return true;
  }
  const workbench = () => document.querySelector(".sql-workbench");
  const runs = () => Number(workbench()?.dataset.runs ?? 0);
  // Capture phase on window: before the editor's own handler.
  addEventListener("keydown", (e) => {
    if (armed && armed.pressedAt === null && e.key === "Enter" && (e.ctrlKey || e.metaKey)) armed.pressedAt = performance.now();
  }, true);

  new MutationObserver(() => {
    const now = performance.now();
    if (marks.firstChartMs === null && document.querySelector(CHART)) marks.firstChartMs = now;
    const root = workbench();
    if (!root) return;
    if (marks.firstRunState === null && runs() >= 1) {
      marks.firstRunState = root.dataset.state;
      if (root.dataset.state === "done") marks.firstResultMs = now;
    }
    if (armed && armed.pressedAt !== null && runs() > armed.runsBefore) {
      const {pressedAt, resolve} = armed;
      armed = null;
      resolve({ms: now - pressedAt, state: root.dataset.state, status: root.querySelector(".sql-status")?.textContent ?? ""});
    }
  }).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ["data-state", "data-runs"]});
})();
