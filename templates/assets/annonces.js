/* Petites annonces : tri et filtres de la liste (le contact affiché sur demande est dans
   contacts.js). Sans JavaScript, la page garde toutes les annonces. */
(function () {
  "use strict";
  var form = document.getElementById("filtres-annonces"), list = document.getElementById("annonces-liste");
  if (!form || !list) return;
  var items = Array.from(list.children), count = document.getElementById("annonces-compte");
  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  items.forEach(function (li) { li.dataset.texte = fold(li.textContent); });
  function price(li) { return li.dataset.price ? parseFloat(li.dataset.price) : null; }
  function byPrice(direction) {
    return function (a, b) {
      var x = price(a), y = price(b);
      if (x === null) return y === null ? 0 : 1;
      if (y === null) return -1;
      return direction * (x - y);
    };
  }
  var sorts = {
    recentes: function (a, b) { return b.dataset.published.localeCompare(a.dataset.published); },
    expiration: function (a, b) { return a.dataset.expires.localeCompare(b.dataset.expires); },
    region: function (a, b) { return (a.dataset.regionLabel || "\uffff").localeCompare(b.dataset.regionLabel || "\uffff", "fr"); },
    "prix-croissant": byPrice(1),
    "prix-decroissant": byPrice(-1)
  };
  var fields = form.elements, params = new URLSearchParams(location.search);
  ["q", "categorie", "region", "tri"].forEach(function (name) {
    if (params.has(name)) fields[name].value = params.get(name);
  });
  if (!sorts[fields.tri.value]) fields.tri.value = "recentes";

  function update() {
    var query = fields.q.value.trim(), words = fold(query).split(/\s+/).filter(Boolean);
    var category = fields.categorie.value, region = fields.region.value, sort = fields.tri.value;
    var shown = 0, fragment = document.createDocumentFragment();
    items.slice().sort(sorts[sort]).forEach(function (li) {
      var visible = (!category || li.dataset.category === category) && (!region || li.dataset.region === region) &&
        words.every(function (word) { return li.dataset.texte.indexOf(word) >= 0; });
      li.hidden = !visible;
      if (visible) shown++;
      fragment.appendChild(li);
    });
    list.appendChild(fragment);
    count.textContent = shown === 0 ? "Aucune annonce ne correspond." : shown + (shown > 1 ? " annonces" : " annonce");
    var state = new URLSearchParams();
    if (query) state.set("q", query);
    if (category) state.set("categorie", category);
    if (region) state.set("region", region);
    if (sort !== "recentes") state.set("tri", sort);
    var search = state.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }
  form.hidden = false;
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  update();
})();
