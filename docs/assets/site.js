// Small enhancements of the site; every page works without them.

// Wide tables scroll sideways on a phone: make their scroll area reachable by keyboard, and say
// so above any table wider than its box. Material wraps tables after our script runs, so do it
// once its document$ stream emits, and again when the screen turns.
function kcScrollableTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Bảng (cuộn ngang)");
    var wide = wrap.scrollWidth > wrap.clientWidth + 1;
    wrap.classList.toggle("kc-scrolls", wide);
    var cue = wrap.previousElementSibling;
    var has = cue && cue.classList.contains("kc-scroll-cue");
    if (wide && !has) {
      cue = document.createElement("p");
      cue.className = "kc-scroll-cue";
      cue.textContent = "Bảng rộng: vuốt hoặc cuộn sang ngang để xem hết →";
      wrap.parentNode.insertBefore(cue, wrap);
    } else if (!wide && has) {
      cue.remove();
    }
  });
}
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(function () { setTimeout(kcScrollableTables, 0); });
}
window.addEventListener("load", kcScrollableTables);
window.addEventListener("resize", kcScrollableTables);
