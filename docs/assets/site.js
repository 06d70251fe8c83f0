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

// Pagefind search in the header, in Vietnamese. Pagefind folds diacritics ("ket hon" finds
// "kết hôn"); the query is also normalised to NFC so text typed in decomposed form matches.
(function () {
  "use strict";
  var box = document.querySelector(".kc-search");
  if (!box || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: box,
    bundlePath: new URL(box.getAttribute("data-kc-bundle"), document.baseURI).href,
    baseUrl: box.getAttribute("data-kc-base") || "/",
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    pageSize: 5,
    processTerm: function (term) { return term.normalize("NFC"); },
    translations: {
      placeholder: "Tìm thủ tục, phường…",
      clear_search: "Xóa",
      load_more: "Xem thêm kết quả",
      search_label: "Tìm trong trang",
      filters_label: "Bộ lọc",
      zero_results: "Không tìm thấy kết quả cho “[SEARCH_TERM]”",
      many_results: "[COUNT] kết quả cho “[SEARCH_TERM]”",
      one_result: "1 kết quả cho “[SEARCH_TERM]”",
      alt_search: "Không có kết quả cho “[SEARCH_TERM]”. Kết quả cho “[DIFFERENT_TERM]”:",
      search_suggestion: "Không có kết quả cho “[SEARCH_TERM]”. Hãy thử:",
      searching: "Đang tìm “[SEARCH_TERM]”…"
    }
  });
  var input = box.querySelector("input");
  if (input) input.setAttribute("aria-label", "Tìm thủ tục, phường");
  return ui;
})();
