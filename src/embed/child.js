// The only script of an embed page (inlined by scripts/prerender/embed-page.ts). The chart
// itself is static SVG drawn at build; this adds its tooltips and tells the host
// page the height of the content, in pym.js's protocol (for CMSs that use
// `new pym.Parent(...)`) and in the notebook's own (embed/resize.js).
(function () {
  var content = document.getElementById("embed");
  var params = new URLSearchParams(location.search);
  var childId = params.get("childId");
  var last = -1;

  // Light in any host unless the host asks otherwise in the embed's address: `?theme=dark`, or
  // `?theme=auto` to follow the reader's device (docs/editors.md). The dark rules are written
  // into the page switched off (scripts/prerender/embed-page.ts).
  var dark = document.getElementById("embed-dark");
  var theme = params.get("theme");
  if (dark && theme === "dark") dark.media = "all";
  else if (dark && theme === "auto") dark.media = "(prefers-color-scheme: dark)";

  // The content's own box, never the document's: the document is at least as
  // tall as the iframe, so a height measured from it could grow but not shrink.
  function sendHeight() {
    var height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    if (childId) window.parent.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + height, "*");
    window.parent.postMessage({type: "southern-health-embed:height", chart: content.dataset.chart, height: height}, "*");
  }
  new ResizeObserver(sendHeight).observe(content);
  // pym.js's parent sends the iframe's width when its window resizes, and expects a height back.
  window.addEventListener("message", function (event) {
    // embed/resize.js asks when it starts: a height sent before it listened was lost.
    if (event.data && event.data.type === "southern-health-embed:ask") {
      last = -1;
      sendHeight();
      return;
    }
    if (typeof event.data === "string" && childId && event.data.indexOf("pymxPYMx" + childId + "xPYMxwidthxPYMx") === 0) {
      last = -1;
      sendHeight();
    }
  });
  sendHeight();

  // Tooltips: each mark with a description shows it on hover and on keyboard focus.
  function show(mark) {
    var body = mark.closest(".chart-body");
    var tip = body && body.querySelector(".chart-tip");
    if (!tip) return;
    tip.textContent = mark.getAttribute("aria-label");
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var frame = body.getBoundingClientRect();
    // Centred over the mark but kept inside the screen, as src/components/frame/frame.ts does;
    // measured at the left edge first, where the tip is as wide as its text makes it.
    tip.style.left = "0px";
    var half = tip.offsetWidth / 2 + 4;
    var screen = document.documentElement.clientWidth;
    var centre = Math.min(Math.max(box.left + box.width / 2, half), Math.max(half, screen - half));
    tip.style.left = centre - frame.left + "px";
    tip.style.top = box.top - frame.top + "px";
  }
  function hide() {
    var tips = document.querySelectorAll(".chart-tip");
    for (var i = 0; i < tips.length; ++i) tips[i].hidden = true;
  }
  function on(type, handler) {
    document.addEventListener(type, function (event) {
      var mark = event.target.closest && event.target.closest(".chart-mark");
      if (mark) handler(mark);
    });
  }
  on("pointerover", show);
  on("focusin", show);
  on("pointerout", hide);
  on("focusout", hide);
})();
