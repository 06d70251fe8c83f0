// Small enhancements of the site; every page works without them.

// Each data cell knows its column's name, so a narrow screen can show a table one block per row
// (kc.css): every column visible, the share included, without sideways scrolling.
function kcLabelTables() {
  document.querySelectorAll(".md-typeset table").forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (names.length < 2 || table.hasAttribute("data-kc-stack")) return;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (names[i]) cell.setAttribute("data-kc-label", names[i]);
      });
    });
    table.setAttribute("data-kc-stack", "");
  });
}

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
function kcTables() {
  kcLabelTables();
  kcScrollableTables();
}
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(function () { setTimeout(kcTables, 0); });
}
window.addEventListener("load", kcTables);
window.addEventListener("resize", kcScrollableTables);
