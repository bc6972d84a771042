/* Liste « table » d'une collection déclarée (collections.yml) : tri dans les deux sens,
   filtres avec le nombre de contenus de chaque valeur (compte tenu des autres filtres),
   recherche libre sans accents ni majuscules, choix gardé dans l'adresse (recharger, partager,
   page précédente). Sans JavaScript, la page garde toute la liste et les pages par valeur. */
(function () {
  "use strict";
  var form = document.getElementById("tableau-filtres"), list = document.getElementById("tableau-liste");
  if (!form || !list || !window.URLSearchParams || !history.pushState) return;
  var count = document.getElementById("tableau-compte"), text = form.elements.q, sort = form.elements.tri;
  var filters = [].slice.call(form.querySelectorAll("select[data-filtre]"));
  var collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").replace(/æ/g, "ae")
      .replace(/[’‘]/g, "'").toLowerCase();
  }
  var rows = [].slice.call(list.children).map(function (li, rank) {
    var values = {};
    filters.forEach(function (select) {
      var value = li.getAttribute("data-filtre-" + select.name);
      values[select.name] = value ? value.split(" ") : [];
    });
    return { li: li, rank: rank, text: fold(li.textContent), values: values };
  });
  var defaultSort = sort ? sort.value : "";

  function matches(row, words, skip) {
    return words.every(function (word) { return row.text.indexOf(word) >= 0; }) && filters.every(function (select) {
      return select === skip || !select.value || row.values[select.name].indexOf(select.value) >= 0;
    });
  }
  function comparator() {
    var option = sort && sort.options[sort.selectedIndex];
    if (!option || !option.value) return function (a, b) { return a.rank - b.rank; };
    var key = "data-tri-" + option.getAttribute("data-champ"), kind = option.getAttribute("data-genre");
    var direction = Number(option.getAttribute("data-sens"));
    return function (a, b) {
      var x = a.li.getAttribute(key), y = b.li.getAttribute(key);
      // Cards without a value come last, whichever the direction.
      if (x === null || y === null) return x === y ? a.rank - b.rank : (x === null ? 1 : -1);
      var order = kind === "number" ? Number(x) - Number(y) : kind === "date" ? (x < y ? -1 : x > y ? 1 : 0) : collator.compare(x, y);
      return direction * order || a.rank - b.rank;
    };
  }
  function show() {
    var words = text ? fold(text.value).split(/\s+/).filter(Boolean) : [], shown = 0;
    var fragment = document.createDocumentFragment();
    rows.slice().sort(comparator()).forEach(function (row) {
      var visible = matches(row, words, null);
      row.li.hidden = !visible;
      if (visible) shown++;
      fragment.appendChild(row.li);
    });
    list.appendChild(fragment);
    filters.forEach(function (select) {
      [].forEach.call(select.options, function (option) {
        var n = rows.filter(function (row) {
          return matches(row, words, select) && (!option.value || row.values[select.name].indexOf(option.value) >= 0);
        }).length;
        option.textContent = option.getAttribute("data-libelle") + " (" + n + ")";
      });
    });
    count.textContent = shown === 0 ? "Aucun résultat ne correspond à ces critères."
      : shown + " " + count.getAttribute(shown > 1 ? "data-plusieurs" : "data-un") + (shown < rows.length ? " sur " + rows.length : "");
  }
  function address() {
    var params = new URLSearchParams();
    if (text && text.value.trim()) params.set("q", text.value.trim());
    filters.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    if (sort && sort.value !== defaultSort) params.set("tri", sort.value);
    var search = params.toString();
    return search ? "?" + search : location.pathname;
  }
  function read() {
    var params = new URLSearchParams(location.search);
    if (text) text.value = params.get("q") || "";
    filters.forEach(function (select) {
      select.value = params.get(select.name) || "";
      if (select.selectedIndex < 0) select.value = "";
    });
    if (sort) {
      sort.value = params.get("tri") || defaultSort;
      if (sort.selectedIndex < 0) sort.value = defaultSort;
    }
  }
  // A choice in a list adds a step to the history; typing adds one step, then updates it.
  var typing = false;
  function changed(event) {
    show();
    var next = address(), current = location.search || location.pathname;
    var isTyping = event.target === text;
    if (next !== current) {
      if (isTyping && typing) history.replaceState(null, "", next);
      else history.pushState(null, "", next);
    }
    typing = isTyping;
  }
  read();
  form.hidden = false;
  form.addEventListener("input", changed);
  form.addEventListener("change", function (event) { if (event.target !== text) changed(event); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("popstate", function () { typing = false; read(); show(); });
  show();
})();
