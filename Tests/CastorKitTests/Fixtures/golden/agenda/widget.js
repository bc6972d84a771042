/* Agenda de l'habitat participatif : prochains événements, à intégrer sur un autre site.
   Mode d'emploi : page « Partager l'agenda » du site (partager/, dans le dossier de l'agenda). */
(function () {
  "use strict";
  var agenda = {"agenda":"https://ressources.example.org/agenda/","events":[{"date":"Samedi 5 décembre 2026, 9 h 30 – 17 h","lastDay":"2026-12-05","region":"bretagne","start":"2026-12-05","status":"Annulé","title":"Atelier Métaplan","url":"https://ressources.example.org/agenda/atelier/"},{"date":"Mardi 12 janvier 2027, 18 h 30","lastDay":"2027-01-12","place":"En ligne","region":"national","start":"2027-01-12","status":"Reporté","title":"Webinaire juridique","url":"https://ressources.example.org/agenda/webinaire/"},{"date":"Du 27 mars, 9 h, au 28 mars 2027, 17 h","lastDay":"2027-03-28","place":"Les Courtils, Sarlat","region":"bretagne","start":"2027-03-27","title":"Chantier participatif","url":"https://ressources.example.org/agenda/chantier/"},{"date":"Du 11 au 13 juin 2027","lastDay":"2027-06-13","place":"Lyon; salle 3, quai \"Nord\"","region":"national","start":"2027-06-11","title":"Rencontres nationales","url":"https://ressources.example.org/agenda/rencontres/"}],"regions":{"bretagne":"Bretagne","national":"National"},"title":"Centre de ressources de test"};
  var script = document.currentScript;
  if (!script) {
    var all = document.querySelectorAll("script[src*='widget.js']:not([data-agenda-pret])");
    script = all.length ? all[0] : null;
  }
  if (!script || !script.parentNode) { return; }
  script.setAttribute("data-agenda-pret", "");

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    try {
      var format = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });
      var parts = format.formatToParts(new Date());
      var v = {};
      for (var i = 0; i < parts.length; i++) { v[parts[i].type] = parts[i].value; }
      return v.year + "-" + v.month + "-" + v.day;
    } catch (e) {
      var d = new Date();
      return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
    }
  }
  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text) { node.appendChild(document.createTextNode(text)); }
    return node;
  }

  var region = script.getAttribute("data-region") || "";
  var max = parseInt(script.getAttribute("data-max") || "5", 10);
  if (!(max > 0)) { max = 5; }
  var known = !region || Object.prototype.hasOwnProperty.call(agenda.regions, region);
  if (!known && window.console) { console.warn("Agenda : région inconnue « " + region + " »"); }
  var now = today();
  var events = [];
  for (var i = 0; i < agenda.events.length && events.length < max; i++) {
    var e = agenda.events[i];
    if (e.lastDay >= now && (!region || e.region === region)) { events.push(e); }
  }

  var box = element("div", "agenda-widget");
  box.setAttribute("lang", "fr");
  box.setAttribute("role", "region");
  var scope = region && known ? " : " + agenda.regions[region] : "";
  box.setAttribute("aria-label", "Prochains événements" + scope + " — " + agenda.title);
  if (events.length) {
    var list = element("ul", "agenda-widget-liste");
    for (var j = 0; j < events.length; j++) {
      var ev = events[j];
      var item = element("li", "agenda-widget-evenement");
      item.style.marginBottom = "0.5em";
      if (ev.status) { item.appendChild(element("strong", "agenda-widget-statut", ev.status + " : ")); }
      var link = element("a", "agenda-widget-titre", ev.title);
      link.href = ev.url;
      item.appendChild(link);
      item.appendChild(document.createElement("br"));
      var time = element("time", "agenda-widget-date", ev.date);
      time.setAttribute("datetime", ev.start);
      item.appendChild(time);
      if (ev.place) { item.appendChild(document.createTextNode(" · " + ev.place)); }
      list.appendChild(item);
    }
    box.appendChild(list);
  } else {
    box.appendChild(element("p", "agenda-widget-vide", "Aucun événement à venir pour le moment."));
  }
  var more = element("p", "agenda-widget-plus");
  var moreLink = element("a", "", "Tout l'agenda" + scope);
  moreLink.href = agenda.agenda + (region && known ? "regions/" + region + "/" : "");
  more.appendChild(moreLink);
  box.appendChild(more);
  script.parentNode.insertBefore(box, script.nextSibling);
})();
