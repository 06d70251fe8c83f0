// Search in the header, in Vietnamese: Pagefind's index, with the site's own ranking and excerpts.
// Nothing of Pagefind loads until the reader focuses or types in the box. Pagefind folds marks
// ("ket hon" finds "kết hôn") but not "đ": a word typed with "d" is also searched with "đ".
// The words people use come from du-lieu/tim-kiem.json: an everyday name ("sao y") is searched as
// the procedure's own name; a question ("ở đâu", "mất bao lâu") links the part of a page that
// answers it; a procedure outside the catalog ("khai sinh") is said to be outside it.
// Results are built with DOM calls and textContent only: page text is catalog text, untrusted.
(function () {
  "use strict";
  var box = document.querySelector(".kc-search");
  var form = box && box.querySelector(".kc-search__form");
  var input = box && box.querySelector(".kc-search__input");
  if (!form || !input) return;
  var clear = box.querySelector(".kc-search__clear");
  var bundle = new URL(box.getAttribute("data-kc-bundle") || "pagefind/", document.baseURI).href;
  var base = box.getAttribute("data-kc-base") || "/";
  var root = new URL("../", bundle).pathname; // where the site is served: "/" or "/sub/"
  var here = location.pathname.indexOf(root) === 0 ? location.pathname.slice(root.length) : "";
  var ward = (/^phuong\/([^/]+)\//.exec(here) || [])[1] || null; // the ward whose pages the reader is on

  // MAX_PAGES: the best-scored pages whose text is loaded and ranked (a fragment of ~2 KB each,
  // cached); the real catalog has 124, so every match is ranked.
  var MAX_COMBOS = 16, MAX_PAGES = 160, SHOWN = 8, EXCERPT_WORDS = 28, WORDS_BEFORE = 4;
  var WORD = /[\p{L}\p{N}]/u, NOT_WORD = /[^\p{L}\p{N}]+/u, MARKS = /[\u0300-\u036f]/g;
  var KIND = { procedure: 0, here: 1, ward: 2, page: 3, copy: 4 };
  // Questions: the words that ask (taken out of what is searched, longest first), what is searched
  // when nothing else is named, and the parts of a page that answer, by preference (an id, or the
  // start of one). `general`: the parts that answer the question asked of the whole site.
  var INTENTS = [
    { ask: ["nop o dau", "o dau", "cho nao", "noi nao", "dia chi", "tru so", "noi nop"], find: "nơi làm thủ tục",
      parts: ["noi-lam-thu-tuc-bay-gio", "lien-he", "noi-nop-va-gio-lam-viec", "noi-lam-thu-tuc", "lam-thu-tuc-o-dau"],
      general: ["lam-thu-tuc-o-dau", "noi-lam-thu-tuc"] },
    { ask: ["mat bao lau", "bao lau", "bao nhieu ngay", "may ngay", "thoi han", "bao gio co"], find: "thời hạn",
      parts: ["neu-khong-duoc-giai-quyet-ngay", "thoi-han-va-le-phi-theo-quy-dinh", "khong-cho-nghia-la-gi"],
      general: ["khong-cho-nghia-la-gi", "thoi-han-va-le-phi-theo-quy-dinh"] },
    { ask: ["gio lam viec", "may gio", "gio mo cua", "mo cua"], find: "giờ làm việc",
      parts: ["gio-lam-viec", "noi-nop-va-gio-lam-viec"], general: ["gio-lam-viec", "noi-nop-va-gio-lam-viec"] },
    { ask: ["mat bao nhieu tien", "bao nhieu tien", "het bao nhieu", "le phi", "phi"], find: "lệ phí",
      parts: ["le-phi", "thoi-han-va-le-phi-theo-quy-dinh"], general: ["thoi-han-va-le-phi-theo-quy-dinh", "le-phi"] },
  ];
  var FILLER = ["lam thu tuc", "nop ho so", "thu tuc", "ho so", "lam", "nop", "can", "di"]; // "làm thủ tục ở đâu"

  // --- Text: folding ("Đăng ký" -> "dang ky") with indexes that line up with the original.
  function fold(s) {
    return s.normalize("NFC").toLowerCase().normalize("NFD").replace(MARKS, "").replace(/đ/g, "d");
  }
  function foldAligned(s) {
    var f = fold(s);
    if (f.length === s.length) return f;
    var out = "";
    for (var i = 0; i < s.length; i++) out += fold(s[i]).charAt(0) || " ";
    return out;
  }
  function words(s) {
    return fold(s).split(NOT_WORD).filter(Boolean);
  }
  function isStart(text, i) {
    return i === 0 || !WORD.test(text[i - 1]);
  }
  function wordEnd(text, i) {
    while (i < text.length && WORD.test(text[i])) i++;
    return i;
  }

  // --- Pagefind, loaded on first use.
  var loading = null;
  function pagefind() {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(function (pf) {
        return pf.options({ basePath: bundle, baseUrl: base }).then(function () {
          return pf.init();
        }).then(function () {
          return pf;
        });
      });
      loading.catch(function () {
        loading = null; // try again on the next keystroke
      });
    }
    return loading;
  }

  // The words people use, loaded with the index; search works without them.
  var vocabulary = null;
  function vocab() {
    if (!vocabulary) {
      vocabulary = fetch(new URL("../du-lieu/tim-kiem.json", bundle)).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).catch(function () {
        vocabulary = null;
        return null;
      });
    }
    return vocabulary;
  }

  // Where the words `p` stand together in the words `ws`: the index, or -1.
  function at(ws, p) {
    for (var i = 0; i + p.length <= ws.length; i++) {
      for (var k = 0; k < p.length && ws[i + k] === p[k]; k++);
      if (k === p.length) return i;
    }
    return -1;
  }
  // How the words `ws` meet a name: 3 they are the name, 2 the name stands in them, 1 they stand in
  // the name (two words at least: "khai sinh", not "sinh"), 0 not at all.
  function fit(ws, name) {
    var n = words(name);
    if (!ws.length || !n.length) return 0;
    if (ws.join(" ") === n.join(" ")) return 3;
    if (at(ws, n) >= 0) return 2;
    return ws.length > 1 && at(n, ws) >= 0 ? 1 : 0;
  }
  function bare(name) {
    return name.replace(/^Thủ tục\s+/u, "");
  }

  // What the reader asks: the question, the procedure named by an everyday name, one outside the
  // catalog, and what is searched (`query`) and ranked by (`q`).
  function understand(query, v) {
    var toks = query.split(NOT_WORD).filter(Boolean), ws = toks.map(fold), intent = null;
    function cut(phrase) {
      var p = phrase.split(" "), i = at(ws, p);
      if (i >= 0) {
        toks.splice(i, p.length);
        ws.splice(i, p.length);
      }
      return i >= 0;
    }
    INTENTS.forEach(function (it) {
      if (!intent && it.ask.some(cut)) intent = it;
    });
    if (intent) FILLER.forEach(cut);
    var u = { intent: intent, general: !!intent && !ws.length, alias: null, outside: null, portal: v && v.cong };
    var mine = 0, theirs = 0, longest = 0;
    (v ? v.thu_tuc : []).forEach(function (p) {
      [{ ten: p.ten }, { ten: p.ten_day_du }].concat(p.goi).forEach(function (c, i) {
        var f = fit(ws, c.ten), n = words(c.ten).length;
        mine = Math.max(mine, f);
        if (i > 1 && f >= 2 && n > longest) {
          longest = n;
          u.alias = { called: c, procedure: p, whole: f === 3 };
        }
      });
    });
    (v ? v.ngoai_danh_muc : []).forEach(function (o) {
      [bare(o.ten)].concat(o.tu_khoa).forEach(function (name) {
        var f = fit(ws, name); // the most general of those that fit best: "đăng ký giám hộ"
        if (f > theirs || (f && f === theirs && o.ten.length < u.outside.ten.length)) {
          theirs = f;
          u.outside = o;
        }
      });
    });
    if (theirs <= mine) u.outside = null;
    u.query = u.general ? intent.find : toks.join(" ");
    u.q = u.general ? words(intent.find) : ws;
    if (u.alias) { // also searched by the procedure's own name: "sao y" as "Chứng thực bản sao"
      var p = words(u.alias.called.ten), i = at(ws, p), own = u.alias.procedure.ten;
      toks.splice.apply(toks, [i, p.length].concat(own.split(/\s+/)));
      u.alt = { query: toks.join(" "), q: ws.slice(0, i).concat(words(own), ws.slice(i + p.length)) };
    }
    return u;
  }

  // The part of a page that answers the question: the first of `prefs` among its ids.
  function part(anchors, prefs) {
    for (var i = 0; i < prefs.length; i++) {
      for (var j = 0; j < anchors.length; j++) {
        var id = anchors[j].id || "";
        // "gio-lam-viec" before "gio-lam-viec-den-30-06-2025" (an ended ward's hours)
        if (id === prefs[i] || id.indexOf(prefs[i] + "-") === 0) {
          return { id: id, location: anchors[j].location || 0, rank: i + (id === prefs[i] ? 0 : 0.5) };
        }
      }
    }
    return null;
  }

  // Where the `n`th word of a page's text starts (Pagefind counts words between spaces), or -1.
  function wordAt(text, n) {
    var re = /\S+/g, m;
    while ((m = re.exec(text)) && n--);
    return m ? m.index : -1;
  }

  // Each term starting with "d" also as "đ": every combination (at most MAX_COMBOS), merged.
  async function find(pf, query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    var choices = terms.map(function (t) {
      var d = /^([^\p{L}\p{N}]*)d/u.exec(t);
      return d ? [t, d[1] + "đ" + t.slice(d[0].length)] : [t];
    });
    if (choices.reduce(function (n, c) { return n * c.length; }, 1) > MAX_COMBOS) {
      // Too many: keep the spellings that occur at all, the more frequent first.
      choices = await Promise.all(choices.map(async function (c) {
        if (c.length === 1) return c;
        var counts = await Promise.all(c.map(async function (t) { return (await pf.search(t)).results.length; }));
        var kept = c.filter(function (t, i) { return counts[i] > 0; });
        kept.sort(function (a, b) { return counts[c.indexOf(b)] - counts[c.indexOf(a)]; });
        return kept.length ? kept : [c[0]];
      }));
    }
    var combos = [{ terms: [], cost: 0 }];
    choices.forEach(function (c) {
      var next = [];
      combos.forEach(function (combo) {
        c.forEach(function (t, i) { next.push({ terms: combo.terms.concat(t), cost: combo.cost + i }); });
      });
      combos = next;
    });
    combos.sort(function (a, b) { return a.cost - b.cost; });
    var found = await Promise.all(combos.slice(0, MAX_COMBOS).map(function (c) { return pf.search(c.terms.join(" ")); }));
    var best = new Map();
    found.forEach(function (r) {
      r.results.forEach(function (hit) {
        var seen = best.get(hit.id);
        if (!seen || hit.score > seen.score) best.set(hit.id, hit);
      });
    });
    return Array.from(best.values()).sort(function (a, b) { return b.score - a.score; }).slice(0, MAX_PAGES);
  }

  // --- Ranking.
  // Query words the title covers: runs of at least two consecutive words (or the one word of a
  // one-word query); the last word, still being typed, may be the start of a title word (half).
  function titleScore(q, title) {
    var t = words(title), n = q.length, min = Math.min(2, n), covered = new Array(n).fill(0);
    function match(i, j) {
      if (t[j] === q[i]) return 1;
      return i === n - 1 && t[j].indexOf(q[i]) === 0 ? 0.5 : 0;
    }
    for (var i = 0; i < n; i++) {
      for (var j = 0; j < t.length; j++) {
        var len = 0;
        while (i + len < n && j + len < t.length && match(i + len, j + len)) len++;
        for (var k = 0; len >= min && k < len; k++) covered[i + k] = Math.max(covered[i + k], match(i + k, j + k));
      }
    }
    return covered.reduce(function (a, b) { return a + b; }, 0);
  }

  // How often the query's words stand together in the text (for queries of two words or more).
  function phraseCount(q, folded) {
    if (q.length < 2) return 0;
    var flat = folded.replace(/[^\p{L}\p{N}]+/gu, " "), phrase = q.join(" "), n = 0;
    for (var i = flat.indexOf(phrase); i >= 0; i = flat.indexOf(phrase, i + 1)) if (isStart(flat, i)) n++;
    return n;
  }

  function kindOf(path) {
    var p = path.replace(/^\/+|\/+$/g, "").split("/");
    if (p[0] === "thu-tuc" && p.length === 2) return { kind: "procedure" };
    if (p[0] === "phuong" && p.length === 2) return { kind: "ward", ward: p[1] };
    if (p[0] === "phuong" && p.length === 3) return { kind: "copy", ward: p[1], procedure: p[2] };
    return { kind: "page" };
  }

  // A ward the query names: every word of its address ("hang-bai") among the query's words.
  function named(q, slug) {
    return slug.split("-").every(function (w) { return /^\d+$/.test(w) || q.indexOf(w) >= 0; });
  }

  async function rank(query) {
    query = query.normalize("NFC").trim();
    if (!words(query).length) return { pages: [], notes: {} };
    var loaded = await Promise.all([pagefind(), vocab()]), pf = loaded[0];
    var u = understand(query, loaded[1]), q = u.q;
    if (!q.length) return { pages: [], notes: u };
    var hits = await find(pf, u.query);
    if (u.alt) { // both searches, each page once
      var seen = new Set(hits.map(function (h) { return h.id; }));
      (await find(pf, u.alt.query)).forEach(function (h) {
        if (!seen.has(h.id)) hits.push(h);
      });
    }
    var pages = await Promise.all(hits.map(async function (hit) {
      var d = await hit.data();
      var title = (d.meta && d.meta.title) || d.url;
      var content = (d.content || "").normalize("NFC");
      var folded = foldAligned(content);
      var k = kindOf(d.raw_url || d.url);
      var mine = k.kind === "copy" && k.ward === ward;
      var phrases = phraseCount(q, folded), titled = titleScore(q, title), shown = q;
      if (u.alt) { // the title that names the procedure counts; the words as typed show where they stand
        titled = Math.max(titled, titleScore(u.alt.q, title));
        var other = phraseCount(u.alt.q, folded);
        if (!phrases && other) {
          shown = u.alt.q;
          phrases = other;
        }
      }
      var answer = u.intent ? part(d.anchors || [], u.general ? u.intent.general : u.intent.parts) : null;
      var from = answer ? wordAt(content, answer.location) : -1;
      return {
        url: d.url + (answer ? "#" + answer.id : ""),
        title: title,
        kind: k.kind,
        here: mine,
        ward: k.ward || null,
        procedure: k.procedure || null,
        group: k.kind === "copy" && !mine && !named(q, k.ward) ? k.procedure : null,
        score: hit.score,
        keys: [u.general ? (answer ? answer.rank : 9) : 0, -titled, u.intent && !answer ? 1 : 0,
          -Math.min(phrases, 1), KIND[mine ? "here" : k.kind], -phrases, -hit.score],
        excerpt: excerpt(shown, content, folded, title, answer && from >= 0 ? from : -1),
      };
    }));
    pages.sort(function (a, b) {
      for (var i = 0; i < a.keys.length; i++) if (a.keys[i] !== b.keys[i]) return a.keys[i] - b.keys[i];
      return a.title.length - b.title.length || (a.url < b.url ? -1 : 1);
    });
    // Other wards' copies of a procedure go last, grouped; the groups keep their best member's order.
    var top = pages.filter(function (p) { return !p.group; });
    var order = [];
    pages.forEach(function (p) {
      if (p.group && order.indexOf(p.group) < 0) order.push(p.group);
    });
    return {
      pages: top.concat.apply(top, order.map(function (g) {
        return pages.filter(function (p) { return p.group === g; });
      })).map(function (p) {
        delete p.keys;
        return p;
      }),
      notes: u,
    };
  }

  // --- Excerpts: ~EXCERPT_WORDS words from a word start a few words before the best match, or
  // from `from` (the part of the page that answers a question). Returns [{text, mark}], the
  // excerpt's pieces; "…" where the page's text goes on. Words of one letter are never marked.
  function excerpt(q, content, folded, title, from) {
    var hits = [];
    q = q.filter(function (w) { return w.length > 1; });
    q.forEach(function (w) {
      for (var i = folded.indexOf(w); i >= 0; i = folded.indexOf(w, i + 1)) {
        if (isStart(folded, i)) {
          var end = wordEnd(folded, i + w.length);
          hits.push({ at: i, end: end, word: w, weight: end === i + w.length ? 1 : 0.5 });
        }
      }
    });
    hits.sort(function (a, b) { return a.at - b.at; });
    // The best place: the query's words together and whole ("giấy báo tử", not "báo ... tục"),
    // after the title the page's text opens with.
    var phrase = new RegExp("^" + q.join("[^\\p{L}\\p{N}]+"), "u"); // query words are letters and digits
    var skip = content.indexOf(title) === 0 ? title.length : 0;
    var best = null, bestValue = -1;
    hits.forEach(function (h, i) {
      var seen = new Map();
      for (var j = i; j < hits.length && hits[j].at - h.at < 160; j++) {
        seen.set(hits[j].word, Math.max(seen.get(hits[j].word) || 0, hits[j].weight));
      }
      var value = (h.at >= skip ? 0.25 : 0);
      seen.forEach(function (weight) { value += weight; });
      if (q.length > 1 && h.word === q[0] && phrase.test(folded.slice(h.at, h.at + 200))) value += q.length;
      if (value > bestValue) { best = h; bestValue = value; }
    });
    var start = 0;
    if (from >= 0) {
      start = from;
    } else if (best) {
      start = best.at;
      // Back a few words, but not past the start of the sentence.
      for (var n = 0; n < WORDS_BEFORE && start > 0; n++) {
        var s = start - 1;
        while (s > 0 && !WORD.test(content[s])) s--;
        if (/[.:;!?]/.test(content.slice(s + 1, start)) || best.at - s > 60) break;
        while (s > 0 && WORD.test(content[s - 1])) s--;
        start = s;
      }
    }
    var end = start, count = 0;
    while (end < content.length && count < EXCERPT_WORDS) {
      while (end < content.length && !WORD.test(content[end])) end++;
      end = wordEnd(content, end);
      count++;
    }
    // Marked: the query's words where they stand together, if they do in the excerpt; else each word.
    var together = [];
    if (q.length > 1) {
      hits.forEach(function (h) {
        if (h.word !== q[0] || h.at < start || h.at >= end || !phrase.test(folded.slice(h.at, h.at + 200))) return;
        for (var k = 0, i = h.at; k < q.length; k++) {
          while (!WORD.test(folded[i])) i++;
          together.push({ at: i, end: wordEnd(folded, i) });
          i = wordEnd(folded, i);
        }
      });
    }
    var pieces = [], at = start;
    (together.length ? together : hits).forEach(function (h) {
      if (h.at < at || h.at >= end) return;
      if (h.at > at) pieces.push({ text: content.slice(at, h.at), mark: false });
      pieces.push({ text: content.slice(h.at, Math.min(h.end, end)), mark: true });
      at = Math.min(h.end, end);
    });
    if (end > at) pieces.push({ text: content.slice(at, end), mark: false });
    if (start > 0) pieces.unshift({ text: "…", mark: false });
    if (end < content.length) pieces.push({ text: " …", mark: false });
    return pieces;
  }

  // --- The box and its drop-down.
  var panel = document.createElement("div");
  panel.className = "kc-search__panel";
  panel.id = "kc-search-ket-qua";
  var status = document.createElement("p");
  status.className = "kc-search__status";
  status.setAttribute("role", "status");
  var list = document.createElement("div");
  list.className = "kc-search__results";
  panel.append(status, list);
  box.append(panel);
  input.setAttribute("aria-controls", panel.id);
  form.hidden = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function quoted(query) {
    return "“" + query + "”";
  }
  function open(on) {
    panel.classList.toggle("kc-search__panel--open", on);
    list.hidden = !on;
  }
  function wardName(title) {
    var i = title.lastIndexOf(" tại ");
    var name = i >= 0 ? title.slice(i + 5) : title;
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
  function item(p) {
    var li = el("li", "kc-search__result");
    var a = el("a", "kc-search__link", p.title);
    a.href = p.url;
    var para = el("p", "kc-search__excerpt");
    p.excerpt.forEach(function (piece) {
      para.append(piece.mark ? el("mark", null, piece.text) : document.createTextNode(piece.text));
    });
    li.append(a, para);
    return li;
  }

  // One line each, above the results: a procedure outside the catalog; an everyday name's own procedure.
  function notes(u) {
    var out = [];
    if (u.outside) {
      var name = bare(u.outside.ten), line = el("p", "kc-search__note kc-search__note--outside");
      line.append("Thủ tục “" + name.charAt(0).toUpperCase() + name.slice(1) + "” (mã " + u.outside.ma +
        ") không có trong danh mục thủ tục không chờ; ông/bà tra cứu thủ tục này trên ");
      var portal = el("a", null, "Cổng Dịch vụ công quốc gia");
      if (/^https:\/\//.test(u.portal || "")) portal.href = u.portal;
      line.append(portal, ".");
      out.push(line);
    }
    if (u.alias && u.alias.whole) {
      var c = u.alias.called;
      out.push(el("p", "kc-search__note", "“" + c.ten + "” là cách gọi thường dùng của thủ tục " +
        u.alias.procedure.ten + "." + (c.ghi_chu ? " " + c.ghi_chu : "")));
    }
    return out;
  }

  function show(query, ranked) {
    var pages = ranked.pages;
    list.replaceChildren.apply(list, notes(ranked.notes));
    var top = pages.filter(function (p) { return !p.group; });
    var ol = el("ol", "kc-search__list");
    top.forEach(function (p, i) {
      var li = item(p);
      if (i >= SHOWN) li.hidden = true;
      ol.append(li);
    });
    if (top.length) list.append(ol);
    if (top.length > SHOWN) {
      var more = el("button", "kc-search__more", "Xem thêm " + (top.length - SHOWN) + " kết quả");
      more.type = "button";
      more.addEventListener("click", function () {
        ol.querySelectorAll("li[hidden]").forEach(function (li) { li.hidden = false; });
        more.remove();
        var next = ol.children[SHOWN];
        if (next) next.querySelector("a").focus();
      });
      list.append(more);
    }
    var groups = new Map();
    pages.forEach(function (p) {
      if (p.group) groups.set(p.group, (groups.get(p.group) || []).concat(p));
    });
    var count = top.length + groups.size; // what the list holds: a page, or a group of wards' copies
    status.textContent = count ? count + " kết quả cho " + quoted(query) : "Không tìm thấy kết quả cho " + quoted(query);
    groups.forEach(function (copies, procedure) {
      var shown = pages.some(function (p) { return !p.group && p.procedure === procedure; });
      var title = copies[0].title, i = title.lastIndexOf(" tại ");
      var details = el("details", "kc-search__group");
      details.append(el("summary", null, (i >= 0 ? title.slice(0, i) : title) + " tại " + copies.length +
        " phường" + (shown ? " khác" : "")));
      var ul = el("ul");
      copies.forEach(function (p) {
        var li = el("li"), a = el("a", "kc-search__link", wardName(p.title));
        a.href = p.url;
        li.append(a);
        ul.append(li);
      });
      details.append(ul);
      list.append(details);
    });
    open(true);
  }

  var timer = 0, asked = 0, closing = false;
  async function run() {
    clearTimeout(timer);
    var query = input.value.normalize("NFC").trim();
    var mine = ++asked;
    if (fold(query).replace(NOT_WORD, "").length < 2) {
      status.textContent = "";
      list.replaceChildren();
      open(false);
      return;
    }
    if (!list.childNodes.length) {
      status.textContent = "Đang tìm…"; // the first search waits for Pagefind
      open(true);
    }
    try {
      var ranked = await rank(query);
      if (mine === asked) show(query, ranked);
    } catch (e) {
      if (mine !== asked) return;
      list.replaceChildren();
      status.textContent = "Không tải được công cụ tìm kiếm. Ông/bà vui lòng thử lại sau.";
      open(true);
    }
  }
  function reset() {
    input.value = "";
    asked++;
    clearTimeout(timer);
    status.textContent = "";
    list.replaceChildren();
    open(false);
    if (clear) clear.hidden = true;
  }
  function links() {
    return Array.prototype.filter.call(panel.querySelectorAll("a, summary, button"), function (e) {
      return e.offsetParent !== null;
    });
  }

  input.addEventListener("focus", function () {
    pagefind().catch(function () {});
    if (list.childNodes.length && !closing) open(true);
  });
  input.addEventListener("input", function () {
    if (clear) clear.hidden = !input.value;
    var query = input.value.normalize("NFC").trim();
    pagefind().then(function (pf) {
      if (query) pf.preload(query.toLowerCase());
    }).catch(function () {});
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      e.preventDefault();
      reset();
    } else if (e.key === "Enter") { // the phone keyboard's "Tìm" too: open the first result
      e.preventDefault();
      run().then(function () {
        var first = list.querySelector(".kc-search__link");
        if (first && input.value.trim()) location.href = first.href;
      });
    } else if (e.key === "ArrowDown" && panel.classList.contains("kc-search__panel--open")) {
      var first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  panel.addEventListener("keydown", function (e) {
    var all = links(), i = all.indexOf(document.activeElement);
    if (e.key === "Escape") {
      e.preventDefault();
      open(false);
      closing = true; // back in the box, the results stay closed until the reader types
      input.focus();
      closing = false;
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      var next = all[i + (e.key === "ArrowDown" ? 1 : -1)];
      (next || input).focus();
    }
  });
  if (clear) {
    clear.addEventListener("click", function () {
      reset();
      input.focus();
    });
  }
  document.addEventListener("pointerdown", function (e) {
    if (!box.contains(e.target)) open(false);
  });
  box.addEventListener("focusout", function (e) {
    if (e.relatedTarget && !box.contains(e.relatedTarget)) open(false);
  });

  window.kcSearch = {
    notes: async function (query) {
      return notes((await rank(query)).notes).map(function (p) { return p.textContent; });
    },
    rank: async function (query) {
      return (await rank(query)).pages.map(function (p) {
        return {
          url: p.url,
          title: p.title,
          kind: p.kind,
          here: p.here,
          group: p.group,
          score: p.score,
          excerpt: p.excerpt.map(function (piece) { return piece.text; }).join(""),
        };
      });
    },
  };
})();
