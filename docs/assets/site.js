// Small enhancements of the site; every page works without them.

// Wide tables scroll sideways on a phone: make their scroll area reachable by keyboard.
// Material wraps tables after our script runs, so do it once its document$ stream emits.
function kcScrollableTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Bảng (cuộn ngang)");
  });
}
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(function () { setTimeout(kcScrollableTables, 0); });
}
window.addEventListener("load", kcScrollableTables);
