/* Contacts masqués (annonces, fiches, agenda, pages) : la page ne contient jamais une adresse
   e-mail ou un numéro de téléphone en clair, seulement brouillé (inversé puis en base64) dans
   data-contact. Ce script affiche un bouton « Afficher le contact » à la place du texte
   « [contact masqué] » ; un clic montre le lien. Chargé par base.mustache quand la page en a. */
(function () {
  "use strict";
  function decode(text) {
    var raw = atob(text), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return Array.from(new TextDecoder().decode(bytes)).reverse().join("");
  }
  function link(kind, contact) {
    if (kind === "email") return "mailto:" + contact;
    if (kind === "phone") return "tel:" + contact.replace(/[^0-9+]/g, "");
    return contact;
  }
  document.querySelectorAll(".contact-masque").forEach(function (box) {
    var button = box.querySelector("button");
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "contact-bouton";
      button.textContent = "Afficher le contact";
      box.replaceChildren(button);
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var contact = decode(box.dataset.contact), a = document.createElement("a");
      a.href = link(box.dataset.kind, contact);
      a.textContent = contact;
      box.replaceChildren(a);
      a.focus();
    });
  });
})();
