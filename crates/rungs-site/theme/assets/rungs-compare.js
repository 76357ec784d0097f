// rungs comparison script, loaded by comparison pages only: the comparison
// of any two levels, built in the browser from data.js.
(function () {
  "use strict";
  var shared = window.RUNGS;
  if (!shared) return;
  var loadData = shared.loadData, escapeHtml = shared.escapeHtml, plain = shared.plain, root = shared.root;
  var say = shared.say, sayHtml = shared.sayHtml;

  // ---- Comparison (mirrors rungs-core's compare.rs and similarity.rs) ----
  // The stop words and thresholds come from rungs-core through data.js
  // (`similarity`), so the browser and the pre-rendered pages cannot disagree.
  function stripMarkup(text) {
    var out = "", i = 0;
    while (i < text.length) {
      var c = text.charAt(i);
      if (c === "]" && text.charAt(i + 1) === "(") {
        var close = text.indexOf(")", i + 2);
        i = close < 0 ? text.length : close + 1;
        continue;
      }
      if ("*_`[".indexOf(c) < 0) out += c;
      i++;
    }
    return out;
  }
  function fold(w) {
    if (w.length > 4 && /ies$/.test(w)) return w.slice(0, -3) + "y";
    if (w.length > 3 && /s$/.test(w) && !/ss$/.test(w)) return w.slice(0, -1);
    return w;
  }
  function tokens(text, stop) {
    return stripMarkup(text).split(/[^\p{L}\p{N}]+/u)
      .filter(function (w) { return Array.from(w).length > 1; })
      .map(function (w) { return w.toLowerCase(); })
      .filter(function (w) { return !stop[w]; })
      .map(fold);
  }
  function vectors(docsTokens) {
    // Maps without a prototype: a word such as "constructor" is a word.
    var df = Object.create(null), n = docsTokens.length;
    docsTokens.forEach(function (toks) {
      var seen = Object.create(null);
      toks.forEach(function (t) { if (!seen[t]) { seen[t] = 1; df[t] = (df[t] || 0) + 1; } });
    });
    return docsTokens.map(function (toks) {
      var w = Object.create(null), norm = 0;
      toks.forEach(function (t) { w[t] = (w[t] || 0) + 1; });
      // idf() of rungs-core's engine.rs: smoothed inverse document frequency.
      Object.keys(w).forEach(function (t) { w[t] *= Math.log((1 + n) / (1 + df[t])) + 1; norm += w[t] * w[t]; });
      return { w: w, norm: Math.sqrt(norm) };
    });
  }
  function cosine(a, b) {
    if (!a.norm || !b.norm) return 0;
    var dot = 0;
    Object.keys(a.w).forEach(function (t) { if (b.w[t]) dot += a.w[t] * b.w[t]; });
    return dot / (a.norm * b.norm);
  }
  function fullText(s) { return s[2] ? s[2] + ": " + s[3] : s[3]; }
  // Words and the spaces between them, as the Rust side's word diff splits text.
  function words(t) { return t.match(/\s+|[^\s]+/g) || []; }
  // Common leading and trailing words are kept; the middle is diffed by LCS.
  function wordDiff(a, b) {
    var x = words(a), y = words(b), i, j;
    var pre = 0, suf = 0;
    while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
    while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
    var head = x.slice(0, pre), tail = x.slice(x.length - suf);
    x = x.slice(pre, x.length - suf); y = y.slice(pre, y.length - suf);
    var m = x.length, n = y.length;
    var L = [];
    for (i = 0; i <= m; i++) { L.push(new Array(n + 1).fill(0)); }
    for (i = m - 1; i >= 0; i--) for (j = n - 1; j >= 0; j--)
      L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    var parts = [];
    function push(op, t) {
      var last = parts[parts.length - 1];
      if (last && last.op === op) last.text += t; else parts.push({ op: op, text: t });
    }
    head.forEach(function (w) { push("same", w); });
    i = 0; j = 0;
    while (i < m && j < n) {
      if (x[i] === y[j]) { push("same", x[i]); i++; j++; }
      else if (L[i + 1][j] >= L[i][j + 1]) { push("removed", x[i]); i++; }
      else { push("added", y[j]); j++; }
    }
    while (i < m) push("removed", x[i++]);
    while (j < n) push("added", y[j++]);
    tail.forEach(function (w) { push("same", w); });
    return parts;
  }
  function compareLevels(a, b, areaOrder, similarity) {
    var old = a.s, neu = b.s, stop = Object.create(null);
    similarity.stop_words.forEach(function (w) { stop[w] = true; });
    var vec = vectors(old.concat(neu).map(function (s) { return tokens(fullText(s), stop); }));
    var ov = vec.slice(0, old.length), nv = vec.slice(old.length);
    var same = function (o, n) { return o[3] === n[3] && o[2] === n[2]; };
    var oldUsed = old.map(function () { return false; }), match = neu.map(function () { return null; });
    // Within each area first, then moves across areas among what is left.
    [false, true].forEach(function (crossArea) {
      var pairs = [];
      old.forEach(function (o, i) {
        if (oldUsed[i]) return;
        neu.forEach(function (n, j) {
          if (match[j] !== null || (o[1] !== n[1]) !== crossArea) return;
          var score = same(o, n) ? 1 : cosine(ov[i], nv[j]);
          if (score >= (crossArea ? similarity.other_area : similarity.same_area)) pairs.push([score, i, j]);
        });
      });
      pairs.sort(function (p, q) { return q[0] - p[0] || p[1] - q[1] || p[2] - q[2]; });
      pairs.forEach(function (p) { if (!oldUsed[p[1]] && match[p[2]] === null) { oldUsed[p[1]] = true; match[p[2]] = p[1]; } });
    });
    var rows = [], summary = { "new": 0, changed: 0, unchanged: 0, dropped: 0 };
    neu.forEach(function (n, j) {
      if (match[j] === null) { summary["new"]++; rows.push({ area: n[1], change: "new", nw: n }); return; }
      var o = old[match[j]];
      var unchanged = same(o, n);
      summary[unchanged ? "unchanged" : "changed"]++;
      rows.push({ area: n[1], change: unchanged ? "unchanged" : "changed", old: o, nw: n, diff: unchanged ? null : wordDiff(fullText(o), fullText(n)) });
    });
    old.forEach(function (o, i) { if (!oldUsed[i]) { summary.dropped++; rows.push({ area: o[1], change: "dropped", old: o }); } });
    var kind = { unchanged: 0, changed: 0, "new": 1, dropped: 2 };
    var pos = function (a) { var p = areaOrder.indexOf(a); return p < 0 ? 1e9 : p; };
    rows = rows.map(function (r, i) { r.i = i; return r; }).sort(function (p, q) {
      return pos(p.area) - pos(q.area) || kind[p.change] - kind[q.change] || p.i - q.i;
    });
    return { rows: rows, summary: summary };
  }

  // Indicators that differ (facts.rs, changed_facts): [label, before, after].
  function changedFacts(a, b) {
    var find = function (facts, label) {
      for (var i = 0; i < facts.length; i++) if (facts[i][0] === label) return facts[i][1];
      return null;
    };
    var out = [];
    b.forEach(function (f) { var before = find(a, f[0]); if (before !== f[1]) out.push([f[0], before, f[1]]); });
    a.forEach(function (f) { if (find(b, f[0]) === null) out.push([f[0], f[1], null]); });
    return out;
  }

  function findLevel(data, key) {
    var parts = key.split("/");
    for (var i = 0; i < data.tracks.length; i++) {
      var t = data.tracks[i];
      if (t.id !== parts[0]) continue;
      for (var j = 0; j < t.levels.length; j++) if (t.levels[j].id === parts[1]) return { track: t, level: t.levels[j] };
    }
    return null;
  }

  function renderComparison(data, aKey, bKey) {
    var a = findLevel(data, aKey), b = findLevel(data, bKey);
    var out = document.getElementById("compare-result");
    if (!a || !b || !out) return;
    var areaTitle = {}, order = [], parents = {};
    data.areas.forEach(function (x) { areaTitle[x[0]] = x[1]; order.push(x[0]); });
    var result = compareLevels(a.level, b.level, order, data.similarity);
    var statementHtml = function (s) { return (s[2] ? "<strong>" + escapeHtml(s[2]) + "</strong>: " : "") + escapeHtml(plain(s[3])); };
    var side = function (diff, skip) {
      return diff.filter(function (p) { return p.op !== skip; }).map(function (p) {
        if (p.op === "added") return "<ins>" + escapeHtml(p.text) + "</ins>";
        if (p.op === "removed") return "<del>" + escapeHtml(p.text) + "</del>";
        return escapeHtml(p.text);
      }).join("");
    };
    var html = '<p class="compare-levels"><a href="' + escapeHtml(root + a.level.url) + '">' + escapeHtml(a.level.title + " (" + a.track.title + ")") +
      '</a> → <a href="' + escapeHtml(root + b.level.url) + '">' + escapeHtml(b.level.title + " (" + b.track.title + ")") + "</a></p>";
    var s = result.summary;
    // The same page as the pre-rendered comparisons (render.rs, compare.html).
    var zero = function (n) { return n ? "" : " zero"; };
    var count = function (id, n, more) {
      var vars = { n: "<strong>" + n + "</strong>" };
      for (var k in more) vars[k] = more[k];
      return sayHtml(id, vars, n);
    };
    html += '<ul class="summary"><li class="changed' + zero(s.changed) + '">' + count("compare-changed", s.changed) + '</li><li class="new' + zero(s["new"]) + '">' +
      count("compare-new", s["new"]) + '</li><li class="dropped' + zero(s.dropped) + '">' +
      count("compare-dropped", s.dropped, { level: escapeHtml(b.level.title) }) +
      '</li><li class="unchanged">' + count("compare-unchanged", s.unchanged) + "</li></ul>";
    var facts = changedFacts(a.level.i || [], b.level.i || []);
    if (facts.length) {
      html += '<table class="fact-changes"><caption>' + sayHtml("fact-changes") + '</caption><thead class="visually-hidden"><tr><th scope="col">' + sayHtml("fact") + "</th>" +
        '<th scope="col">' + sayHtml("before") + '</th><th scope="col">' + sayHtml("after") + "</th></tr></thead><tbody>" + facts.map(function (f) {
        return '<tr><th scope="row">' + escapeHtml(f[0]) + "</th><td>" + escapeHtml(f[1] || say("not-stated")) + "</td><td>" + escapeHtml(f[2] || say("not-stated")) + "</td></tr>";
      }).join("") + "</tbody></table>";
    }
    var head = '<thead><tr><th scope="col">' + sayHtml("before") + '</th><th scope="col">' + sayHtml("after") + '</th><th scope="col"><span class="visually-hidden">' + sayHtml("change") + "</span></th></tr></thead>";
    var label = { "new": sayHtml("label-new"), changed: sayHtml("label-changed"), unchanged: sayHtml("label-unchanged"), dropped: sayHtml("label-dropped") };
    var groups = [];
    result.rows.forEach(function (r) {
      var g = groups[groups.length - 1];
      if (!g || g.area !== r.area) { g = { area: r.area, shown: "", folded: "", counts: { "new": 0, dropped: 0, unchanged: 0 } }; groups.push(g); }
      var oldHtml = r.diff ? side(r.diff, "added") : (r.old ? statementHtml(r.old) : "");
      var newHtml = r.diff ? side(r.diff, "removed") : (r.nw ? statementHtml(r.nw) : "");
      var row = '<tr class="row ' + r.change + '"><td dir="auto">' + oldHtml + '</td><td dir="auto">' + newHtml + '</td><td class="badge">' + label[r.change] + "</td></tr>";
      // What is new at the higher level is shown, never folded away.
      if (r.change === "changed" || r.change === "new") g.shown += row; else { g.folded += row; g.counts[r.change]++; }
    });
    groups.forEach(function (g) {
      html += "<h2>" + escapeHtml(areaTitle[g.area] || g.area) + "</h2>";
      if (g.shown) html += '<table class="compare">' + head + "<tbody>" + g.shown + "</tbody></table>";
      var folded = [];
      if (g.counts.dropped) folded.push(sayHtml("folded-dropped", { n: String(g.counts.dropped) }, g.counts.dropped));
      if (g.counts.unchanged) folded.push(sayHtml("folded-unchanged", { n: String(g.counts.unchanged) }, g.counts.unchanged));
      folded = folded.join(sayHtml("list-separator"));
      if (folded) {
        html += '<details class="folded"><summary>' + sayHtml(g.shown ? "show-all" : "show", { items: folded }) + '</summary><table class="compare">' + (g.shown ? "" : head) + "<tbody>" + g.folded + "</tbody></table></details>";
      }
    });
    out.innerHTML = html;
    document.title = a.level.title + " → " + b.level.title;
  }

  // The page lists only the levels of the pair's tracks; every level comes from data.js.
  function fillOptions(select, data) {
    if (select.dataset.filled) return;
    var current = select.value;
    var html = current ? "" : '<option value="">' + sayHtml("choose-level") + "</option>";
    data.tracks.forEach(function (t) {
      html += '<optgroup label="' + escapeHtml(t.title) + '">';
      t.levels.forEach(function (l) {
        var key = t.id + "/" + l.id;
        html += '<option value="' + escapeHtml(key) + '"' + (key === current ? " selected" : "") + ">" + escapeHtml(l.title) + "</option>";
      });
      html += "</optgroup>";
    });
    select.innerHTML = html;
    select.dataset.filled = "1";
  }

  var picker = document.querySelector("form[data-compare]");
  if (picker) {
    var selA = picker.querySelector("select[name=a]"), selB = picker.querySelector("select[name=b]");
    var fill = function () {
      return loadData().then(function (data) { fillOptions(selA, data); fillOptions(selB, data); });
    };
    picker.addEventListener("focusin", fill);
    picker.addEventListener("pointerdown", fill);
    if (!selA.value) fill();
    var run = function (aKey, bKey, updateHash) {
      if (!aKey || !bKey) return;
      loadData().then(function (data) {
        renderComparison(data, aKey, bKey);
        if (updateHash) history.replaceState(null, "", "#" + aKey + ".." + bKey);
      });
    };
    picker.addEventListener("change", function () { run(selA.value, selB.value, true); });
    picker.addEventListener("submit", function (e) { e.preventDefault(); });
    // The pair comes from the address (`#TRACK/LEVEL..TRACK/LEVEL`), or is
    // the one the page selects (a track's first step).
    var fromHash = function () {
      var pair = decodeURIComponent(location.hash.slice(1)).split("..");
      if (pair.length !== 2) return;
      fill().then(function () {
        selA.value = pair[0];
        selB.value = pair[1];
        run(pair[0], pair[1], false);
      });
    };
    window.addEventListener("hashchange", fromHash);
    if (location.hash.indexOf("..") > 0) fromHash();
    else if (selA.dataset.current && selB.dataset.current) run(selA.dataset.current, selB.dataset.current, false);
  }
})();
