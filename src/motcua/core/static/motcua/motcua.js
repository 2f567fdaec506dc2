// Small behaviours that used to be inline handlers, kept here so the Content-Security-Policy
// can forbid inline scripts: <select data-autosubmit> submits its form on change;
// <button data-print> prints the page.
document.addEventListener("change", function (event) {
  var el = event.target;
  if (el.matches && el.matches("[data-autosubmit]") && el.form) {
    el.form.submit();
  }
});
document.addEventListener("click", function (event) {
  var el = event.target.closest && event.target.closest("[data-print]");
  if (el) {
    event.preventDefault();
    window.print();
  }
});
// A wide table scrolls sideways inside its own box on phones (motcua.css); a keyboard user must
// be able to reach and scroll it too, so a table that overflows becomes focusable.
function motcuaScrollableTables() {
  document.querySelectorAll("main table").forEach(function (table) {
    if (table.scrollWidth > table.clientWidth + 1) {
      table.setAttribute("tabindex", "0");
    } else if (table.getAttribute("tabindex") === "0") {
      table.removeAttribute("tabindex");
    }
  });
}
document.addEventListener("DOMContentLoaded", motcuaScrollableTables);
window.addEventListener("resize", motcuaScrollableTables);
document.addEventListener("htmx:afterSwap", motcuaScrollableTables);
