// Runs before the page is drawn (a plain script in <head>, so the page's
// Content-Security-Policy can still forbid inline scripts). It lets the static
// company box in index.html (#shell) be used while the app's code downloads:
//  - picks the shell's language the way the app will (saved choice, else the
//    browser's), so a Chinese reader does not see English first;
//  - shows the shell only on the check view (#/), the one that has the box;
//  - keeps companies added with Enter, the Add button or a pasted list in the
//    box's data-pending attribute, one per line, and shows them as chips.
// The app reads the box's text, caret and data-pending when it starts and
// removes the shell (src/lib.rs, `platform::take_shell`).
(function () {
  var root = document.documentElement;
  var code = '';
  try { code = localStorage.getItem('exposure-check/lang') || ''; } catch (e) { /* storage off */ }
  if (!code) code = navigator.language || '';
  if (code.toLowerCase().indexOf('zh') === 0) root.lang = 'zh-Hans';

  var path = location.hash.replace(/^#\/?/, '').split('?')[0].replace(/\/+$/, '');
  if (path !== 'incidents' && path !== 'incident' && path.indexOf('incident/') !== 0) {
    root.setAttribute('data-shell', '');
  }

  function shellBox(target) {
    return target && target.id === 'company-input' && target.closest && target.closest('#shell') ? target : null;
  }

  function keep(box, text) {
    // As the app splits a pasted list (split_list in company_input.rs).
    var names = text.split(/[\n\r;\t]/)
      .map(function (s) { return s.trim().replace(/^[-*\u2022]+/, '').trim(); })
      .filter(Boolean);
    if (!names.length) return;
    var pending = box.getAttribute('data-pending');
    box.setAttribute('data-pending', (pending ? pending + '\n' : '') + names.join('\n'));
    var chips = document.getElementById('shell-chips');
    if (!chips) return;
    names.forEach(function (name) {
      var li = document.createElement('li');
      li.className = 'chip unknown';
      li.textContent = name;
      chips.appendChild(li);
    });
    chips.hidden = false;
  }

  document.addEventListener('keydown', function (e) {
    var box = shellBox(e.target);
    if (box && e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      keep(box, box.value);
      box.value = '';
    }
  });
  document.addEventListener('click', function (e) {
    if (e.target && e.target.closest && e.target.closest('#shell-add')) {
      var box = document.querySelector('#shell #company-input');
      if (box) { keep(box, box.value); box.value = ''; box.focus(); }
    }
  });
  document.addEventListener('paste', function (e) {
    var box = shellBox(e.target);
    var text = box && e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (box && /[\n\r]/.test(text)) {
      e.preventDefault();
      keep(box, text);
    }
  });
})();
