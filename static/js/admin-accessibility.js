/* Names and roles the admin's third-party widgets leave out, for screen readers (WCAG 4.1.2).
 * Only enhances: without JavaScript the admin has no tabs, no editor and nothing to fix.
 * - modeltranslation's language menu above the form gets the label the page gives it
 *   (data-language-switch-label on this script's tag, translated by the template);
 * - django-prose-editor's editable area gets its field's label as its name. */
(function () {
  "use strict";
  var script = document.currentScript;

  function labelOf(textarea) {
    var label = textarea && document.querySelector('label[for="' + textarea.id + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function nameTheEditors() {
    document.querySelectorAll(".prose-editor").forEach(function (editor) {
      var editable = editor.querySelector('[contenteditable="true"]');
      var name = labelOf(editor.querySelector("textarea"));
      if (editable && name && !editable.hasAttribute("aria-label")) {
        editable.setAttribute("aria-label", name);
      }
    });
  }

  function nameTheLanguageMenu() {
    var menu = document.getElementById("modeltranslation-main-switch");
    if (menu && script && script.dataset.languageSwitchLabel) {
      menu.setAttribute("aria-label", script.dataset.languageSwitchLabel);
    }
  }

  function enhance() {
    nameTheLanguageMenu();
    nameTheEditors();
  }

  window.addEventListener("load", function () {
    enhance();
    new MutationObserver(enhance).observe(document.body, { childList: true, subtree: true });
  });
})();
