// Progressive enhancement only: hides questions whose condition, which
// reads earlier questions of the same page, does not hold. Without this
// script every such question is shown with a hint, and the server decides.
(function () {
  "use strict";
  // After a submit with problems, start at the list of problems.
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
  // A console page that follows mail going out reloads itself every few
  // seconds, with a button to stop (WCAG 2.2.1); without script, a link.
  var every = document.body.getAttribute("data-refresh");
  if (every) {
    var note = document.querySelector(".refresh");
    var timer = setTimeout(function () { location.reload(); }, Number(every) * 1000);
    if (note) {
      note.hidden = false;
      var stop = note.querySelector("[data-stop-refresh]");
      if (stop) stop.addEventListener("click", function () { clearTimeout(timer); note.hidden = true; });
    }
  }
  // The report's print button (hidden without script: the browser's own
  // print command does the same).
  var printers = document.querySelectorAll("[data-print]");
  for (var p = 0; p < printers.length; p++) {
    printers[p].hidden = false;
    printers[p].addEventListener("click", function () { window.print(); });
  }
  var dependents = document.querySelectorAll("[data-show-if]");
  if (!dependents.length) return;
  function values(name) {
    var out = [];
    var inputs = document.getElementsByName(name);
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if ((el.type === "radio" || el.type === "checkbox") ? el.checked : el.value.trim() !== "") out.push(el.value.trim());
    }
    return out;
  }
  // A condition as the server writes it (src/web/respond/live.rs): true
  // and false are decided already; {all}, {any}, {not} combine; {q, …}
  // tests a field of this page, and a hidden or empty one passes no test.
  function holds(c) {
    if (c === true || c === false) return c;
    if (c.all) return c.all.every(holds);
    if (c.any) return c.any.some(holds);
    if ("not" in c) return !holds(c.not);
    var holder = document.getElementById("q-" + c.q);
    if (holder && holder.hidden) return false;
    var given = values(c.q);
    if (!given.length) return false;
    if (c.answered) return true;
    if (c.any_of) return given.some(function (v) { return c.any_of.indexOf(v) >= 0; });
    var n = Number(given[0]);
    if (isNaN(n)) return false;
    return (c.min === null || n >= c.min) && (c.max === null || n <= c.max);
  }
  var conditions = [];
  for (var d = 0; d < dependents.length; d++) {
    try { conditions.push(JSON.parse(dependents[d].getAttribute("data-show-if"))); }
    catch (e) { conditions.push(true); }
  }
  function update() {
    for (var i = 0; i < dependents.length; i++) {
      var el = dependents[i];
      el.hidden = !holds(conditions[i]);
      var hint = el.querySelector(".only-if");
      if (hint) hint.hidden = true;
    }
  }
  document.addEventListener("change", update);
  document.addEventListener("input", update);
  update();
})();
