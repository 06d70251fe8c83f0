// Citizen tools on ward and ward x procedure pages: "will mine be settled at once?", the fee
// calculator and "open now". Plain JavaScript reading the JSON the build embeds in the page;
// without JavaScript the page still lists the conditions, fees and hours.
// All times are Vietnam time (UTC+7, no daylight saving), whatever the visitor's clock zone.
(function () {
  "use strict";

  var DAY_NAMES = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"];

  function json(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function money(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".") + " đ";
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // --- Vietnam's calendar ------------------------------------------------------------------
  // A "day" is {y, m, d}; weekday 0 = Monday. Dates are handled in UTC so that the visitor's
  // time zone never shifts them.
  function vnNow() {
    var t = new Date(Date.now() + 7 * 3600 * 1000);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(),
             min: t.getUTCHours() * 60 + t.getUTCMinutes() };
  }
  function iso(day) { return day.y + "-" + pad(day.m) + "-" + pad(day.d); }
  function weekday(day) { return (new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay() + 6) % 7; }
  function addDays(day, n) {
    var t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  function clock(min) { return pad(Math.floor(min / 60)) + ":" + pad(min % 60); }
  function dayLabel(day) { return DAY_NAMES[weekday(day)] + " " + pad(day.d) + "/" + pad(day.m) + "/" + day.y; }
  function parseClock(text) { var p = text.split(":"); return parseInt(p[0], 10) * 60 + parseInt(p[1], 10); }

  function Calendar(holidays, hours) {
    this.off = {};
    var self = this;
    (holidays ? holidays.ngay_nghi : []).forEach(function (h) { self.off[h.ngay] = h.ten; });
    this.hours = hours;
  }
  Calendar.prototype.holiday = function (day) { return this.off[iso(day)] || null; };
  Calendar.prototype.sessions = function (day) {
    if (this.holiday(day)) return [];
    if (!this.hours || !this.hours.biet) return weekday(day) < 5 ? [[0, 24 * 60]] : [];
    return this.hours.ngay[weekday(day)];
  };
  Calendar.prototype.isWorkingDay = function (day) { return this.sessions(day).length > 0; };
  Calendar.prototype.nextWorkingDay = function (day) {
    for (var i = 1; i <= 30; i++) {
      var next = addDays(day, i);
      if (this.isWorkingDay(next)) return next;
    }
    return null;
  };
  // The next moment the office opens after (day, minute): {day, min} or null.
  Calendar.prototype.nextOpening = function (day, min) {
    for (var i = 0; i <= 30; i++) {
      var d = addDays(day, i), sessions = this.sessions(d);
      for (var j = 0; j < sessions.length; j++) {
        if (i > 0 || sessions[j][0] > min) return { day: d, min: sessions[j][0] };
      }
    }
    return null;
  };

  // --- "open now" ----------------------------------------------------------------------------
  function openNow(box, calendar) {
    var hours = calendar.hours;
    if (!hours || !hours.biet) return;  // the page already says the hours are not known yet
    var now = vnNow(), today = { y: now.y, m: now.m, d: now.d };
    var holiday = calendar.holiday(today), sessions = calendar.sessions(today), open = null;
    sessions.forEach(function (s) { if (now.min >= s[0] && now.min < s[1]) open = s; });
    var text;
    if (open) {
      text = "Đang mở cửa (giờ Việt Nam " + clock(now.min) + "), đến " + clock(open[1]) + ".";
      box.className = box.className.replace(/ ?kc-closed/, "") + " kc-open-now";
    } else {
      var next = calendar.nextOpening(today, now.min);
      text = "Đang đóng cửa (giờ Việt Nam " + clock(now.min) + ")" + (holiday ? ": hôm nay nghỉ " + holiday : "") + ".";
      if (next) {
        var same = iso(next.day) === iso(today);
        text += " Mở cửa lại " + (same ? "hôm nay" : dayLabel(next.day)) + " lúc " + clock(next.min) + ".";
      }
      box.className = box.className.replace(/ ?kc-open-now/, "") + " kc-closed";
    }
    box.textContent = text;
    box.hidden = false;
  }

  // --- fee calculator ------------------------------------------------------------------------
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
  window.kcFeeAmount = amount;  // for the tests: one table of cases checks Python and JavaScript

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function numberField(id, label, value) {
    var wrap = el("p", { "class": "kc-field" });
    wrap.appendChild(el("label", { "for": id }, label));
    wrap.appendChild(el("input", { id: id, type: "number", min: "1", step: "1", value: String(value), inputmode: "numeric" }));
    return wrap;
  }

  function feeCalculator(box, fees) {
    fees.forEach(function (fee, n) {
      var form = el("form", { "class": "kc-fee-form", "aria-label": "Tính lệ phí: " + fee.ten });
      form.appendChild(el("p", { "class": "kc-title" }, "Tính lệ phí: " + fee.ten));
      var countId = "kc-fee-" + n + "-so", multId = "kc-fee-" + n + "-nhan", outId = "kc-fee-" + n + "-kq";
      form.appendChild(numberField(countId, "Số " + fee.don_vi, 1));
      if (fee.nhan_theo) form.appendChild(numberField(multId, "Số " + fee.nhan_theo, 1));
      var out = el("output", { id: outId, "for": countId + (fee.nhan_theo ? " " + multId : ""), "aria-live": "polite", "class": "kc-fee-result" });
      form.appendChild(out);
      function update() {
        var count = parseInt(form.querySelector("#" + countId).value, 10);
        var mult = fee.nhan_theo ? parseInt(form.querySelector("#" + multId).value, 10) : 1;
        out.textContent = "Lệ phí: " + money(amount(fee, count, mult));
      }
      form.addEventListener("input", update);
      form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
      update();
      box.appendChild(form);
    });
    box.hidden = false;
  }

  // --- the checker ---------------------------------------------------------------------------
  function yesNo(form, id, question) {
    var set = el("fieldset", { "class": "kc-field" });
    set.appendChild(el("legend", {}, question));
    [["co", "Có"], ["khong", "Không"]].forEach(function (choice) {
      var input = el("input", { type: "radio", name: id, id: id + "-" + choice[0], value: choice[0] });
      var label = el("label", { "for": id + "-" + choice[0], "class": "kc-choice" }, choice[1]);
      set.appendChild(input);
      set.appendChild(label);
    });
    form.appendChild(set);
  }
  function answer(form, id) {
    var picked = form.querySelector("input[name='" + id + "']:checked");
    return picked ? picked.value === "co" : null;
  }

  function checker(box, data, calendar) {
    var form = el("form", { "class": "kc-checker-form", "aria-label": "Kiểm tra hồ sơ của bạn" });
    form.appendChild(el("p", { "class": "kc-title" }, "Kiểm tra nhanh: hồ sơ của bạn có được giải quyết ngay không?"));
    var now = vnNow(), cutoffs = [], limits = [], questions = [], notes = [];
    data.dieu_kien.forEach(function (c, i) {
      var id = "kc-q-" + i;
      if (c.loai === "gio_tiep_nhan" && c.gio) {
        cutoffs.push(c);
      } else if (c.loai === "gioi_han_so_luong") {
        if (c.toi_da) {
          form.appendChild(numberField(id, c.cau_hoi || ("Số " + c.don_vi), 1));
          limits.push({ c: c, id: id });
        } else {
          notes.push(c);
        }
      } else {
        var question = c.loai === "co_khong" ? c.cau_hoi : "Hồ sơ của bạn đáp ứng: " + c.noi_dung;
        yesNo(form, id, question);
        questions.push({ c: c, id: id, expected: c.loai === "co_khong" ? c.dap_an_dat : true });
      }
    });
    var when = el("fieldset", { "class": "kc-field" });
    when.appendChild(el("legend", {}, "Bạn định nộp hồ sơ khi nào? (giờ Việt Nam)"));
    when.appendChild(el("label", { "for": "kc-ngay" }, "Ngày "));
    when.appendChild(el("input", { id: "kc-ngay", type: "date", value: iso(now) }));
    when.appendChild(el("label", { "for": "kc-gio" }, " Giờ "));
    when.appendChild(el("input", { id: "kc-gio", type: "time", value: clock(now.min) }));
    form.insertBefore(when, form.children[1]);
    form.appendChild(el("button", { type: "submit", "class": "md-button md-button--primary" }, "Xem kết quả"));
    var result = el("div", { "class": "kc-outcome", role: "status", "aria-live": "polite", id: "kc-ket-qua" });
    form.appendChild(result);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var reasons = [], missing = [], extra = [];
      var parts = (document.getElementById("kc-ngay").value || iso(now)).split("-");
      var day = { y: +parts[0], m: +parts[1], d: +parts[2] };
      var minute = parseClock(document.getElementById("kc-gio").value || clock(now.min));
      var holiday = calendar.holiday(day);
      var nextDay = null;
      if (holiday) {
        reasons.push("Ngày " + dayLabel(day) + " là ngày nghỉ (" + holiday + ").");
        nextDay = calendar.nextWorkingDay(day);
      } else if (!calendar.isWorkingDay(day)) {
        reasons.push(dayLabel(day) + " phường không làm việc.");
        nextDay = calendar.nextWorkingDay(day);
      } else {
        cutoffs.forEach(function (c) {
          if (minute >= parseClock(c.gio)) {
            reasons.push("Nộp sau giờ tiếp nhận cuối " + c.gio + " (" + c.can_cu + ").");
            nextDay = calendar.nextWorkingDay(day);
          }
        });
        var sessions = calendar.sessions(day), inside = sessions.some(function (s) { return minute >= s[0] && minute < s[1]; });
        if (calendar.hours && calendar.hours.biet && !inside && !nextDay) {
          reasons.push("Lúc " + clock(minute) + " phường không làm việc.");
          var opening = calendar.nextOpening(day, minute);
          if (opening) extra.push("Phường mở cửa lại " + dayLabel(opening.day) + " lúc " + clock(opening.min) + ".");
        }
      }
      limits.forEach(function (l) {
        var value = parseInt(document.getElementById(l.id).value, 10);
        if (value > l.c.toi_da) reasons.push("Quá giới hạn " + l.c.toi_da + " " + l.c.don_vi + " (" + l.c.can_cu + ").");
      });
      questions.forEach(function (q) {
        var a = answer(form, q.id);
        if (a === null) missing.push(q.c.cau_hoi || q.c.noi_dung);
        else if (a !== q.expected) reasons.push("Chưa đáp ứng: " + q.c.noi_dung + " (" + q.c.can_cu + ").");
      });
      result.innerHTML = "";
      if (missing.length && !reasons.length) {
        result.className = "kc-outcome kc-pending";
        result.appendChild(el("p", {}, "Hãy trả lời các câu hỏi còn lại để biết kết quả."));
        return;
      }
      if (!reasons.length) {
        result.className = "kc-outcome kc-yes";
        result.appendChild(el("p", { "class": "kc-verdict" }, "Được giải quyết ngay: hồ sơ của bạn đáp ứng các điều kiện, bạn nhận kết quả khi nộp."));
      } else {
        result.className = "kc-outcome kc-no";
        result.appendChild(el("p", { "class": "kc-verdict" }, "Chưa được giải quyết ngay, vì:"));
        var list = el("ul");
        reasons.forEach(function (r) { list.appendChild(el("li", {}, r)); });
        result.appendChild(list);
        if (nextDay) result.appendChild(el("p", {}, "Ngày làm việc tiếp theo: " + dayLabel(nextDay) + "."));
        extra.forEach(function (t) { result.appendChild(el("p", {}, t)); });
        if (data.thoi_han) result.appendChild(el("p", {}, "Thời hạn giải quyết theo quy định: " + data.thoi_han));
      }
      notes.forEach(function (c) { result.appendChild(el("p", { "class": "kc-note" }, "Lưu ý: " + c.noi_dung)); });
      if (data.giay_to.length) result.appendChild(el("p", {}, "Mang theo: " + data.giay_to.join("; ") + "."));
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
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
