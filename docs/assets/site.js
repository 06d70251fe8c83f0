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

// "Is this printed sheet still right?" A sheet's QR code opens its page with ?ban=YYYY-MM-DD, the
// day its content took effect. The page says first, in one box: still right, out of date (each
// change since, newest first, and where to print the current sheet), or an edition this page never
// had (never "still right"). Text comes from the page's kc-editions data and goes in as text only.
function kcEdition() {
  var data = document.getElementById("kc-editions");
  var asked = new URLSearchParams(location.search).get("ban");
  var article = document.querySelector("article.md-content__inner");
  if (!data || asked === null || !article || article.querySelector(".kc-edition")) return;
  var e = JSON.parse(data.textContent);
  function vn(iso) {
    var p = iso.split("-");
    return p[2] + "/" + p[1] + "/" + p[0];
  }
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text != null) x.textContent = text;
    return x;
  }
  function link(text, href) {
    var a = el("a", null, text);
    a.href = href;
    return a;
  }
  var box = el("div", "admonition kc-edition");
  box.setAttribute("role", "status");
  var title = el("p", "admonition-title");
  box.append(title);
  var known = /^\d{4}-\d{2}-\d{2}$/.test(asked) && e.ban.indexOf(asked) >= 0;
  var later = e.thay_doi.filter(function (c) { return !c.sap_toi && c.ngay > asked; });
  var coming = e.thay_doi.filter(function (c) { return c.sap_toi; });
  var list = el("ul");
  function items(changes, word) { // one line a day, newest first
    var days = [];
    changes.forEach(function (c) {
      var last = days[days.length - 1];
      if (last && last.ngay === c.ngay) last.cau = last.cau.concat(c.cau);
      else days.push({ ngay: c.ngay, cau: c.cau.slice() });
    });
    days.forEach(function (d) {
      var li = el("li");
      li.append(el("strong", null, word + " ngày " + vn(d.ngay) + ": "), d.cau.join(" "));
      list.append(li);
    });
  }
  if (!known) {
    box.classList.add("warning");
    title.textContent = "Không nhận ra bản in này";
    box.append(el("p", null, "Trang không có bản in nào với ngày áp dụng “" + asked.slice(0, 40) + "”." +
      (e.hien_tai ? " Bản in hiện hành có nội dung áp dụng từ ngày " + vn(e.hien_tai) + "." : "") +
      " Ông/bà đối chiếu bản in của mình với nội dung trên trang này."));
  } else if (later.length || e.het) {
    box.classList.add(e.het ? "danger" : "warning");
    title.textContent = "Bản in này đã cũ";
    box.append(el("p", null, "Bản in có nội dung áp dụng từ ngày " + vn(asked) +
      ". Các thay đổi từ đó đến nay, mới nhất trước:"));
    items(later, "Từ");
  } else {
    box.classList.add("success");
    title.textContent = "Bản in này vẫn đúng";
    box.append(el("p", null, "Nội dung bản in áp dụng từ ngày " + vn(asked) + "; đến ngày " + vn(e.ngay_dung) +
      " chưa có gì thay đổi."));
  }
  items(coming, "Sắp áp dụng từ");
  if (list.children.length) box.append(list);
  var next = el("p");
  if (e.het) {
    var where = document.getElementById("noi-lam-thu-tuc-bay-gio");
    next.append("Phường không còn nhận hồ sơ. ");
    if (where) next.append(link("Xem nơi làm thủ tục bây giờ", "#noi-lam-thu-tuc-bay-gio"), ". ");
  } else if (known && later.length && e.in_lai) {
    next.append(link("In bản hiện hành", e.in_lai), " (nội dung áp dụng từ ngày " + vn(e.hien_tai) + "). ");
  }
  next.append(link("Các thay đổi của phường", e.danh_sach), ".");
  box.append(next);
  var heading = article.querySelector("h1");
  if (heading) heading.parentNode.insertBefore(box, heading);
  else article.prepend(box);
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", kcEdition);
} else {
  kcEdition();
}
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(function () { setTimeout(kcEdition, 0); });
}
