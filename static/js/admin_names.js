// Select2, which the admin's autocomplete fields use, names its combobox by the selected value alone, so an empty
// one has no name, and its search box has none at all. Name both after the field, as its label or the inline's
// column does. A static file, because the Content-Security-Policy forbids inline scripts.
(() => {
  const fieldName = (select) => {
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    const text = select.getAttribute("aria-label") || (label ? label.textContent : "");
    return text.replace(/:\s*$/, "").trim();
  };

  const nameSelect2Boxes = () => {
    document.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const container = select.nextElementSibling;
      const name = fieldName(select);
      if (!container || !container.classList.contains("select2") || !name) return;
      let nameTag = document.getElementById(`${select.id}-name`);
      if (!nameTag) {
        nameTag = document.createElement("span");
        nameTag.id = `${select.id}-name`;
        nameTag.hidden = true;
        nameTag.textContent = name;
        container.append(nameTag);
      }
      const combobox = container.querySelector('[role="combobox"]');
      if (combobox) {
        const rendered = container.querySelector(".select2-selection__rendered");
        // Select2 makes the shown value a read-only "textbox" of its own, nameless when empty; it is the value.
        if (rendered) {
          rendered.removeAttribute("role");
          rendered.removeAttribute("aria-readonly");
        }
        combobox.setAttribute("aria-labelledby", rendered && rendered.id ? `${nameTag.id} ${rendered.id}` : nameTag.id);
      }
      container.querySelectorAll(".select2-search__field").forEach((search) => search.setAttribute("aria-label", name));
      // A multiple select's "remove all" × is put inside its list of choices, where only list items belong: move
      // it beside the list (its click is handled on the whole box), keeping only the newest one.
      container.querySelectorAll(".select2-selection--multiple").forEach((selection) => {
        const list = selection.querySelector(".select2-selection__rendered");
        if (!list) return;
        const fresh = list.querySelector(":scope > .select2-selection__clear");
        if (fresh || !list.querySelector(".select2-selection__choice")) {
          selection.querySelectorAll(":scope > .select2-selection__clear").forEach((old) => old.remove());
        }
        if (fresh) list.before(fresh);
      });
    });
  };

  // After Django's autocomplete.js, which sets Select2 up in jQuery's ready handler and on each added inline row.
  window.addEventListener("load", () => setTimeout(nameSelect2Boxes));
  document.addEventListener("formset:added", () => setTimeout(nameSelect2Boxes));
  // Select2 redraws a multiple select's search box when a value is picked or removed.
  document.addEventListener("change", () => setTimeout(nameSelect2Boxes));
})();
