// rungs built-in script. Reading works without it; it adds search, the
// comparison picker, the theme toggle, statement links and collapsible areas.
// Everything runs offline: the framework data is a local script (assets/data.js).
(function () {
  "use strict";
  var doc = document.documentElement;
  doc.classList.remove("no-js");

  // ---- The site's words, in its language ----
  // rungs writes them ahead of this script (window.RUNGS_I18N, from the
  // catalogue of `[site] language`): `{name}` stands for a variable, and a
  // message whose words depend on a number has one text per plural form.
  var words = window.RUNGS_I18N || { lang: doc.lang || "en", m: {} };
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(words.lang) : null;
  // Message `id` as text, with `vars` in place of its {name}s; `n` chooses the form.
  function say(id, vars, n) {
    var m = words.m[id];
    if (m && typeof m === "object") m = m[plurals && n !== undefined ? plurals.select(n) : "other"] || m.other;
    return String(m === undefined ? id : m).replace(/\{(\w+)\}/g, function (all, k) {
      return vars && Object.prototype.hasOwnProperty.call(vars, k) ? vars[k] : all;
    });
  }
  // The same as HTML: the message's text escaped, `vars` (HTML) kept.
  function sayHtml(id, vars, n) {
    var text = say(id, null, n);
    return escapeHtml(text).replace(/\{(\w+)\}/g, function (all, k) {
      return vars && Object.prototype.hasOwnProperty.call(vars, k) ? vars[k] : all;
    });
  }
  // A number as the language writes it (1,234; 1.234).
  function number(n) {
    return typeof n === "number" && n.toLocaleString ? n.toLocaleString(words.lang) : String(n);
  }

  // ---- Controls that work only with this script ----
  // The search box, the light/dark switch and the menu's close button do
  // nothing without it, so the script adds them rather than every page
  // carrying them (about 1 KB a page). A theme whose base.html writes them
  // keeps its own.
  var topInner = document.querySelector(".top-inner");
  if (topInner && !document.getElementById("search-input")) {
    topInner.insertAdjacentHTML("beforeend",
      '<div class="search" role="search"><label for="search-input" class="visually-hidden">' + sayHtml("search-label") + '</label>' +
      '<input id="search-input" type="search" placeholder="' + sayHtml("search-placeholder") + '" autocomplete="off" role="combobox" aria-autocomplete="list" aria-controls="search-results" aria-expanded="false">' +
      '<ul id="search-results" role="listbox" aria-label="' + sayHtml("search-results") + '" hidden></ul></div>' +
      '<button class="search-toggle" type="button" aria-label="' + sayHtml("search") + '" title="' + sayHtml("search") + '" aria-expanded="false"></button>');
  }
  if (topInner && !document.querySelector(".theme-toggle")) {
    topInner.insertAdjacentHTML("beforeend",
      '<button class="theme-toggle" type="button" aria-label="' + sayHtml("theme-label") + '" title="' + sayHtml("theme-title") + '"></button>');
  }
  var sideHead = document.querySelector(".side-head");
  if (sideHead && !document.querySelector(".menu-close")) {
    sideHead.insertAdjacentHTML("beforeend",
      '<button class="menu-close" type="button" aria-label="' + sayHtml("menu-close-label") + '" title="' + sayHtml("menu-close") + '"></button>');
  }
  var root = doc.getAttribute("data-root") || "";

  // ---- Data (loaded on first use; a <script> works from file:// too) ----
  var dataPromise = null;
  function loadData() {
    // A level's indicators name their labels by position (data.rs): spelt
    // out once, as search and comparisons read them.
    var ready = function (data) {
      // Statements are published as [id, area position, text, name?] and
      // spelt out as [id, area id, name, text, nested?]; a level's page is its url.
      // Ids are shortened (data.rs, short_id): "~REST" is the last anchor's
      // id + "--REST", "-REST" the area's id + "-REST", "!ID" is ID. Most
      // are left out (data.rs, published_id): [area position, text, name?]
      // has the id derived from its name or text, and "~" the same after
      // the anchor's id and "--".
      if (data && !data.factsSpelt) {
        var rule = data.ids || { stop: [], words: 4, chars: 16 }, stop = Object.create(null);
        rule.stop.forEach(function (w) { stop[w] = true; });
        // The ASCII path of rungs_core::text::key_words: link targets
        // skipped, letters and digits lower-cased, an apostrophe joins,
        // anything else separates; stop words left out.
        var idWords = function (text) {
          var out = [], word = "", len = 0, inTarget = false, prev = " ";
          var flush = function () {
            if (word && out.length < rule.words && !stop[word]) out.push(word);
            word = ""; len = 0;
          };
          for (var i = 0; i < text.length && out.length < rule.words; i++) {
            var c = text.charAt(i);
            if (inTarget) inTarget = c !== ")";
            else if (c === "(" && prev === "]") inTarget = true;
            else if (/[A-Za-z0-9]/.test(c)) { if (len < rule.chars) word += c.toLowerCase(); len++; }
            else if (c !== "'") flush();
            prev = c;
          }
          flush();
          return out.join("-") || "statement";
        };
        data.tracks.forEach(function (t) {
          t.levels.forEach(function (l) {
            l.i = (l.i || []).map(function (f) { return [data.facts[f[0]], f[1]]; });
            l.url = "tracks/" + t.id + "/" + l.id + ".html";
            var anchor = "";
            l.s = l.s.map(function (s) {
              if (typeof s[0] === "number") s = [null].concat(s);
              var area = (data.areas[s[1]] || [""])[0], id = s[0];
              if (id === null) id = anchor = area + "-" + idWords(s[3] || s[2]);
              else if (id === "~") id = anchor + "--" + idWords(s[3] || s[2]);
              else if (id.charAt(0) === "~") id = anchor + "--" + id.slice(1);
              else {
                var mark = id.charAt(0);
                if (mark === "-") id = area + id;
                else if (mark === "!") id = id.slice(1);
                anchor = id;
              }
              return [id, area, s[3] || "", s[2]];
            });
            // Examples and sub-statements: the grid leaves them out.
            (l.n || []).forEach(function (i) { if (l.s[i]) l.s[i][4] = true; });
          });
        });
        data.factsSpelt = true;
      }
      return data;
    };
    if (window.RUNGS_DATA) return Promise.resolve(ready(window.RUNGS_DATA));
    if (!dataPromise) {
      dataPromise = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = root + "assets/data.js";
        s.onload = function () { resolve(ready(window.RUNGS_DATA)); };
        s.onerror = function () { dataPromise = null; reject(new Error("cannot load data")); };
        document.head.appendChild(s);
      });
    }
    return dataPromise;
  }

  function escapeHtml(t) {
    return String(t).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  // Statement text is Markdown; show it as plain text with emphasis removed.
  function plain(md) {
    return String(md).replace(/\]\([^)]*\)/g, "]").replace(/[*_`\[\]]/g, "");
  }

  // ---- Theme toggle ----
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var current = doc.dataset.theme ||
        (window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
      var next = current === "dark" ? "light" : "dark";
      doc.dataset.theme = next;
      try { localStorage.setItem("rungs-theme", next); } catch (e) { /* private mode */ }
    });
  }

  // ---- Navigation: a full-height panel behind the Menu button on small screens ----
  // It opens wherever the page is scrolled, keeps the focus inside while
  // open, and closes on Esc, on a link, on the close button or on a tap
  // outside; the focus then returns to the Menu button.
  var menu = document.querySelector(".menu-toggle");
  var side = document.getElementById("side-nav");
  var scrim = document.querySelector(".scrim");
  var closeButton = document.querySelector(".menu-close");
  function focusables() {
    return Array.prototype.filter.call(side.querySelectorAll("a[href], button"), function (el) {
      return el.offsetParent !== null;
    });
  }
  function setMenu(open, restoreFocus) {
    side.classList.toggle("open", open);
    menu.setAttribute("aria-expanded", String(open));
    if (scrim) scrim.hidden = !open;
    if (open) {
      side.setAttribute("role", "dialog");
      side.setAttribute("aria-modal", "true");
      var current = side.querySelector("[aria-current=page]") || focusables()[0];
      if (current) {
        current.scrollIntoView({ block: "center" });
        current.focus();
      }
    } else {
      side.removeAttribute("role");
      side.removeAttribute("aria-modal");
      if (restoreFocus) menu.focus();
    }
  }
  if (menu && side) {
    menu.addEventListener("click", function () { setMenu(!side.classList.contains("open"), true); });
    if (closeButton) closeButton.addEventListener("click", function () { setMenu(false, true); });
    if (scrim) scrim.addEventListener("click", function () { setMenu(false, true); });
    side.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("a[href]") && side.classList.contains("open")) setMenu(false, false);
    });
    document.addEventListener("keydown", function (e) {
      if (!side.classList.contains("open")) return;
      if (e.key === "Escape") { e.preventDefault(); setMenu(false, true); return; }
      if (e.key !== "Tab") return;
      var items = focusables();
      if (!items.length) return;
      var first = items[0], last = items[items.length - 1];
      if (e.shiftKey && (document.activeElement === first || !side.contains(document.activeElement))) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && (document.activeElement === last || !side.contains(document.activeElement))) { e.preventDefault(); first.focus(); }
    });
    // The panel on narrow screens and wide pages; the sidebar otherwise.
    if (window.matchMedia) {
      var narrow = matchMedia("(max-width: 900px)");
      var onResize = function () {
        var panel = narrow.matches || doc.classList.contains("wide-page");
        doc.classList.toggle("panel-nav", panel);
        if (!panel && side.classList.contains("open")) setMenu(false, false);
      };
      if (narrow.addEventListener) narrow.addEventListener("change", onResize);
    }
  }

  // ---- Search behind an icon on phones ----
  var header = document.querySelector(".top");
  var searchToggle = document.querySelector(".search-toggle");
  var searchInput = document.getElementById("search-input");
  if (header && searchToggle && searchInput) {
    searchToggle.addEventListener("click", function () {
      header.classList.add("searching");
      searchToggle.setAttribute("aria-expanded", "true");
      searchInput.focus();
    });
    searchInput.addEventListener("blur", function () {
      setTimeout(function () {
        if (!header.contains(document.activeElement)) {
          header.classList.remove("searching");
          searchToggle.setAttribute("aria-expanded", "false");
        }
      }, 150);
    });
  }

  var toc = document.querySelector(".toc");
  // ---- "On this page": the page's sections, written here ----
  // rather than in every level page. A theme whose level.html writes its
  // own list keeps it.
  if (toc && !toc.querySelector("ul")) {
    var entries = "";
    document.querySelectorAll("main section[id]").forEach(function (section) {
      var heading = section.firstElementChild;
      if (!heading || !/^H[1-6]$/.test(heading.tagName)) return;
      var depth = /(?:^|\s)depth-(\d+)(?:\s|$)/.exec(section.className);
      entries += "<li" + (depth ? ' class="depth-' + depth[1] + '"' : "") + '><a href="#' + escapeHtml(section.id) + '">' +
        escapeHtml(heading.textContent) + "</a></li>";
    });
    toc.insertAdjacentHTML("beforeend", "<ul>" + entries + "</ul>");
  }
  // ---- "On this page" follows the reading position ----
  if (toc && window.IntersectionObserver) {
    var tocLinks = {};
    toc.querySelectorAll("a[href^='#']").forEach(function (a) { tocLinks[a.getAttribute("href").slice(1)] = a; });
    var visible = {};
    var sections = Object.keys(tocLinks).map(function (id) { return document.getElementById(id); }).filter(Boolean);
    var mark = function () {
      var active = null;
      for (var i = 0; i < sections.length; i++) {
        if (visible[sections[i].id]) { active = sections[i].id; break; }
      }
      if (!active) return;
      Object.keys(tocLinks).forEach(function (id) {
        if (id === active) tocLinks[id].setAttribute("aria-current", "true");
        else tocLinks[id].removeAttribute("aria-current");
      });
    };
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) { visible[en.target.id] = en.isIntersecting; });
      mark();
    }, { rootMargin: "-64px 0px -45% 0px" });
    sections.forEach(function (s) { observer.observe(s); });
  }

  // ---- Statement links: a # before each statement (level pages) and each
  // cell of the grid, added here rather than written into every page ----
  document.querySelectorAll("li.statement[id]").forEach(function (li) {
    var a = document.createElement("a");
    a.className = "anchor";
    a.href = "#" + li.id;
    a.setAttribute("aria-label", say("link-statement"));
    a.textContent = "#";
    li.insertBefore(a, li.firstChild);
  });
  // The `#` after each heading of a section with an id (areas, indicators).
  document.querySelectorAll("section[id] > h2:first-child, section[id] > h3:first-child, section[id] > h4:first-child, section[id] > h5:first-child, section[id] > h6:first-child").forEach(function (h) {
    var a = document.createElement("a");
    a.className = "heading-anchor";
    a.href = "#" + h.parentNode.id;
    a.setAttribute("aria-label", say("link-heading", { title: h.textContent }));
    a.textContent = "#";
    h.appendChild(document.createTextNode(" "));
    h.appendChild(a);
  });
  // ---- The grid: a track's levels side by side ----
  // The page carries the grid's frame, a column per level and a row per
  // area (data-area); the cells come from data.js, as on the level pages:
  // each lists the level's statements of the row's area, examples and
  // sub-statements left out, with a # that leads to the statement on its
  // level's page. (matrix.rs: the cells are not repeated in the page.)
  document.querySelectorAll("table.matrix").forEach(function (table) {
    loadData().then(function (data) {
      var levels = Object.create(null);
      data.tracks.forEach(function (t) { t.levels.forEach(function (l) { levels[l.url] = l; }); });
      // Links are relative to this page (urls.rs, shorten_links): a
      // level is found by its path from the root.
      var base = new URL(root || "./", location.href).href;
      var fromRoot = function (href) {
        var url = new URL(href, location.href);
        url.hash = "";
        return url.href.indexOf(base) === 0 ? url.href.slice(base.length) : null;
      };
      var heads = table.tHead ? table.tHead.rows[0].cells : [], columns = [];
      for (var c = 1; c < heads.length; c++) {
        var a = heads[c].querySelector("a"), href = a && a.getAttribute("href");
        columns.push({ href: href, level: href ? levels[fromRoot(href)] : null });
      }
      var open = sayHtml("open-statement");
      table.querySelectorAll("tr[data-area]").forEach(function (tr) {
        var area = tr.getAttribute("data-area"), html = "";
        columns.forEach(function (col) {
          var items = "";
          (col.level ? col.level.s : []).forEach(function (s) {
            if (s[1] !== area || s[4]) return;
            // dir="auto": a statement in a right-to-left script reads as
            // it does on its level page.
            items += '<li dir="auto"><a class="cell-link" href="' + escapeHtml(col.href + "#s-" + s[0]) + '" aria-label="' + open + '">#</a>' +
              (s[2] ? "<strong>" + escapeHtml(s[2]) + "</strong>: " : "") + escapeHtml(plain(s[3])) + "</li>";
          });
          html += "<td>" + (items ? "<ul>" + items + "</ul>" : "") + "</td>";
        });
        tr.insertAdjacentHTML("beforeend", html);
      });
      table.classList.add("filled");
    }).catch(function () {
      var wrap = table.parentElement;
      wrap.insertAdjacentHTML("beforebegin", '<p class="hint" role="alert">' + sayHtml("matrix-failed") + "</p>");
    });
  });
  // Click the # to copy a link.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest(".statement > .anchor");
    if (!a) return;
    var url = a.href;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        a.classList.add("copied");
        setTimeout(function () { a.classList.remove("copied"); }, 1500);
      }, function () {});
    }
  });

  // ---- Collapsible matrix groups ----
  document.querySelectorAll(".group-toggle").forEach(function (b) {
    b.addEventListener("click", function () {
      var group = document.getElementById(b.getAttribute("aria-controls"));
      var collapsed = group.classList.toggle("collapsed");
      b.setAttribute("aria-expanded", String(!collapsed));
    });
  });

  // ---- The matrix shows as many level columns as fit (one on a phone) ----
  // so the page scrolls, not a box inside it, and no column is cut off.
  var matrix = document.querySelector("table.matrix");
  var controls = document.querySelector(".matrix-controls");
  if (matrix && controls) {
    var wrap = matrix.parentElement;
    var heads = matrix.querySelectorAll("thead th:not(.corner)");
    var levels = heads.length;
    var first = 0, perView = levels;
    var style = document.createElement("style");
    document.head.appendChild(style);
    var startSelect = controls.querySelector(".matrix-start");
    var range = controls.querySelector(".matrix-range");
    var prevButton = controls.querySelector(".matrix-prev"), nextButton = controls.querySelector(".matrix-next");
    var rem = parseFloat(getComputedStyle(doc).fontSize) || 16;
    var layoutMatrix = function () {
      var width = wrap.clientWidth;
      var areaColumn = (width < 640 ? 7 : 10) * rem;
      perView = Math.max(1, Math.min(levels, Math.floor((width - areaColumn) / (12 * rem))));
      first = Math.max(0, Math.min(first, levels - perView));
      // Columns are hidden by position: the area column is child 1, levels 2…n+1.
      var hidden = [];
      for (var i = 0; i < levels; i++) if (i < first || i >= first + perView) hidden.push(".matrix tr > :nth-child(" + (i + 2) + ")");
      // Screen only: a printed grid has every level.
      style.textContent = "@media screen{" + (hidden.length ? hidden.join(",") + "{display:none}" : "") +
        ".matrix thead th:not(.corner){width:calc((100% - " + (areaColumn / rem) + "rem) / " + perView + ")}}";
      wrap.classList.add("windowed");
      controls.hidden = perView >= levels;
      startSelect.innerHTML = "";
      for (var s = 0; s + perView <= levels; s++) {
        var label = heads[s].textContent.trim() + (perView > 1 ? " – " + heads[s + perView - 1].textContent.trim() : "");
        var option = new Option(label, String(s), false, s === first);
        startSelect.appendChild(option);
      }
      range.textContent = say(perView > 1 ? "matrix-range" : "matrix-range-one",
        { first: number(first + 1), last: number(first + perView), count: number(levels) }, levels);
      prevButton.disabled = first === 0;
      nextButton.disabled = first + perView >= levels;
    };
    startSelect.addEventListener("change", function () { first = parseInt(startSelect.value, 10) || 0; layoutMatrix(); });
    prevButton.addEventListener("click", function () { first = Math.max(0, first - perView); layoutMatrix(); });
    nextButton.addEventListener("click", function () { first = Math.min(levels - perView, first + perView); layoutMatrix(); });
    var resizeTimer = null;
    window.addEventListener("resize", function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(layoutMatrix, 100); });
    layoutMatrix();
  }

  // Examples print expanded.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  // ---- Search ----
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var docs = null;
  var selected = -1;

  function buildIndex(data) {
    var out = [], groups = 0;
    var areas = {};
    data.areas.forEach(function (a) { areas[a[0]] = a[1]; });
    data.tracks.forEach(function (t) {
      t.levels.forEach(function (l) {
        var group = l.title + " · " + t.title, g = ++groups;
        // Text written without spaces (Japanese, Chinese) is also indexed
        // as its character pairs (see `pairsOf`).
        var head = l.title + " " + (l.summary || ""), kt = pairsOf(head);
        out.push({ title: l.title, context: l.summary || "", url: l.url, group: group, g: g,
          text: (head + (kt ? " " + kt : "")).toLowerCase(), boost: 3 });
        // Its indicators ("2-3 years", "Scope: Team") are found too, but rank
        // below statements: every level has a "Time on <area>".
        var facts = (l.i || []).map(function (f) { return f[0] + ": " + f[1]; });
        if (facts.length) {
          out.push({ title: say("indicators"), context: "", url: l.url + "#indicators", group: group, g: g,
            text: facts.join(" ").toLowerCase(), facts: facts, boost: 0.75 });
        }
        l.s.forEach(function (s, n) {
          var text = (s[2] ? s[2] + ": " : "") + plain(s[3]), k = pairsOf(s[2] ? s[2] + " " + s[3] : s[3]), grams = k ? " " + k : "";
          out.push({ title: text, context: areas[s[1]] || s[1], url: l.url + "#s-" + s[0], group: group, g: g, statement: true, text: (text + grams).toLowerCase(), boost: 2 });
        });
      });
    });
    // Free pages rank below levels and statements, and show a snippet.
    data.pages.forEach(function (p) {
      var k = pairsOf(p.title + " " + p.text);
      out.push({ title: p.title, context: "", url: p.url, group: say("pages"), g: Infinity, text: (p.title + " " + p.text + (k ? " " + k : "")).toLowerCase(), body: p.text, boost: 1 });
    });
    return out;
  }

  // True when a and b are one edit apart (a letter added, dropped, changed or two swapped).
  function oneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a.charAt(i) === b.charAt(i)) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // The words of the index, for typo-tolerant search: word → true.
  var vocabulary = null;
  function vocabularyOf(docs) {
    if (vocabulary) return vocabulary;
    vocabulary = Object.create(null);
    docs.forEach(function (d) { d.text.split(/[^\p{L}\p{N}]+/u).forEach(function (w) { if (w.length > 2) vocabulary[w] = true; }); });
    return vocabulary;
  }
  // Query terms with no exact match become the indexed words one typo away.
  function expand(terms) {
    var vocab = vocabularyOf(docs);
    return terms.map(function (t) {
      if (t.length < 3) return [t];
      // A word that starts with the term is being typed: no typo.
      for (var w in vocab) { if (w.lastIndexOf(t, 0) === 0) return [t]; }
      var near = [t];
      for (var v in vocab) { if (v.length > 3 && oneEdit(t, v)) near.push(v); if (near.length > 8) break; }
      return near;
    });
  }

  // Scripts written without spaces between words: Han ideographs,
  // Hiragana, Katakana (with the prolonged sound mark and the half-width
  // forms). Hangul is written with spaces and is not one.
  var unspaced = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u{20000}-\u{2fa1f}]/u;
  function isUnspaced(cp) {
    return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) ||
      (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff66 && cp <= 0xff9f) ||
      (cp >= 0x20000 && cp <= 0x2fa1f);
  }
  // The index's tokens for such text: each run of it as its overlapping
  // character pairs (a run of one character as itself), so that a word
  // inside a sentence ("設計" in 「コードと設計をレビューする」) matches where
  // all its pairs do. Worked out here, from the text data.js already has:
  // shipped with it, the pairs were twice the size of the text.
  function pairsOf(text) {
    if (!/[^\x00-\x7f]/.test(text)) return "";
    var out = [], run = [];
    var flush = function () {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    };
    for (var i = 0; i < text.length; i++) {
      var cp = text.codePointAt(i), c = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      if (isUnspaced(cp)) run.push(c); else flush();
    }
    flush();
    return out.join(" ");
  }
  // A query word's runs of such characters as their character pairs (as
  // the index holds them), its other parts as they are.
  function bigrams(word) {
    var out = pairsOf(word).split(" ").filter(Boolean);
    var rest = Array.from(word).map(function (c) { return unspaced.test(c) ? " " : c; }).join("");
    rest.split(/[^\p{L}\p{N}]+/u).forEach(function (w) { if (w) out.push(w); });
    return out;
  }
  function escapeRegExp(t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function isWordChar(c) { return /[\p{L}\p{N}]/u.test(c); }
  // `text` escaped, with the matched words marked: a word matches from its
  // start ("call" marks "call" and "calls", never "basically").
  function highlight(text, terms) {
    if (!terms.length) return escapeHtml(text);
    // A character pair matches anywhere: its words have no boundaries.
    var pairs = terms.filter(function (t) { return unspaced.test(t); }), words = terms.filter(function (t) { return !unspaced.test(t); });
    var alt = [];
    if (words.length) alt.push("(?<![\\p{L}\\p{N}])(?:" + words.map(escapeRegExp).join("|") + ")");
    if (pairs.length) alt.push(pairs.map(escapeRegExp).join("|"));
    var re = new RegExp("(" + alt.join("|") + ")", "giu");
    return String(text).split(re).map(function (part, i) {
      return i % 2 ? "<mark>" + escapeHtml(part) + "</mark>" : escapeHtml(part);
    }).join("");
  }
  // The indicators of a level that match, if any.
  function factsSnippet(facts, marks) {
    var hits = (facts || []).filter(function (f) {
      var lower = f.toLowerCase();
      return marks.some(function (m) { return wordAt(lower, m) >= 0; });
    });
    return hits.length ? '<span class="snippet">' + highlight(hits.join(" · "), marks) + "</span>" : "";
  }
  // About 120 characters of a page around the first match.
  function snippet(body, terms) {
    var lower = body.toLowerCase(), at = -1;
    terms.forEach(function (t) { var i = wordAt(lower, t); if (i >= 0 && (at < 0 || i < at)) at = i; });
    if (at < 0) return body.slice(0, 120) + (body.length > 120 ? "…" : "");
    var from = Math.max(0, at - 40);
    return (from > 0 ? "…" : "") + body.slice(from, from + 120) + (from + 120 < body.length ? "…" : "");
  }

  // Where `word` starts a word of `text`, or -1.
  function wordAt(text, word) {
    for (var at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (at === 0 || !isWordChar(text.charAt(at - 1))) return at;
    }
    return -1;
  }
  // Where `phrase` stands as written, whole words at both ends, or -1.
  function phraseAt(text, phrase) {
    for (var at = wordAt(text, phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      var end = at + phrase.length;
      if ((at === 0 || !isWordChar(text.charAt(at - 1))) && (end >= text.length || !isWordChar(text.charAt(end)))) return at;
    }
    return -1;
  }
  // A query is words and phrases: "quoted words" and words joined by a
  // hyphen or other mark ("on-call") match as written, with no typo allowed.
  function parseQuery(query) {
    var phrases = [], terms = [];
    var rest = query.toLowerCase().replace(/"([^"]*)"?/g, function (_, p) {
      p = p.trim().replace(/\s+/g, " ");
      if (p) phrases.push(p);
      return " ";
    });
    // Phrases of text written without spaces cannot match as written
    // inside a sentence: their words are searched as character pairs.
    phrases = phrases.filter(function (p) {
      if (!unspaced.test(p)) return true;
      rest += " " + p;
      return false;
    });
    rest.split(/\s+/).forEach(function (w) {
      w = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (!w) return;
      if (unspaced.test(w)) bigrams(w).forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); });
      else if (/[^\p{L}\p{N}]/u.test(w)) phrases.push(w); else terms.push(w);
    });
    return { phrases: phrases, terms: terms };
  }

  // Every phrase and every word must match (a word that matches nothing may
  // match a word one typo away). Returns the documents, in the order of the
  // ladders, and the words to highlight.
  function search(query) {
    var q = parseQuery(query);
    if (!q.terms.length && !q.phrases.length) return { results: [], marks: [] };
    var alternatives = expand(q.terms);
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i], score = 0, all = true;
      for (var p = 0; p < q.phrases.length && all; p++) {
        if (phraseAt(d.text, q.phrases[p]) < 0) all = false; else score += 2;
      }
      for (var j = 0; j < alternatives.length && all; j++) {
        var best = 0;
        for (var k = 0; k < alternatives[j].length; k++) {
          if (wordAt(d.text, alternatives[j][k]) < 0) continue;
          var s = alternatives[j][k] === q.terms[j] ? 2 : 1.5;
          if (s > best) best = s;
        }
        if (!best) all = false;
        score += best;
      }
      if (all) hits.push({ d: d, i: i, score: score * d.boost - d.text.length / 1000 });
    }
    // The best 30, then shown by level in ladder order (the index's order).
    hits.sort(function (a, b) { return b.score - a.score; });
    // Within a level: the level, its statements, then its indicators.
    hits = hits.slice(0, 30).sort(function (a, b) { return a.d.g - b.d.g || b.d.boost - a.d.boost || a.i - b.i; });
    var marks = q.phrases.concat([].concat.apply([], alternatives)).sort(function (a, b) { return b.length - a.length; });
    return { results: hits.map(function (h) { return h.d; }), marks: marks, query: q };
  }

  // Words of the index close to the query's, to try when nothing matched.
  function suggestions(q) {
    var vocab = vocabularyOf(docs), out = [];
    var words = q.terms.concat([].concat.apply([], q.phrases.map(function (p) { return p.split(/[^\p{L}\p{N}]+/u); })));
    words.filter(function (w) { return w.length > 2; }).forEach(function (w) {
      var stem = w.slice(0, Math.max(3, w.length - 2));
      for (var v in vocab) {
        if (out.length >= 5) break;
        if (v !== w && out.indexOf(v) < 0 && (oneEdit(w, v) || v.lastIndexOf(stem, 0) === 0)) out.push(v);
      }
    });
    return out;
  }

  function show(found, query) {
    selected = -1;
    input.removeAttribute("aria-activedescendant");
    if (!query) { list.hidden = true; input.setAttribute("aria-expanded", "false"); return; }
    var results = found.results, marks = found.marks, html = "", group = null;
    results.forEach(function (r, i) {
      // A heading for each level (and for the pages), then its results.
      if (r.group !== group) {
        group = r.group;
        html += '<li class="group" role="presentation">' + escapeHtml(r.group) + "</li>";
      }
      var extra = r.body !== undefined ? '<span class="snippet">' + highlight(snippet(r.body, marks), marks) + "</span>"
        : factsSnippet(r.facts, marks);
      html += '<li role="option" id="sr-' + i + '" aria-selected="false"><a href="' + escapeHtml(root + r.url) + '">' +
        '<span dir="auto" class="' + (r.statement ? "text" : "title") + '">' + highlight(r.title, marks) + "</span>" + extra +
        (r.context ? "<small>" + escapeHtml(r.context) + "</small>" : "") + "</a></li>";
    });
    if (!results.length) {
      var tries = found.query ? suggestions(found.query) : [];
      html = '<li class="empty" role="option" aria-disabled="true">' + sayHtml("no-results", { query: escapeHtml(query) }) +
        (tries.length ? " " + sayHtml("try") + " " + tries.map(function (t) { return '<button type="button" class="suggest">' + escapeHtml(t) + "</button>"; }).join(" ")
          : " " + sayHtml("try-fewer")) + "</li>";
    }
    list.innerHTML = html;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function move(delta) {
    var items = list.querySelectorAll("li[id]");
    if (!items.length) return;
    if (selected >= 0) items[selected].setAttribute("aria-selected", "false");
    selected = (selected + delta + items.length) % items.length;
    items[selected].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[selected].id);
    items[selected].scrollIntoView({ block: "nearest" });
  }

  if (input && list) {
    var prepare = function () {
      return loadData().then(function (data) { if (!docs) docs = buildIndex(data); });
    };
    input.addEventListener("focus", function () { prepare().catch(function () {}); });
    input.addEventListener("input", function () {
      var q = input.value.trim();
      prepare().then(function () { show(search(q), q); });
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
      else if (e.key === "Escape") { input.value = ""; show({ results: [], marks: [] }, ""); }
      else if (e.key === "Enter") {
        var items = list.querySelectorAll("li[id] a");
        var target = items[selected >= 0 ? selected : 0];
        if (target) { e.preventDefault(); window.location.href = target.href; }
      }
    });
    document.addEventListener("keydown", function (e) {
      var tag = (e.target.tagName || "").toLowerCase();
      if (e.key === "/" && tag !== "input" && tag !== "textarea" && tag !== "select") {
        e.preventDefault();
        input.focus();
      }
    });
    list.addEventListener("click", function (e) {
      var b = e.target.closest && e.target.closest("button.suggest");
      if (!b) return;
      input.value = b.textContent;
      input.focus();
      show(search(input.value), input.value);
    });
    document.addEventListener("click", function (e) {
      if (!e.target.closest || !e.target.closest(".search")) { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
    });
  }

  // Shared with rungs-compare.js, which only comparison pages load.
  window.RUNGS = { loadData: loadData, escapeHtml: escapeHtml, plain: plain, root: root, say: say, sayHtml: sayHtml };
})();
