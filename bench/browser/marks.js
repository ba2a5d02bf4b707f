// Injected into every page the bench opens, before the page's own scripts
// (plain JavaScript: it is sent to the browser as it is). Times are
// performance.now(), i.e. milliseconds since the navigation started.
//
// window.__bench.firstChartMs   the first chart drawn: an svg in a chart frame's body
// window.__bench.firstResultMs  the SQL workbench's first finished query, if it succeeded
// window.__bench.armQuery()     call before pressing Ctrl+Enter; then window.__bench.query
//                               resolves with the time from the key press to the
//                               workbench's next finished run
(() => {
  const CHART = "figure.chart-frame .chart-body svg";
  const WORKBENCH = ".sql-workbench";
  const marks = {firstChartMs: null, firstResultMs: null, firstRunState: null, armQuery, query: null};
  window.__bench = marks;

  let armed = null;
  function armQuery() {
    marks.query = new Promise((resolve) => {
      armed = {pressedAt: null, runsBefore: runsNow(), resolve};
    });
    return true;
  }
  function runsNow() {
    const root = document.querySelector(WORKBENCH);
    return root ? Number(root.dataset.runs) : 0;
  }
  // Capture phase on window: this runs before the editor's own handler.
  addEventListener(
    "keydown",
    (event) => {
      if (armed && armed.pressedAt === null && event.key === "Enter" && (event.ctrlKey || event.metaKey)) armed.pressedAt = performance.now();
    },
    true
  );

  function check() {
    const now = performance.now();
    if (marks.firstChartMs === null && document.querySelector(CHART)) marks.firstChartMs = now;
    const root = document.querySelector(WORKBENCH);
    if (!root) return;
    const runs = Number(root.dataset.runs);
    if (marks.firstRunState === null && runs >= 1) {
      marks.firstRunState = root.dataset.state;
      if (root.dataset.state === "done") marks.firstResultMs = now;
    }
    if (armed && armed.pressedAt !== null && runs > armed.runsBefore) {
      const {pressedAt, resolve} = armed;
      armed = null;
      resolve({ms: now - pressedAt, state: root.dataset.state, status: root.querySelector(".sql-status")?.textContent ?? ""});
    }
  }
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["data-state", "data-runs"]
  });
})();
