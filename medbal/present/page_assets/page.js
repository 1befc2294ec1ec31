// medbal page: walks the embedded trees as medbal/core/engine.py does.
// The answers live in the address (#tree=ID&QUESTION=VALUE...&lang=zh, a date as
// born=2026-11-20) and are always replayed from the start node; answers the path no
// longer passes are dropped, as the engine drops them.  Each kind of question is read
// and drawn by KINDS below, as medbal/core/kinds and medbal/present/kinds do.  Every
// text is set as text, never as HTML.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("medbal-data").textContent);
  var app = document.getElementById("app");
  var trees = new Map(DATA.trees.map(function (t) { return [t.id, t]; }));
  var remembered = new Map(); // "tree question" -> an earlier answer, offered again
  var moved = false; // the screen changed because of the person: move the focus to it
  var drawn = null; // the address last drawn

  function own(obj, key) {
    return obj !== null && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, key);
  }

  function say(key, lang, values) {
    var text = DATA.words[key][lang];
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }

  // The languages, as medbal declares them (medbal.core.langs): code, HTML tag, layout.
  var LANGS = new Map(DATA.langs.map(function (l) { return [l.code, l]; }));
  var FIRST_LANG = DATA.langs[0].code; // the language of a reader whose browser names none of them
  function tag(lang) { return LANGS.get(lang).tag; }
  // The language a tag names ("zh-CN", "en-GB"), as medbal.i18n.lang reads one: the
  // longest declared code it starts with; null for none.
  function languageOf(value) {
    var l = String(value).toLowerCase().replace(/_/g, "-");
    var found = null;
    LANGS.forEach(function (_, code) {
      if (l.indexOf(code.toLowerCase()) === 0 && (!found || code.length > found.length)) found = code;
    });
    return found;
  }

  function el(name, attrs) {
    var e = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (typeof v === "function") e.addEventListener(k, v);
      else e.setAttribute(k, v === true ? "" : String(v));
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x !== null && x !== undefined) e.append(x); });
      else e.append(c); // a string becomes a text node
    }
    return e;
  }

  function browserLang() {
    var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < langs.length; i++) {
      var found = languageOf(langs[i]);
      if (found) return found;
    }
    return FIRST_LANG;
  }

  // --- the address ------------------------------------------------------------

  function readState() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var state = { lang: null, langSet: false, tree: null, answers: new Map(), bad: [] };
    var treeId = null;
    params.forEach(function (value, key) {
      if (key === "lang") {
        if (LANGS.has(value)) { state.lang = value; state.langSet = true; }
        else state.bad.push(key + "=" + value);
      } else if (key === "tree") treeId = value;
      else state.answers.set(key, value); // a link repeating a question: the later wins
    });
    state.lang = state.lang || DATA.lang || browserLang();
    if (treeId !== null) {
      state.tree = trees.get(treeId) || null;
      if (!state.tree) state.bad.push("tree=" + treeId);
    } else if (DATA.trees.length === 1) state.tree = DATA.trees[0];
    var questions = state.tree ? state.tree.questions : null;
    Array.from(state.answers).forEach(function (pair) {
      // The engine refuses an unknown question or value; a link is left out instead.
      if (!own(questions, pair[0]) || !kindOf(questions[pair[0]]).takes(questions[pair[0]], pair[1])) {
        state.bad.push(pair[0] + "=" + pair[1]);
        state.answers.delete(pair[0]);
      }
    });
    return state;
  }

  function hashOf(state, answers, treeShown) {
    var params = new URLSearchParams();
    if (state.tree && treeShown) {
      params.append("tree", state.tree.id);
      answers.forEach(function (value, key) { params.append(key, value); });
    }
    if (state.langSet) params.append("lang", state.lang);
    var text = params.toString();
    return text ? "#" + text : "";
  }

  function setAddress(hash, push) {
    var url = hash || location.pathname + location.search;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  function go(state, answers, treeShown) {
    moved = true;
    var hash = hashOf(state, answers, treeShown);
    if (hash !== location.hash) setAddress(hash, true);
    render();
  }

  // --- question kinds, as medbal/core/kinds and medbal/present/kinds ------------
  // takes: whether the engine takes a value; next: where it leads; shown: a value as a
  // person reads it; draw: how it is asked (answer(value) gives the answer).

  var KINDS = {
    choice: {
      takes: function (q, value) { return own(q.next, value); },
      next: function (q, value) { return q.next[value]; },
      shown: function (view, value) {
        return view.options.filter(function (o) { return o.value === value; })[0].label;
      },
      draw: drawOptions
    },
    date: {
      takes: function (q, value) { return value === SKIP || dateProblem(value) === null; },
      next: function (q) { return q.next[PLACEHOLDER]; },
      shown: function (view, value, lang) {
        return value === view.skip.value ? view.skip.label : written(parseDate(value), lang);
      },
      draw: drawDate
    }
  };

  function kindOf(q) { return KINDS[q.kind] || KINDS.choice; }

  // --- dates, as medbal/core/kinds/date.py ------------------------------------------

  var PLACEHOLDER = "<date>"; // a date question's one way on, whatever the day
  var SKIP = "not-sure"; // its answer without a date: on to the same place, no day counted
  var FIRST = "1900-01-01";
  var ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

  function pad(n, width) { return String(n).padStart(width, "0"); }
  function iso(day) { return pad(day[0], 4) + "-" + pad(day[1], 2) + "-" + pad(day[2], 2); }

  function daysIn(year, month) {
    if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return [4, 6, 9, 11].indexOf(month) >= 0 ? 30 : 31;
  }

  // YYYY-MM-DD as [year, month, day], or null: a day that exists, in ASCII digits.
  function parseDate(text) {
    var m = ISO.exec(String(text));
    if (!m) return null;
    var day = [Number(m[1]), Number(m[2]), Number(m[3])];
    return day[1] >= 1 && day[1] <= 12 && day[2] >= 1 && day[2] <= daysIn(day[0], day[1]) ? day : null;
  }

  // Today on this device: the latest day a date may be, as the CLI's clock gives it.
  function today() {
    var now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()];
  }

  // Why the engine would refuse a date (bad, future, early), or null.  ISO dates
  // compare as the days they name.
  function dateProblem(text) {
    var day = parseDate(text);
    if (!day) return "bad";
    if (iso(day) > iso(today())) return "future";
    if (iso(day) < FIRST) return "early";
    return null;
  }

  // The last day of AMOUNT days, months or years from DAY (medbal.core.kinds.date.due):
  // the day itself not counted; a month without the same day ends on its last day.
  function dueDay(day, amount, unit) {
    if (unit === "day") {
      var t = new Date(Date.UTC(day[0], day[1] - 1, day[2] + amount));
      return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
    }
    var months = day[1] - 1 + (unit === "year" ? amount * 12 : amount);
    var year = day[0] + Math.floor(months / 12);
    var month = months % 12 + 1;
    return [year, month, Math.min(day[2], daysIn(year, month))];
  }

  // The day the page was made, written out as every other day on it.
  function madeOn(lang) {
    return written(DATA.made.split("-").map(Number), lang);
  }

  // A day written out, as medbal.i18n.typeset.written_date: "20 November 2026".
  function written(day, lang) {
    var c = DATA.calendar[lang];
    var parts = { day: day[2], month: c.months[day[1] - 1] || "", number: day[1], year: day[0] };
    return c.date.replace(/\{(day|month|number|year)\}/g, function (_, k) { return String(parts[k]); });
  }

  // --- the engine, as medbal/core/engine.py walk() --------------------------------

  function walk(tree, answers) {
    var path = [];
    var node = tree.start;
    while (own(tree.questions, node)) {
      if (!answers.has(node)) break;
      var value = answers.get(node);
      path.push([node, value]);
      node = kindOf(tree.questions[node]).next(tree.questions[node], value);
    }
    var used = new Set(path.map(function (p) { return p[0]; }));
    var dropped = Array.from(answers).filter(function (p) { return !used.has(p[0]); });
    var done = !own(tree.questions, node);
    return { path: path, question: done ? null : node, outcome: done ? node : null, dropped: dropped };
  }

  function key(tree, qid) { return tree.id + " " + qid; }

  // --- ticks, kept while the person stays on an outcome ------------------------
  // In sessionStorage, by tree and outcome: a language switch or a reload redraws the
  // screen and the ticks come back; "Start again" and "Other topics" forget them.
  // Nothing leaves the page (sessionStorage is this tab's own).
  var STORE = "medbal-ticks";

  function loadTicks() {
    try {
      var data = JSON.parse(window.sessionStorage.getItem(STORE) || "{}");
      return data !== null && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (e) { return {}; } // storage off, or not JSON: no ticks kept
  }

  function saveTicks(data) {
    try { window.sessionStorage.setItem(STORE, JSON.stringify(data)); } catch (e) { /* storage off */ }
  }

  function ticked(place) {
    var data = loadTicks();
    return new Set(own(data, place) && Array.isArray(data[place]) ? data[place].map(String) : []);
  }

  function setTick(place, id, on) {
    var data = loadTicks();
    var set = ticked(place);
    if (on) set.add(id); else set.delete(id);
    if (set.size) data[place] = Array.from(set); else delete data[place];
    saveTicks(data);
  }

  function forgetTicks(tree) {
    var data = loadTicks();
    Object.keys(data).forEach(function (place) { if (place.indexOf(tree.id + "/") === 0) delete data[place]; });
    saveTicks(data);
  }

  // --- drawing ----------------------------------------------------------------

  // A sheet as `medbal diagnose --format html` writes it: built by medbal/present/html.py
  // from the same views, every text escaped there.  On screen its boxes can be ticked:
  // each row is one label, so the whole row is the target.
  function sheet(html, lang, name, place, extra, first) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var sec = template.content.querySelector("section.page");
    sec.setAttribute("lang", tag(lang));
    sec.id = "sheet-" + name;
    var h1 = sec.querySelector("h1");
    if (h1) h1.setAttribute("tabindex", "-1");
    var done = ticked(place);
    sec.querySelectorAll("ul.checks li").forEach(function (li, n) {
      var box = li.querySelector(".box");
      var text = box && box.nextElementSibling;
      if (!text) return;
      var id = "tick-" + name + "-" + n;
      var input = el("input", { type: "checkbox", "class": "box", id: id, checked: done.has(id),
        change: function () { setTick(place, id, input.checked); } });
      var label = el("label", { "for": id });
      label.append.apply(label, Array.from(text.childNodes)); // the text as html.py set it
      li.classList.add("tick");
      box.replaceWith(input);
      text.replaceWith(label);
    });
    if (extra) (sec.querySelector("tbody td") || sec).append(extra); // under the sheet's text
    if (first) (sec.querySelector("tbody td") || sec).prepend(first); // above it
    return sec;
  }

  function button(text, onclick, attrs) {
    var a = Object.assign({ type: "button", click: onclick }, attrs || {});
    return el("button", a, text);
  }

  // The address can hold any text ("Your insurance is FROZEN. Call ...", a bidi
  // override): the notice says that a part was left out, never what it said.
  function notices(state) {
    if (!state.bad.length) return null;
    return el("p", { "class": "notice", role: "status" }, say("bad_link", state.lang));
  }

  function backButton(state, result, lang) {
    var tree = state.tree;
    return button(say("back", lang), function () {
      var last = result.path[result.path.length - 1];
      var answers = new Map(state.answers);
      answers.delete(last[0]);
      remembered.set(key(tree, last[0]), last[1]);
      go(state, answers, true);
    }, { "class": "secondary", "data-action": "back" });
  }

  function restartButton(state, lang) {
    var tree = state.tree;
    return button(say("restart", lang), function () {
      Object.keys(tree.questions).forEach(function (q) { remembered.delete(key(tree, q)); });
      forgetTicks(tree);
      go(state, new Map(), true);
    }, { "class": "secondary", "data-action": "restart" });
  }

  function homeButton(state, lang) {
    if (DATA.trees.length < 2) return null;
    return button(say("home", lang), function () {
      remembered.clear();
      DATA.trees.forEach(forgetTicks);
      go(state, new Map(), false);
    }, { "class": "secondary", "data-action": "home" });
  }

  function controls(state, result, lang) {
    var nav = el("nav", { "class": "controls screen-only" });
    if (result && result.path.length) nav.append(backButton(state, result, lang), restartButton(state, lang));
    var home = homeButton(state, lang);
    if (home) nav.append(home);
    return nav.children.length ? nav : null;
  }

  function drawStart(state) {
    var lang = state.lang;
    var list = el("ul", { "class": "topics" }, DATA.trees.map(function (t) {
      return el("li", {}, button([el("span", { "class": "topic-title" }, t.title[lang]),
        t.description ? el("span", { "class": "topic-text" }, t.description[lang]) : null],
        function () { go(Object.assign({}, state, { tree: t }), new Map(), true); },
        { "class": "topic", "data-tree": t.id }));
    }));
    return [notices(state), el("h1", { tabindex: "-1" }, say("start_heading", lang)),
      el("p", {}, say("start_intro", lang)), el("h2", {}, say("topics", lang)), list,
      el("p", { "class": "small" }, say("made", lang, { date: madeOn(lang), version: DATA.version }))];
  }

  function drawQuestion(state, result) {
    var lang = state.lang;
    var tree = state.tree;
    var q = tree.questions[result.question];
    var view = q[lang];
    var earlier = remembered.get(key(tree, view.id));
    var n = result.path.length + 1;
    var answer = function (value) {
      var answers = new Map(state.answers);
      answers.set(view.id, value);
      remembered.delete(key(tree, view.id));
      go(state, answers, true);
    };
    var help = view.help ? el("details", { "class": "help" }, el("summary", {}, say("help_toggle", lang)),
      el("p", {}, view.help)) : null;
    return [notices(state), el("p", { "class": "kicker" }, tree.title[lang]),
      el("p", { "class": "progress" }, say("progress", lang, { n: n, total: n - 1 + q.most })),
      el("h1", { id: "question", tabindex: "-1" }, view.text), help,
      kindOf(q).draw(view, earlier, lang, answer), controls(state, result, lang)];
  }

  // A choice: a button for each option; the earlier answer marked.
  function drawOptions(view, earlier, lang, answer) {
    return el("div", { "class": "options", role: "group", "aria-labelledby": "question" },
      view.options.map(function (o) {
        var mark = o.value === earlier ? el("span", { "class": "earlier" }, say("earlier", lang)) : null;
        return button([el("span", {}, o.label), mark], function () { answer(o.value); },
          { "class": o.value === earlier ? "option earlier-answer" : "option", "data-value": o.value });
      }));
  }

  // A date: a date field (typed as YYYY-MM-DD where the browser has no calendar) and
  // Next; a date the engine would refuse is said at once, naming the form to type.  Under
  // it, a button to go on without the date (the question's skip).
  function drawDate(view, earlier, lang, answer) {
    var skipped = earlier === view.skip.value;
    var mark = skipped ? el("span", { "class": "earlier" }, say("earlier", lang)) : null;
    var skip = button([el("span", {}, view.skip.label), mark], function () { answer(view.skip.value); },
      { "class": skipped ? "option skip earlier-answer" : "option skip", "data-value": view.skip.value });
    return el("div", { "class": "date-question" }, dateForm(view, skipped ? null : earlier, lang, answer),
      el("div", { "class": "options", role: "group", "aria-labelledby": "question" }, skip));
  }

  function dateForm(view, earlier, lang, answer) {
    var label = view.label ? say("date_give_of", lang, { what: view.label }) : say("date_give", lang);
    var error = el("p", { id: "date-error", "class": "date-error", role: "alert" });
    var input = el("input", { type: "date", id: "date", name: "date", min: FIRST, max: iso(today()),
      value: earlier || null, placeholder: "YYYY-MM-DD", autocomplete: "off", "aria-describedby": "date-error" });
    return el("form", { "class": "date-form", novalidate: true, submit: function (event) {
      event.preventDefault(); // nothing is sent: the answer goes into the address
      var value = input.value.trim();
      var problem = dateProblem(value);
      if (problem) {
        error.textContent = { bad: say("date_field_bad", lang), future: say("date_field_future", lang),
          early: say("date_field_early", lang) }[problem];
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      answer(value);
    } }, el("label", { "for": "date" }, label), input,
    el("button", { type: "submit", "class": "option next", "data-action": "date" }, say("date_next", lang)), error);
  }

  function answerLines(tree, pairs, lang, change) {
    return pairs.map(function (p) {
      var view = tree.questions[p[0]][lang];
      var label = kindOf(tree.questions[p[0]]).shown(view, p[1], lang);
      return el("li", {}, el("span", { "class": "answer-text" }, view.text + " → " + label),
        change ? button(say("change", lang), function () { change(p[0], p[1]); },
          { "class": "change screen-only", "data-question": p[0],
            "aria-label": say("change_named", lang, { question: view.text }) }) : null);
    });
  }

  function drawOutcome(state, result) {
    var lang = state.lang;
    var tree = state.tree;
    var outcome = tree.outcomes[result.outcome];
    var page = outcome[lang];
    var today = new Date();
    var printed = written([today.getFullYear(), today.getMonth() + 1, today.getDate()], lang);
    var change = function (qid, value) {
      var answers = new Map(state.answers);
      answers.delete(qid); // asked again; the answers after it stay and are reused where they fit
      remembered.set(key(tree, qid), value);
      go(state, answers, true);
    };
    var extra = el("div", { "class": "part answers" }, el("h2", {}, DATA.words.answers[lang]),
      el("ul", {}, answerLines(tree, result.path, lang, change)));
    var foot = [el("p", { "class": "small made" }, say("made", lang, { date: madeOn(lang), version: DATA.version })),
      el("p", { "class": "small print-only" }, say("printed", lang, { date: printed }))];
    var dropped = result.dropped.length ? el("div", { "class": "part dropped screen-only" },
      el("p", {}, DATA.words.dropped[lang]), el("ul", {}, answerLines(tree, result.dropped, lang, null))) : null;
    var body = el("div", {}, extra, dropped, foot);
    var place = tree.id + "/" + result.outcome;
    var top = el("nav", { "class": "controls top screen-only" },
      button(say("print", lang), function () { window.print(); }, { "data-action": "print" }),
      result.path.length ? backButton(state, result, lang) : null, restartButton(state, lang));
    var first = sheet(page.html, lang, "outcome", place, body, dueBox(outcome.due, result.path, lang));
    onceOnly(first);
    var out = [notices(state), top, first];
    var names = outcome.checklists.filter(function (n) { return own(DATA.checklists, String(n)); });
    names.forEach(function (n) { out.push(sheet(DATA.checklists[String(n)][lang].html, lang, String(n), place, null)); });
    var part = first.querySelector('[data-part="checklists"]');
    if (part && names.length) part.append(sheetLinks(names, lang));
    var home = homeButton(state, lang);
    if (home) out.push(el("nav", { "class": "controls screen-only" }, home));
    return out;
  }

  // The day a deadline counted from the person's date falls on, as the CLI's outcome
  // gives it ("due"): html.py's box with the day written in, said to have passed
  // when it is before today on this device.
  function dueBox(due, path, lang) {
    var given = due ? path.filter(function (p) { return p[0] === due.question; })[0] : null;
    var start = given ? parseDate(given[1]) : null;
    if (!start) return null;
    var day = dueDay(start, due.amount, due.unit);
    var passed = iso(day) < iso(today());
    var template = document.createElement("template");
    template.innerHTML = due[lang][passed ? "passed" : "by"];
    var box = template.content.firstElementChild;
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (var n = walker.nextNode(); n; n = walker.nextNode()) n.data = n.data.split("{date}").join(written(day, lang));
    box.setAttribute("data-due", iso(day));
    box.setAttribute("data-passed", passed ? "true" : "false");
    return box;
  }

  // The deadline counted to a day is in its box, in the same words as in the deadlines
  // below: shown once, in the box (as medbal.present.pages.outcome_page does).
  function onceOnly(sec) {
    var rule = sec.querySelector('[data-part="due"] em');
    if (!rule) return;
    sec.querySelectorAll('.deadline:not([data-part="due"]) li').forEach(function (li) {
      if (li.textContent === rule.textContent) li.remove();
    });
  }

  // A link to each checklist below; its address is this outcome's, so that opening it
  // elsewhere shows the same screen, and here it moves to the sheet.
  function sheetLinks(names, lang) {
    return el("ul", { "class": "sheet-links" }, names.map(function (n) {
      var title = DATA.checklists[String(n)][lang].title;
      return el("li", {}, el("a", { href: location.hash || "#", "data-sheet": n, click: function (event) {
        event.preventDefault();
        var target = document.getElementById("sheet-" + n);
        var h1 = target && target.querySelector("h1");
        if (h1) { h1.focus(); target.scrollIntoView(); }
      } }, say("sheet_link", lang, { n: n, title: title })));
    }));
  }

  // Chinese names inside English text (国家医保服务平台) are marked as Chinese, so
  // that they take simplified Chinese glyphs and are read out as Chinese.
  var HAN = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
  var HAN_LANG = DATA.langs.filter(function (l) { return l.han; })[0]; // Chinese's own tag
  function markHan(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var found = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      HAN.lastIndex = 0;
      if (HAN.test(n.data) && n.parentElement.closest("[lang]").getAttribute("lang") !== HAN_LANG.tag) found.push(n);
    }
    found.forEach(function (node) {
      var parts = [];
      var last = 0;
      node.data.replace(HAN, function (run, at) {
        parts.push(node.data.slice(last, at), el("span", { lang: HAN_LANG.tag }, run));
        last = at + run.length;
        return run;
      });
      parts.push(node.data.slice(last));
      node.replaceWith.apply(node, parts.filter(function (p) { return p !== ""; }));
    });
  }

  function drawSwitch(lang) {
    document.querySelectorAll(".switch button").forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-lang") === lang ? "true" : "false");
    });
  }

  function render() {
    var state = readState();
    var result = state.tree ? walk(state.tree, state.answers) : null;
    var kept = state.answers;
    if (result) kept = new Map(result.outcome ? result.path : result.path.concat(result.dropped));
    state.answers = kept; // what the address now holds is what the buttons build on
    var hash = hashOf(state, kept, true);
    if (hash !== location.hash) setAddress(hash, false);
    drawn = location.href;
    var lang = state.lang;
    document.documentElement.lang = tag(lang);
    document.title = state.tree ? state.tree.title[lang] + " · medbal" : say("app_title", lang);
    drawSwitch(lang);
    var parts = !result ? drawStart(state) : result.outcome ? drawOutcome(state, result) : drawQuestion(state, result);
    app.replaceChildren.apply(app, parts.filter(function (p) { return p !== null; }));
    app.setAttribute("lang", tag(lang));
    if (HAN_LANG && !LANGS.get(lang).han) markHan(app);
    app.setAttribute("data-screen", !result ? "start" : result.outcome ? "outcome" : "question");
    app.setAttribute("data-tree", state.tree ? state.tree.id : "");
    app.setAttribute("data-node", result ? (result.outcome || result.question) : "");
    if (moved) {
      moved = false;
      var target = app.querySelector(".earlier-answer") || app.querySelector("h1");
      if (target) target.focus();
      window.scrollTo(0, 0);
    }
    document.dispatchEvent(new CustomEvent("medbal:render"));
  }

  document.querySelectorAll(".switch button").forEach(function (b) {
    b.addEventListener("click", function () {
      var state = readState();
      state.lang = b.getAttribute("data-lang");
      state.langSet = true;
      var hash = hashOf(state, state.answers, true);
      if (hash !== location.hash) setAddress(hash, false);
      render();
    });
  });
  // On paper a question's help is printed open; closed again after.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.from(app.querySelectorAll("details:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  // A new address fires popstate, then hashchange: draw it once.
  function onAddress() { if (location.href !== drawn) render(); }
  window.addEventListener("popstate", onAddress);
  window.addEventListener("hashchange", onAddress);
  render();
})();
