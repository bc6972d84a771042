/* Recherche, sur toutes les pages : quelques lignes seulement. Le moteur
   (recherche-moteur.js) et l'index ne sont chargés qu'au premier usage du champ de
   recherche, ou tout de suite sur la page « recherche/ ». */
(function () {
  "use strict";
  var me = document.currentScript, loaded = false, form = document.getElementById("recherche");
  function load() {
    if (loaded || !me || !window.URL) return;
    loaded = true;
    var s = document.createElement("script");
    s.src = new URL("recherche-moteur.js", me.src).href;
    document.head.appendChild(s);
  }
  if (document.getElementById("recherche-page")) load();
  if (!form) return;
  form.q.addEventListener("focus", load);
  form.q.addEventListener("input", load);
  /* Depuis le disque (file://), le dossier « recherche/ » n'est pas une page : on vise
     recherche/index.html. */
  form.addEventListener("submit", function (e) {
    if (location.protocol !== "file:") return;
    e.preventDefault();
    location.href = form.action.replace(/\/?$/, "/index.html") + "?" + new URLSearchParams(new FormData(form));
  });
})();
