// PayerAtlas site script: progressive enhancement only. Served from /static/app.js so the
// Content-Security-Policy can forbid inline script; every page works without it.
(function () {
  'use strict';

  // Locality picker: show the chosen location as soon as it is picked (the button still works).
  var at = document.getElementById('at');
  if (at && at.form) {
    at.addEventListener('change', function () { at.form.submit(); });
  }

  // Provenance on hover or focus: a figure links to its source row under Sources ("#s3"); its tooltip is built
  // from that entry on first use, so the page carries each source once (without scripts the link still leads there).
  function cite(e) {
    var a = e.target.closest ? e.target.closest('a[data-fact]') : null;
    if (!a || a.title) { return; }
    var row = document.getElementById(a.getAttribute('href').slice(1));
    var group = row && row.parentElement.closest('li');
    var file = group && group.querySelector('.file');
    var release = group && group.querySelector('.release');
    if (file && release) { a.title = file.textContent + ', release ' + release.textContent + ', ' + row.textContent; }
  }
  document.addEventListener('mouseover', cite);
  document.addEventListener('focusin', cite);

  // As-you-type suggestions from the API. Results are inserted with textContent only, never as HTML.
  var q = document.getElementById('q');
  var list = document.getElementById('suggestions');
  if (!q || !list) { return; }
  var timer = 0, seq = 0, active = -1;
  q.setAttribute('aria-expanded', 'false');

  function close() {
    list.replaceChildren();
    list.hidden = true;
    active = -1;
    q.setAttribute('aria-expanded', 'false');
  }

  function show(items) {
    list.replaceChildren();
    items.forEach(function (item, i) {
      var li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.id = 'suggestion-' + i;
      var a = document.createElement('a');
      a.href = item.url;
      if (item.code) {
        var b = document.createElement('b');
        b.textContent = item.code;
        a.appendChild(b);
        a.appendChild(document.createTextNode(' ' + item.label));
      } else {
        a.textContent = item.label + ' (payer)';
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    q.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    active = -1;
  }

  function move(by) {
    var options = list.querySelectorAll('li');
    if (!options.length) { return; }
    if (active >= 0) { options[active].removeAttribute('aria-selected'); }
    active = (active + by + options.length) % options.length;
    options[active].setAttribute('aria-selected', 'true');
    q.setAttribute('aria-activedescendant', options[active].id);
  }

  q.addEventListener('input', function () {
    clearTimeout(timer);
    var text = q.value.trim();
    if (text.length < 2) { close(); return; }
    timer = setTimeout(function () {
      var mine = ++seq;
      fetch('/api/v1/codes/suggest?q=' + encodeURIComponent(text), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (data) { if (mine === seq) { show(data.items || []); } })
        .catch(close);
    }, 120);
  });

  q.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { move(1); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { move(-1); e.preventDefault(); }
    else if (e.key === 'Escape') { close(); }
    else if (e.key === 'Enter' && active >= 0) {
      var link = list.querySelectorAll('li a')[active];
      if (link) { e.preventDefault(); window.location.assign(link.href); }
    }
  });

  document.addEventListener('click', function (e) {
    if (e.target !== q && !list.contains(e.target)) { close(); }
  });
})();
