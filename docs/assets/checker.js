// Citizen tools on ward and ward x procedure pages: "will mine be settled at once?", the fee
// calculator and "open now". Plain JavaScript reading the JSON the build embeds in the page (its
// types: generator/contract.py); without JavaScript the page still lists conditions, fees, hours.
// All times are Vietnam time (UTC+7, no daylight saving), whatever the visitor's clock zone.
//
// The pure rules (fees, working days) are in `core`, with no DOM: tests run them against the same
// table of cases as the Python (tests/rules/cases.json). Each kind of condition has one handler in
// HANDLERS (its question and its judgement): a new kind in the catalog needs one here.
(function () {
  "use strict";

  var DAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"];

  // --- the pure core: dates as {y, m, d}, weekday 0 = Monday, handled in UTC -------------------
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(day) { return day.y + "-" + pad(day.m) + "-" + pad(day.d); }
  function parseDay(text) { var p = text.split("-"); return { y: +p[0], m: +p[1], d: +p[2] }; }
  function weekday(day) { return (new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay() + 6) % 7; }
  function addDays(day, n) {
    var t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  function clock(min) { return pad(Math.floor(min / 60)) + ":" + pad(min % 60); }
  // A time of day as a sentence says it: 900 -> "15 giờ", 990 -> "16 giờ 30".
  function hour(min) { return Math.floor(min / 60) + " giờ" + (min % 60 ? " " + pad(min % 60) : ""); }
  function parseClock(text) { var p = text.split(":"); return parseInt(p[0], 10) * 60 + parseInt(p[1], 10); }

  // The fee in đồng: the formula of model.Fee.amount.
  function amount(fee, count, multiplier) {
    if (!(count > 0) || !(multiplier > 0)) return 0;
    var total = 0;
    for (var i = 0; i < fee.bac.length; i++) {
      var from = fee.bac[i][0], rate = fee.bac[i][1];
      var end = i + 1 < fee.bac.length ? fee.bac[i + 1][0] - 1 : count;
      total += Math.max(0, Math.min(count, end) - from + 1) * rate;
    }
    if (fee.toi_da !== null && fee.toi_da !== undefined) total = Math.min(total, fee.toi_da);
    return total * (fee.nhan_theo ? multiplier : 1);
  }

  // Calendar of one ward: the days off the build knows (and the window it knows them for), hours.
  function Calendar(holidays, hours) {
    var off = {};
    (holidays ? holidays.ngay_nghi : []).forEach(function (h) { off[h.ngay] = h.ten; });
    this.off = off;
    this.first = holidays ? holidays.tu_ngay : null;
    this.last = holidays ? holidays.den_ngay : null;
    this.hours = hours && hours.biet ? hours.ngay : null;  // null: not published, never guessed
    // Without the ward's hours: the national working week (true, false, or null where not known).
    this.week = !this.hours && hours && hours.tuan ? hours.tuan : null;
    this.basis = hours ? hours.can_cu || null : null;
    this.weekNote = hours ? hours.ghi_chu || null : null;
  }
  Calendar.prototype.covered = function (day) {
    var key = iso(day);
    return this.first !== null && key >= this.first && key <= this.last;
  };
  Calendar.prototype.holiday = function (day) { return this.covered(day) ? this.off[iso(day)] || null : null; };
  // true or false when known; null when the date is outside the holiday window, or neither the
  // ward's hours nor the national week say.
  Calendar.prototype.working = function (day) {
    if (!this.covered(day)) return null;
    if (this.off[iso(day)]) return false;
    if (this.hours) return this.hours[weekday(day)].length > 0;
    return this.week ? this.week[weekday(day)] : null;
  };
  Calendar.prototype.sessions = function (day) {
    return this.hours && this.working(day) ? this.hours[weekday(day)] : [];
  };
  Calendar.prototype.nextWorkingDay = function (day) {
    for (var i = 1; i <= 60; i++) {
      var next = addDays(day, i), state = this.working(next);
      if (state === null) return null;
      if (state) return next;
    }
    return null;
  };
  // The next moment the office opens after (day, minute): {day, min} or null (unknown).
  Calendar.prototype.nextOpening = function (day, min) {
    if (!this.hours) return null;
    for (var i = 0; i <= 60; i++) {
      var d = addDays(day, i), state = this.working(d);
      if (state === null) return null;
      var sessions = state ? this.hours[weekday(d)] : [];
      for (var j = 0; j < sessions.length; j++) {
        if (i > 0 || sessions[j][0] > min) return { day: d, min: sessions[j][0] };
      }
    }
    return null;
  };

  // The day a complete dossier filed at (day, minute) gets its result, or null when unknown:
  // the rule of schedule.result_day in Python.
  function resultDay(calendar, day, minute, cutoff) {
    var today = calendar.working(day);
    if (today === null) return null;
    if (today && (cutoff === null || minute < cutoff)) return day;
    return calendar.nextWorkingDay(day);
  }

  // A count typed by the citizen: {value} when it is a whole number from 1, else {error} to show
  // next to the field. ``bad`` is the browser's own "not a number" flag (validity.badInput).
  var MAX_COUNT = 10000;
  function readCount(text, bad) {
    var t = String(text === undefined || text === null ? "" : text).trim();
    if (bad) return { error: "Hãy nhập số bằng chữ số, ví dụ 3." };
    if (t === "") return { error: "Hãy nhập số lượng." };
    if (!/^\d+$/.test(t) || +t < 1) return { error: "Hãy nhập một số nguyên từ 1 trở lên." };
    if (+t > MAX_COUNT) return { error: "Số này quá lớn; hãy kiểm tra lại." };
    return { value: +t };
  }

  // "Thứ Hai, 30/11/2026, 09 giờ 00": a date and time read back in Vietnamese, whatever the
  // browser's own way of showing the fields.
  function readBack(day, minute) {
    return DAY_NAMES[weekday(day)] + ", " + pad(day.d) + "/" + pad(day.m) + "/" + day.y +
      (minute === null ? "" : ", " + pad(Math.floor(minute / 60)) + " giờ " + pad(minute % 60));
  }

  var core = { amount: amount, resultDay: resultDay, Calendar: Calendar, parseDay: parseDay, iso: iso,
               readCount: readCount, readBack: readBack };

  // --- page helpers ----------------------------------------------------------------------------
  function json(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  function money(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".") + " đồng"; }
  function lowerFirst(text) { return text.charAt(0).toLowerCase() + text.slice(1); }
  function vnNow() {
    var t = new Date(Date.now() + 7 * 3600 * 1000);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(),
             min: t.getUTCHours() * 60 + t.getUTCMinutes() };
  }
  function dayLabel(day) { return DAY_NAMES[weekday(day)] + " " + pad(day.d) + "/" + pad(day.m) + "/" + day.y; }
  function dateLabel(day) { return pad(day.d) + "/" + pad(day.m) + "/" + day.y; }
  function isoLabel(text) { return dateLabel(parseDay(text)); }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Number fields: the checker and the fee calculator share one value per unit ("trang",
  // "bản sao"...): typed once, it is the same everywhere on the page.
  var shared = {};
  function numberField(id, label, value, unit) {
    var wrap = el("p", { "class": "kc-field" });
    wrap.appendChild(el("label", { "for": id }, label));
    var input = el("input", { id: id, type: "number", min: "1", max: String(MAX_COUNT), step: "1",
                              value: String(value), inputmode: "numeric", "aria-describedby": id + "-loi" });
    wrap.appendChild(input);
    wrap.appendChild(el("span", { "class": "kc-error", id: id + "-loi", "aria-live": "polite" }));
    if (unit) {
      input.setAttribute("data-kc-unit", unit);
      (shared[unit] = shared[unit] || []).push(input);
      input.addEventListener("input", function () {
        shared[unit].forEach(function (other) {
          if (other !== input) {
            other.value = input.value;
            other.dispatchEvent(new Event("kc-sync", { bubbles: true }));
          }
        });
      });
    }
    return wrap;
  }
  // The field's count, showing (or clearing) the message next to it.
  function count(input) {
    var read = readCount(input.value, input.validity && input.validity.badInput);
    var message = input.parentNode ? input.parentNode.querySelector(".kc-error") : null;
    if (message) message.textContent = read.error || "";
    if (read.error) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    return read;
  }
  function yesNo(form, id, question) {
    var set = el("fieldset", { "class": "kc-field" });
    set.appendChild(el("legend", {}, question));
    [["co", "Có"], ["khong", "Không"]].forEach(function (choice) {
      set.appendChild(el("input", { type: "radio", name: id, id: id + "-" + choice[0], value: choice[0] }));
      set.appendChild(el("label", { "for": id + "-" + choice[0], "class": "kc-choice" }, choice[1]));
    });
    form.appendChild(set);
  }
  function answer(form, id) {
    var picked = form.querySelector("input[name='" + id + "']:checked");
    return picked ? picked.value === "co" : null;
  }

  // --- "open now" --------------------------------------------------------------------------------
  function openNow(box, calendar) {
    if (!calendar.hours) return;  // the page already says the hours are not known yet
    var now = vnNow(), today = { y: now.y, m: now.m, d: now.d };
    if (calendar.working(today) === null) return;  // beyond the holiday window: no claim
    var holiday = calendar.holiday(today), open = null;
    calendar.sessions(today).forEach(function (s) { if (now.min >= s[0] && now.min < s[1]) open = s; });
    var text;
    if (open) {
      text = "Đang mở cửa (giờ Việt Nam " + hour(now.min) + "), đến " + hour(open[1]) + ".";
      box.className = box.className.replace(/ ?kc-closed/, "") + " kc-open-now";
    } else {
      var next = calendar.nextOpening(today, now.min);
      text = "Đang đóng cửa (giờ Việt Nam " + hour(now.min) + ")" + (holiday ? ": hôm nay nghỉ " + holiday : "") + ".";
      if (next) {
        var same = iso(next.day) === iso(today);
        text += " Mở cửa lại " + (same ? "hôm nay" : dayLabel(next.day)) + " lúc " + hour(next.min) + ".";
      }
      box.className = box.className.replace(/ ?kc-open-now/, "") + " kc-closed";
    }
    box.textContent = text;
    box.hidden = false;
  }

  // --- fee calculator ----------------------------------------------------------------------------
  function feeCalculator(box, fees) {
    fees.forEach(function (fee, n) {
      var form = el("form", { "class": "kc-fee-form", "aria-label": "Tính lệ phí: " + fee.ten });
      form.appendChild(el("p", { "class": "kc-title" }, "Tính lệ phí: " + fee.ten));
      var countId = "kc-fee-" + n + "-so", multId = "kc-fee-" + n + "-nhan", outId = "kc-fee-" + n + "-kq";
      form.appendChild(numberField(countId, "Số " + fee.tinh_theo, 1, fee.tinh_theo));
      if (fee.nhan_theo) form.appendChild(numberField(multId, "Số " + fee.nhan_theo, 1, fee.nhan_theo));
      var out = el("output", { id: outId, "for": countId + (fee.nhan_theo ? " " + multId : ""), "aria-live": "polite", "class": "kc-fee-result" });
      form.appendChild(out);
      function update() {
        var c = count(form.querySelector("#" + countId));
        var m = fee.nhan_theo ? count(form.querySelector("#" + multId)) : { value: 1 };
        out.textContent = c.error || m.error
          ? "Số tiền: chưa tính được (xem lời nhắc ở trên)."
          : "Số tiền: " + money(amount(fee, c.value, m.value));
      }
      form.addEventListener("input", update);
      form.addEventListener("kc-sync", update);
      form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
      update();
      box.appendChild(form);
    });
    box.hidden = false;
  }

  // --- the checker: one handler per kind of condition ----------------------------------------
  // ask(form, condition, id) adds the question (if any); judge(condition, id, form, when) returns
  // {reason} (not met), {missing} (not answered), {invalid} (a bad number), {many} (a count the
  // ward has no published limit for), {note} or {} (met).
  var HANDLERS = {
    gio_tiep_nhan: {
      ask: function () {},  // the date and time of filing are asked once for the whole form
      judge: function (c, id, form, when) {
        if (!c.gio || when.minute < parseClock(c.gio)) return {};
        return { late: true, basis: c.can_cu };
      }
    },
    gioi_han_so_luong: {
      // Always asked: the answer decides, or (without a published limit) says what the law allows.
      ask: function (form, c, id) {
        form.appendChild(numberField(id, c.cau_hoi || ("Số " + c.dai_luong), 1, c.dai_luong));
      },
      judge: function (c, id, form) {
        var read = count(form.querySelector("#" + id));
        if (read.error) return { invalid: read.error };
        var then = c.khi_vuot ? "; " + c.khi_vuot : "";
        if (c.toi_da) {
          return read.value > c.toi_da
            ? { reason: "Vượt quá " + c.toi_da + " " + c.dai_luong + then + " (căn cứ: " + c.can_cu + ")." }
            : {};
        }
        return read.value > 1 ? { many: { value: read.value, unit: c.dai_luong, then: c.khi_vuot, basis: c.can_cu } } : {};
      }
    },
    co_khong: {
      ask: function (form, c, id) { yesNo(form, id, c.cau_hoi); },
      judge: function (c, id, form) {
        var a = answer(form, id);
        if (a === null) return { missing: c.cau_hoi };
        return a !== c.dap_an_dat ? { reason: "Chưa đáp ứng điều kiện: " + lowerFirst(c.noi_dung.replace(/\.$/, "")) + " (căn cứ: " + c.can_cu + ")." } : {};
      }
    },
    van_ban: {
      ask: function (form, c, id) { yesNo(form, id, "Hồ sơ của ông/bà có đáp ứng điều kiện sau không? " + c.noi_dung); },
      judge: function (c, id, form) {
        var a = answer(form, id);
        if (a === null) return { missing: c.noi_dung };
        return a ? {} : { reason: "Chưa đáp ứng điều kiện: " + lowerFirst(c.noi_dung.replace(/\.$/, "")) + " (căn cứ: " + c.can_cu + ")." };
      }
    }
  };
  core.HANDLERS = HANDLERS;

  // One sentence for every count the ward has no published limit for: what was asked, and what
  // the law says may happen when it is many (Điều 21 for copy certification).
  function manySentence(many) {
    var counts = many.map(function (m) { return m.value + " " + m.unit; }).join(", ");
    var then = many.filter(function (m) { return m.then; })[0];
    var text = "Ông/bà yêu cầu " + counts + ". Phường chưa công bố số lượng tối đa để được giải quyết ngay";
    if (then) text += "; nếu số lượng được coi là nhiều, " + then.then + " (căn cứ: " + then.basis + ")";
    return text + ".";
  }

  function checker(box, data, calendar) {
    var form = el("form", { "class": "kc-checker-form", "aria-label": "Kiểm tra hồ sơ của ông/bà", novalidate: "" });
    form.appendChild(el("p", { "class": "kc-title" }, "Kiểm tra nhanh: hồ sơ của ông/bà có được giải quyết ngay không?"));
    var now = vnNow(), cutoff = null;
    data.dieu_kien.forEach(function (c, i) {
      HANDLERS[c.loai].ask(form, c, "kc-q-" + i);
      if (c.loai === "gio_tiep_nhan" && c.gio) cutoff = cutoff === null ? parseClock(c.gio) : Math.min(cutoff, parseClock(c.gio));
    });
    var when = el("fieldset", { "class": "kc-field" });
    when.appendChild(el("legend", {}, "Ông/bà định nộp hồ sơ khi nào? (giờ Việt Nam)"));
    when.appendChild(el("label", { "for": "kc-ngay" }, "Ngày "));
    when.appendChild(el("input", { id: "kc-ngay", type: "date", value: iso(now), "aria-describedby": "kc-doc-lai" }));
    when.appendChild(el("label", { "for": "kc-gio" }, " Giờ "));
    when.appendChild(el("input", { id: "kc-gio", type: "time", value: clock(now.min), "aria-describedby": "kc-doc-lai" }));
    var echo = el("p", { "class": "kc-readback", id: "kc-doc-lai", "aria-live": "polite" });
    when.appendChild(echo);
    form.insertBefore(when, form.children[1]);
    function chosen() {
      var dayText = when.querySelector("#kc-ngay").value, timeText = when.querySelector("#kc-gio").value;
      return { day: /^\d{4}-\d{2}-\d{2}$/.test(dayText) ? parseDay(dayText) : null,
               minute: /^\d{2}:\d{2}/.test(timeText) ? parseClock(timeText) : null };
    }
    function echoChoice() {
      var c = chosen();
      echo.textContent = c.day
        ? "Ông/bà định nộp: " + readBack(c.day, c.minute) + "." + (c.minute === null ? " Hãy chọn giờ." : "")
        : "Hãy chọn ngày nộp hồ sơ.";
    }
    when.addEventListener("input", echoChoice);
    echoChoice();
    form.appendChild(el("button", { type: "submit", "class": "md-button md-button--primary" }, "Xem kết quả"));
    var result = el("div", { "class": "kc-outcome", role: "status", "aria-live": "polite", id: "kc-ket-qua" });
    form.appendChild(result);

    // The answer: the verdict in one sentence, then at most two short paragraphs (why; what to do).
    function say(kind, verdict, paragraphs, focus) {
      result.innerHTML = "";
      result.className = "kc-outcome " + kind;
      result.appendChild(el("p", { "class": "kc-verdict" }, verdict));
      paragraphs.filter(function (t) { return t; }).slice(0, 2).forEach(function (t) {
        result.appendChild(el("p", {}, t));
      });
      if (focus) focus.focus();
    }
    function papers() {
      if (!data.giay_to.length) return null;
      return "Mang theo: " + data.giay_to.map(function (t, i) { return i ? lowerFirst(t) : t; }).join("; ") + ".";
    }
    function weekdayName(day) { return DAY_NAMES[weekday(day)]; }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var picked = chosen();
      if (!picked.day || picked.minute === null) {
        return say("kc-pending", "Hãy chọn ngày và giờ ông/bà định nộp hồ sơ.", [], when.querySelector(picked.day ? "#kc-gio" : "#kc-ngay"));
      }
      var day = picked.day, minute = picked.minute, moment = { day: day, minute: minute };
      var now = vnNow();
      if (iso(day) < iso({ y: now.y, m: now.m, d: now.d })) {
        return say("kc-pending", "Ngày " + dateLabel(day) + " đã qua: hãy chọn ngày ông/bà định nộp hồ sơ.", [], when.querySelector("#kc-ngay"));
      }
      // Outside the days this ward settles the procedure without waiting: say so, and where to go.
      var period = data.ap_dung;
      if (period.tu_ngay && iso(day) < period.tu_ngay) {
        return say("kc-no", "Ngày " + dateLabel(day) + ", phường chưa giải quyết không chờ thủ tục này.",
                   ["Phường áp dụng từ ngày " + isoLabel(period.tu_ngay) + ".", data.noi_khac]);
      }
      if (period.den_ngay && iso(day) > period.den_ngay) {
        return say("kc-no", "Từ ngày " + isoLabel(iso(addDays(parseDay(period.den_ngay), 1))) +
                   ", phường không còn giải quyết không chờ thủ tục này.", [data.noi_khac]);
      }
      // The day: a day off decides at once, whatever the answers.
      var holiday = calendar.holiday(day), state = calendar.working(day);
      var cutoffText = cutoff !== null ? " Nộp trước " + hour(cutoff) + " để nhận kết quả trong ngày." : "";
      if (holiday || state === false) {
        var why = holiday ? "ngày " + dateLabel(day) + " là ngày nghỉ (" + holiday + ")"
          : calendar.hours ? weekdayName(day) + " phường không làm việc"
          : weekdayName(day) + " không phải ngày làm việc của cơ quan nhà nước" + (calendar.basis ? " (căn cứ: " + calendar.basis + ")" : "");
        var next = calendar.nextWorkingDay(day);
        return say("kc-no", "Không nộp được vào ngày này: " + why + ".",
                   [next ? "Ngày làm việc gần nhất: " + dayLabel(next) + "." + cutoffText : null]);
      }
      // The answers: a wrong number, a condition not met, a question left open.
      var reasons = [], missing = [], invalid = [], many = [], late = null;
      data.dieu_kien.forEach(function (c, i) {
        var verdict = HANDLERS[c.loai].judge(c, "kc-q-" + i, form, moment);
        if (verdict.late) { late = verdict; return; }
        if (verdict.reason) reasons.push(verdict.reason);
        if (verdict.missing) missing.push({ text: verdict.missing, id: "kc-q-" + i });
        if (verdict.invalid) invalid.push(verdict.invalid);
        if (verdict.many) many.push(verdict.many);
      });
      if (invalid.length) {
        return say("kc-pending", "Ô số lượng đang báo lỗi: " + lowerFirst(invalid[0]), [], form.querySelector("[aria-invalid='true']"));
      }
      var rest = data.thoi_han ? "Hồ sơ vẫn được tiếp nhận và giải quyết theo thời hạn quy định: " + lowerFirst(data.thoi_han) : null;
      if (reasons.length) {
        return say("kc-no", "Chưa được giải quyết ngay.", [reasons.join(" "), rest]);
      }
      if (missing.length) {
        var input = form.querySelector("[name='" + missing[0].id + "']") || form.querySelector("#" + missing[0].id);
        return say("kc-pending", "Còn câu hỏi chưa trả lời: “" + missing[0].text + "”", [], input);
      }
      // The day, when not known to be a working day: said before anything about the time.
      var ask = data.hoi_phuong;
      if (state === null) {
        var unknown = calendar.covered(day)
          ? calendar.weekNote || "Phường chưa công bố giờ làm việc."
          : "Trang này chưa có lịch nghỉ lễ, Tết cho ngày " + dateLabel(day) + ".";
        return say("kc-pending", "Chưa biết " + dayLabel(day) + " phường có tiếp nhận hồ sơ hay không.",
                   [unknown, "Nếu được tiếp nhận, hồ sơ đáp ứng các điều kiện sẽ được giải quyết ngay."]);
      }
      // The time of day. Only the days known: the hours are not published, said first; then what
      // holds inside them (the cut-off, or a settlement at once).
      var after = late ? calendar.nextWorkingDay(day) : null;
      var lateText = late ? "Nộp từ " + hour(cutoff) + " thì không nhận kết quả trong ngày: kết quả trả vào ngày làm việc tiếp theo" +
                            (after ? ", " + dayLabel(after) : "") + "." : null;
      if (!calendar.hours) {
        return say("kc-pending", "Giờ làm việc của phường chưa được công bố: chưa biết lúc " + hour(minute) + " " +
                   weekdayName(day) + " phường có tiếp nhận hồ sơ hay không.",
                   [weekdayName(day) + " là ngày làm việc" + (calendar.basis ? " (căn cứ: " + calendar.basis + ")" : "") + ". " +
                    (late ? lateText + " Căn cứ: " + late.basis + "."
                          : "Nếu nộp trong giờ làm việc, hồ sơ đáp ứng các điều kiện được giải quyết ngay."),
                    many.length ? manySentence(many) : ask || papers()]);
      }
      var inside = calendar.sessions(day).some(function (s) { return minute >= s[0] && minute < s[1]; });
      if (!inside) {
        var opening = calendar.nextOpening(day, minute);
        return say("kc-no", "Lúc " + hour(minute) + " " + weekdayName(day) + ", phường không làm việc.",
                   [opening ? "Phường mở cửa lại " + dayLabel(opening.day) + " lúc " + hour(opening.min) + "." + cutoffText : null]);
      }
      if (late) return say("kc-no", lateText, ["Căn cứ: " + late.basis + "."]);
      if (many.length) {
        return say("kc-pending", "Có thể được giải quyết ngay, nhưng chưa chắc: phường chưa công bố số lượng tối đa.", [manySentence(many), ask]);
      }
      say("kc-yes", "Được giải quyết ngay: hồ sơ của ông/bà đáp ứng các điều kiện, ông/bà nhận kết quả khi nộp.", [papers(), ask]);
    });
    box.appendChild(form);
    box.hidden = false;
  }

  function start() {
    var holidays = json("kc-holidays");
    var data = json("kc-checker-data");
    var hours = data ? data.gio_lam_viec : json("kc-hours-data");
    var calendar = new Calendar(holidays, hours);
    document.querySelectorAll("[data-kc='open']").forEach(function (box) { openNow(box, calendar); });
    var checkerBox = document.querySelector("[data-kc='checker']");
    if (checkerBox && data) checker(checkerBox, data, calendar);
    var feeBox = document.querySelector("[data-kc='fee']");
    if (feeBox && data && data.le_phi.length) feeCalculator(feeBox, data.le_phi);
  }
  window.kcCore = core;  // the pure rules, for the shared table of cases (tests/rules/)
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
