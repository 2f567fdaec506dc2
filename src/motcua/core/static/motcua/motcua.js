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
