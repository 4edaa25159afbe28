// A link to a claim (a chart mark, a quote's place) opens its entry and
// the lists around it; the page works without this, the entries closed.
(function () {
  function open(id) {
    var e = document.getElementById(id);
    var t = e;
    while (e) {
      if (e.tagName === "DETAILS") e.open = true;
      e = e.parentElement;
    }
    if (t) t.scrollIntoView({ block: "center" });
  }
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a");
    var href = a && a.getAttribute("href");
    if (href && href.charAt(0) === "#" && href.length > 1) {
      setTimeout(function () { open(decodeURIComponent(href.slice(1))); }, 0);
    }
  });
  if (location.hash.length > 1) open(decodeURIComponent(location.hash.slice(1)));
})();
