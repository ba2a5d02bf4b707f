// Paste once on a page that embeds charts from this notebook: each embedded
// chart reports its height, and this sets the height of the iframe it is in.
(function () {
  if (window.__southernHealthEmbeds) return;
  window.__southernHealthEmbeds = true;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "southern-health-embed:height" || typeof data.height !== "number") return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; ++i) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = data.height + "px";
    }
  });
  // A chart that loaded before this script reported its height to no one (an editor's CMS may
  // load scripts late): each frame is asked again. One still loading reports once it has.
  var frames = document.getElementsByTagName("iframe");
  for (var i = 0; i < frames.length; ++i) {
    if (frames[i].contentWindow) frames[i].contentWindow.postMessage({type: "southern-health-embed:ask"}, "*");
  }
})();
