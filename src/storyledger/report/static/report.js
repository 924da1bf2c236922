/* Sorting and filtering for the ledger tables; the page reads fine without it. */
(function () {
  "use strict";
  function cellKey(row, i) {
    var cell = row.children[i];
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    return v !== null ? v : cell.textContent.trim();
  }
  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y) && /^-?[\d.]+(e[-+]?\d+)?$/i.test(a) && /^-?[\d.]+(e[-+]?\d+)?$/i.test(b)) return x - y;
    if (a === "" && b !== "") return 1;
    if (b === "" && a !== "") return -1;
    return a.localeCompare(b);
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, i) {
      var btn = th.querySelector("button");
      if (!btn) return;
      btn.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var r = compare(cellKey(a, i), cellKey(b, i));
          return dir === "ascending" ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  var table = document.getElementById("ledger-table");
  var selects = document.querySelectorAll("select[data-filter]");
  var count = document.getElementById("ledger-count");
  var search = document.querySelector("input[data-search]");
  if (search) search.addEventListener("input", applyFilters);
  function applyFilters() {
    if (!table) return;
    var want = {};
    selects.forEach(function (s) { if (s.value) want[s.getAttribute("data-filter")] = s.value; });
    var rows = table.tBodies[0].rows, shown = 0;
    var words = search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
    for (var i = 0; i < rows.length; i++) {
      var ok = true;
      for (var k in want) { if (rows[i].getAttribute("data-" + k) !== want[k]) { ok = false; break; } }
      if (ok && words.length) {
        var text = rows[i].textContent.toLowerCase();
        ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      }
      rows[i].hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = shown + " of " + rows.length + " claims";
  }
  // filters can be preset from the address (?measure=killed&source=...)
  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (s) {
    var v = params.get(s.getAttribute("data-filter"));
    if (v !== null) s.value = v;
    s.addEventListener("change", applyFilters);
  });
  applyFilters();
  document.querySelectorAll("form.filters").forEach(function (f) {
    f.addEventListener("submit", function (e) { e.preventDefault(); });
  });
  // printing shows every article's text
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
