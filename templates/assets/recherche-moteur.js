/* Moteur de recherche, chargé par recherche.js au premier usage : résultats pendant la frappe
   sous le champ de l'en-tête, et page « recherche/ ».
   L'index (recherche/index/) est fait de petits fichiers JavaScript chargés par des balises
   <script>, à la demande : cela marche sur tout serveur, dans un sous-dossier et depuis le
   disque (file://). Les textes des résultats sont toujours insérés comme du texte. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.URL || !window.Promise) return;
  var pageURL = new URL("../recherche/", script.src), indexURL = new URL("index/", pageURL);
  var root = new URL("../", pageURL), local = location.protocol === "file:";

  /* Analyse du français : identique à Sources/CastorKit/Search/FrenchAnalyzer.swift
     (vérifié par Tests/CastorKitTests/Fixtures/stemming.tsv). */
  var STOP = new Set(("au aux avec ce ces cet cette ci comme dans de des du elle elles en entre est et etc eu il ils je " +
    "la le les leur leurs lui ma mais me mes moi mon ne ni nos notre nous on ont ou par pas peu plus pour qu que quel " +
    "quelle qui sa sans se ses si son sont sous sur ta te tes toi ton tu un une vos votre vous ete etre avoir ai as " +
    "sera ca cela chez dont donc or car tout tous toute toutes aussi tres vers lors puis ainsi").split(" "));
  var SUFFIXES = [["atrice", ""], ["ateur", ""], ["ation", ""], ["ement", ""], ["ative", ""], ["atif", ""],
    ["euse", "eu"], ["ere", ""], ["ive", "if"], ["ee", ""], ["er", ""], ["e", ""]];
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");
  }
  function words(text) { return fold(text).split(/[^a-z0-9]+/).filter(Boolean); }
  function stem(w) {
    if (w.length <= 3 || /[0-9]/.test(w)) return w;
    if (w.length >= 5 && /eaux$/.test(w)) w = w.slice(0, -1);
    else if (w.length >= 5 && /aux$/.test(w)) w = w.slice(0, -3) + "al";
    else if (w.length >= 5 && /x$/.test(w)) w = w.slice(0, -1);
    else if (w.length >= 4 && /[^s]s$/.test(w)) w = w.slice(0, -1);
    for (var i = 0; i < SUFFIXES.length; i++) {
      var s = SUFFIXES[i][0];
      if (w.slice(-s.length) === s) {
        if (w.length - s.length >= 4) w = w.slice(0, -s.length) + SUFFIXES[i][1];
        break;
      }
    }
    if (w.length >= 5 && w[w.length - 1] === w[w.length - 2]) w = w.slice(0, -1);
    return w;
  }
  function term(w) { return w.length > 1 && !STOP.has(w) ? stem(w) : null; }
  function terms(text) { return words(text).map(term).filter(Boolean); }

  /* Endings a word being typed may have past its stem (« financem » → financ). */
  var ENDINGS = ["s", "x", "es", "ees", "ers", "ez", "eres", "ements", "ations", "ateurs", "atrices", "atives", "atifs", "ses"];
  function continues(t, p) {
    function ok(r) { return !r || ENDINGS.some(function (e) { return e.indexOf(r) === 0; }); }
    if (p.indexOf(t) === 0) {
      var r = p.slice(t.length);
      return ok(r) || (r[0] === t[t.length - 1] && ok(r.slice(1)));
    }
    var b = t.slice(0, -1), end = t.slice(-2);
    return p.indexOf(b) === 0 && ((end === "al" && "ux".indexOf(p.slice(b.length)) === 0) ||
      (end === "if" && "ves".indexOf(p.slice(b.length)) === 0));
  }

  /* The query: every word a term; the last one, still being typed, also a prefix. */
  function parse(query) {
    var list = words(query), partial = /[a-z0-9]$/.test(fold(query)), out = [], seen = {};
    list.forEach(function (w, i) {
      var last = partial && i === list.length - 1 && w.length >= 3, t = term(w);
      if (last && !t && list.length > 1) return;
      var q = { stem: t, prefix: last ? w : null };
      var key = t + "|" + q.prefix;
      if ((t || q.prefix) && !seen[key]) { seen[key] = 1; out.push(q); }
    });
    return out;
  }

  /* Index files: window.__castorIndex(key, data). */
  var files = {}, cache = {}, waiting = {}, manifest = null, keys = [], keySet = new Set();
  window.__castorIndex = function (key, data) {
    var w = waiting[key];
    if (w) { delete waiting[key]; cache[key] = key.indexOf("f/") === 0 ? atob(data) : data; w(cache[key]); }
  };
  function load(key) {
    if (!files[key]) files[key] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      waiting[key] = resolve;
      s.src = new URL(key + ".js" + (manifest && !local ? "?v=" + manifest.v : ""), indexURL).href;
      s.onload = s.onerror = function () {
        s.remove();
        if (waiting[key]) { delete waiting[key]; delete files[key]; reject(new Error("index " + key)); }
      };
      document.head.appendChild(s);
    });
    return files[key];
  }
  function ready() {
    return load("index").then(function (m) {
      manifest = m;
      var previous = "";
      keys = m.k ? m.k.split(" ").map(function (k) { return (previous = previous.slice(0, parseInt(k[0], 36)) + k.slice(1)); }) : [];
      keySet = new Set(keys);
      return m;
    });
  }
  /* Term shards a query word needs: the one holding its stem; for a word being typed, every
     shard of words starting with it, the shard it falls in, and the shorter keys above it
     (each holds only the term equal to the key) when the word may extend that term. */
  function shardsFor(q) {
    var out = [], s = q.stem, p = q.prefix, longest = "";
    function add(k) { if (out.indexOf(k) < 0) out.push(k); }
    if (s) for (var l = s.length; l >= Math.min(3, s.length); l--) if (keySet.has(s.slice(0, l))) { add(s.slice(0, l)); break; }
    if (p) {
      for (l = p.length; l >= 3 && !longest; l--) if (keySet.has(p.slice(0, l))) longest = p.slice(0, l);
      if (longest) add(longest);
      keys.forEach(function (k) {
        if (k.indexOf(p) === 0 || (k.length >= 3 && p.indexOf(k) === 0 && continues(k, p))) add(k);
      });
    }
    return out;
  }

  var CODE = {}, DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (var c = 0; c < 64; c++) CODE[DIGITS.charCodeAt(c)] = c;
  function postings(scale, text, factor, into) {
    for (var i = 0, doc = 0; i < text.length;) {
      var v = 0, d;
      while ((d = CODE[text.charCodeAt(i++)]) >= 32) v = v * 32 + d - 32;
      doc += v * 32 + d;
      var score = factor * scale * CODE[text.charCodeAt(i++)] / 63;
      if (!(into.get(doc) >= score)) into.set(doc, score);
    }
  }

  /* Runs a query: resolves to {docs: [numbers, best first], matched: Set of terms}. */
  function search(query, filters) {
    var parsed = parse(query);
    if (!parsed.length) return Promise.resolve({ docs: [], matched: new Set(), parsed: parsed });
    return ready().then(function () {
      var needs = [];
      parsed.forEach(function (q) { shardsFor(q).forEach(function (k) { needs.push(load("t/" + k)); }); });
      ["theme", "region"].forEach(function (f) { if (filters[f]) needs.push(load("f/" + f + "-" + filters[f]).catch(function () { return ""; })); });
      return Promise.all(needs);
    }).then(function () {
      var matched = new Set(), scores = parsed.map(function (q) {
        var into = new Map();
        shardsFor(q).forEach(function (k) {
          var data = cache["t/" + k];
          for (var i = 0; i < data.length; i += 3) {
            var t = data[i], f = t === q.stem ? 1 : q.prefix && (t.indexOf(q.prefix) === 0 || continues(t, q.prefix)) ? 0.85 : 0;
            if (f) { matched.add(t); postings(data[i + 1], data[i + 2], f, into); }
          }
        });
        return into;
      });
      scores.sort(function (a, b) { return a.size - b.size; });
      var type = null, bits = {};
      manifest.types.forEach(function (t) { if (t[0] === filters.type) type = t; });
      ["theme", "region"].forEach(function (f) { if (filters[f]) bits[f] = cache["f/" + f + "-" + filters[f]] || ""; });
      var docs = [];
      scores[0].forEach(function (score, doc) {
        if (filters.type && !(type && doc >= type[3] && doc < type[4])) return;
        for (var f in bits) if (!((bits[f].charCodeAt(doc >> 3) >> (doc & 7)) & 1)) return;
        for (var i = 1; i < scores.length; i++) {
          var s = scores[i].get(doc);
          if (s === undefined) return;
          score += s;
        }
        docs.push([doc, score]);
      });
      docs.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return { docs: docs.map(function (d) { return d[0]; }), matched: matched, parsed: parsed };
    });
  }
  /* Documents: [title, address, excerpt source, detail]. */
  function documents(numbers) {
    var c = manifest.c;
    return Promise.all(numbers.map(function (n) {
      return load("d/" + Math.floor(n / c)).then(function (data) {
        var i = (n % c) * 4, type = manifest.types.filter(function (t) { return n >= t[3] && n < t[4]; })[0];
        var path = data[i + 1], href = path[0] === "/" ? path.slice(1) : type[2] + path + "/";
        if (local && /\/$|^$/.test(href)) href += "index.html";
        return { title: data[i], url: new URL(href, root).href, excerpt: data[i + 2], detail: data[i + 3], type: type[1] };
      });
    }));
  }

  /* Text with the matched words in <mark>, built with DOM nodes only. */
  function highlight(text, result) {
    var prefixes = result.parsed.map(function (q) { return q.prefix; }).filter(Boolean);
    function hit(word) {
      return words(word).some(function (w) {
        var t = term(w);
        return (t && result.matched.has(t)) || (t && prefixes.some(function (p) { return w.indexOf(p) === 0; }));
      });
    }
    var fragment = document.createDocumentFragment(), last = 0, re = /[\p{L}\p{N}]+/gu, m, first = -1;
    var pieces = [];
    while ((m = re.exec(text))) {
      if (hit(m[0])) {
        pieces.push([m.index, m.index + m[0].length]);
        if (first < 0) first = m.index;
      }
    }
    var start = 0, end = text.length;
    if (end > 200) {
      if (first > 120) start = text.indexOf(" ", first - 60) + 1;
      end = Math.min(end, start + 200);
      var space = text.lastIndexOf(" ", end);
      if (end < text.length && space > start) end = space;
    }
    if (start > 0) fragment.append("… ");
    last = start;
    pieces.forEach(function (p) {
      if (p[0] < start || p[1] > end) return;
      fragment.append(text.slice(last, p[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(p[0], p[1]);
      fragment.append(mark);
      last = p[1];
    });
    fragment.append(text.slice(last, end) + (end < text.length ? " …" : ""));
    return fragment;
  }

  function element(name, className, children) {
    var e = document.createElement(name);
    if (className) e.className = className;
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }
  function item(doc, result, heading) {
    var link = element("a", "", [highlight(doc.title, result)]);
    link.href = doc.url;
    var infos = element("p", "carte-infos", [element("span", "etiquette", [doc.type])]);
    if (doc.detail) infos.append(" · " + doc.detail);
    return element("li", "", [element("article", "carte resultat", [
      element(heading, "carte-titre", [link]), infos, element("p", "extrait", [highlight(doc.excerpt, result)])])]);
  }
  function plural(n) { return n === 0 ? "Aucun résultat" : n === 1 ? "1 résultat" : n + " résultats"; }
  function resultsURL(params) {
    var url = new URL(local ? "index.html" : "", pageURL), query = params.toString();
    return url.href + (query ? "?" + query : "");
  }
  function debounce(f) { var t; return function () { clearTimeout(t); t = setTimeout(f, 40); }; }

  window.CastorRecherche = { words: words, terms: terms, stem: stem, parse: parse, search: search, documents: documents };

  /* Page de recherche. */
  var page = document.getElementById("recherche-page");
  if (page) {
    var fields = page.elements, status = document.getElementById("rp-statut");
    var list = document.getElementById("rp-resultats"), more = document.getElementById("rp-plus");
    var params = new URLSearchParams(location.search), shown = 0, current = null, run = 0;
    ["q", "type", "theme", "region"].forEach(function (n) { if (params.has(n)) fields[n].value = params.get(n); });
    var showMore = function () {
      var r = current, batch = r.docs.slice(shown, shown + 20), count = run;
      return documents(batch).then(function (docs) {
        if (count !== run) return;
        docs.forEach(function (d) { list.append(item(d, r, "h2")); });
        shown += batch.length;
        more.parentNode.hidden = shown >= r.docs.length;
      });
    };
    var update = function () {
      var filters = { type: fields.type.value, theme: fields.theme.value, region: fields.region.value };
      var query = fields.q.value.trim(), count = ++run, next = new URLSearchParams();
      ["q", "type", "theme", "region"].forEach(function (n) { if (fields[n].value.trim()) next.set(n, fields[n].value.trim()); });
      try { history.replaceState(null, "", location.pathname + (next.toString() ? "?" + next : "")); } catch (e) { /* refusé */ }
      if (!parse(query).length) {
        list.replaceChildren();
        more.parentNode.hidden = true;
        status.textContent = query ? "Précisez votre recherche : ces mots sont trop courts ou trop courants." : "";
        return;
      }
      search(query, filters).then(function (r) {
        if (count !== run) return;
        current = r;
        shown = 0;
        list.replaceChildren();
        status.textContent = plural(r.docs.length) + " pour « " + query + " »" + (filters.type || filters.theme || filters.region ? " (filtré)" : "") + ".";
        return showMore();
      }).catch(function () { if (count === run) status.textContent = "La recherche est indisponible pour le moment."; });
    };
    fields.q.addEventListener("focus", function () { ready().catch(function () {}); }, { once: true });
    page.addEventListener("input", debounce(update));
    page.addEventListener("change", update);
    page.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    more.addEventListener("click", function () {
      var first = list.children.length;
      showMore().then(function () { var a = list.children[first] && list.children[first].querySelector("a"); if (a) a.focus(); });
    });
    if (fields.q.value) update();
  }

  /* Résultats pendant la frappe, sous le champ de l'en-tête. */
  var form = document.getElementById("recherche");
  if (!form) return;
  var input = form.elements.q, live = element("p", "visuellement-cache"), panel = element("div", "recherche-panneau");
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  var results = element("ul", "recherche-liste"), all = element("a", "recherche-tout"), runs = 0;
  panel.hidden = true;
  panel.append(results, all);
  form.append(live);
  form.after(panel);
  function links() { return Array.prototype.slice.call(panel.querySelectorAll("a")); }
  function close() { panel.hidden = true; }
  input.addEventListener("focus", function () { ready().catch(function () {}); }, { once: true });
  var typed = debounce(function () {
    var query = input.value.trim(), count = ++runs;
    if (!parse(query).length) { close(); live.textContent = ""; return; }
    search(query, {}).then(function (r) {
      return documents(r.docs.slice(0, 8)).then(function (docs) {
        if (count !== runs) return;
        results.replaceChildren.apply(results, docs.map(function (d) { return item(d, r, "p"); }));
        all.href = resultsURL(new URLSearchParams({ q: query }));
        all.textContent = r.docs.length ? "Voir les " + plural(r.docs.length).toLowerCase() : "Aucun résultat : parcourir les listes";
        live.textContent = plural(r.docs.length) + ".";
        panel.hidden = false;
      });
    }).catch(function () { live.textContent = "La recherche est indisponible pour le moment."; });
  });
  input.addEventListener("input", typed);
  form.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" && e.target === input && results.children.length && input.value.trim()) {
      e.preventDefault();
      panel.hidden = false;
      links()[0].focus();
    }
    if (e.key === "Escape") close();
  });
  panel.addEventListener("keydown", function (e) {
    var all = links(), i = all.indexOf(document.activeElement);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      var next = i + (e.key === "ArrowDown" ? 1 : -1);
      (next < 0 ? input : all[Math.min(next, all.length - 1)]).focus();
    } else if (e.key === "Escape") {
      close();
      input.focus();
    }
  });
  form.parentNode.addEventListener("focusout", function () {
    setTimeout(function () { if (!form.contains(document.activeElement) && !panel.contains(document.activeElement)) close(); }, 0);
  });
  document.addEventListener("click", function (e) { if (!form.contains(e.target) && !panel.contains(e.target)) close(); });
  input.addEventListener("click", function () { if (results.children.length && input.value.trim()) panel.hidden = false; });
  /* Loaded after the visitor focused the field, maybe typed already. */
  if (document.activeElement === input) ready().catch(function () {});
  if (input.value.trim()) typed();
})();
