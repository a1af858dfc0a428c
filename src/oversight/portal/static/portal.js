// Oversight portal enhancements. Every page is complete without this file; it only adds
// (1) sorting of tables in the browser, (2) a quick text filter over table rows and
// (3) filter forms that update the page without a full reload. No network beyond this site.
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) return "";
    var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    return value.trim();
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    var numeric = !isNaN(x) && !isNaN(y) && String(x) === a.replace(/\.0+$/, "") && String(y) === b.replace(/\.0+$/, "");
    if (numeric) return x - y;
    if (a === "" && b !== "") return 1;
    if (b === "" && a !== "") return -1;
    return a.localeCompare(b);
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th[data-sortable]");
    headers.forEach(function (th) {
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows).filter(function (r) { return r.cells.length > 1; });
        rows.sort(function (r1, r2) {
          var result = compare(cellValue(r1, index), cellValue(r2, index));
          return ascending ? result : -result;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function liveFilter(input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    if (!table) return;
    input.hidden = false;
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) === -1;
      });
    });
  }

  function liveForm(form) {
    var ids = form.getAttribute("data-live").split(/\s+/);
    function update() {
      var params = new URLSearchParams(new FormData(form));
      Array.from(params.keys()).forEach(function (key) {
        if (params.get(key) === "") params.delete(key);
      });
      var query = params.toString();
      var url = form.getAttribute("action") + (query ? "?" + query : "");
      fetch(url, { headers: { "Accept": "text/html" } }).then(function (response) {
        if (!response.ok) { window.location.href = url; return null; }  // show the error page
        return response.text();
      }).then(function (html) {
        if (html === null) return;
        var page = new DOMParser().parseFromString(html, "text/html");
        ids.forEach(function (id) {
          var fresh = page.getElementById(id), old = document.getElementById(id);
          if (fresh && old) old.replaceWith(document.importNode(fresh, true));
        });
        document.querySelectorAll("table.sortable").forEach(function (t) {
          if (!t.querySelector("button.sort")) makeSortable(t);
        });
        window.history.replaceState(null, "", url);
      });
    }
    form.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", update);
    });
  }

  document.querySelectorAll("table.sortable").forEach(makeSortable);
  document.querySelectorAll("input.live-filter[data-table]").forEach(liveFilter);
  document.querySelectorAll("form[data-live]").forEach(liveForm);
}());
