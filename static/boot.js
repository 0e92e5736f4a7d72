// Runs before the page is drawn (a plain script in <head>, so the page's
// Content-Security-Policy can still forbid inline scripts). It lets the static
// company box in index.html (#shell) be used while the app's code downloads:
//  - picks the shell's language the way the app will (saved choice, else the
//    browser's), so a Chinese reader does not see English first, and lets
//    the reader change it there (saved as the app saves it);
//  - shows the shell only on the check view (#/), the one that has the box;
//  - keeps companies added as the app's box adds them (Enter or the Add
//    button: the text as one name; a pasted list: one name per line) in the
//    box's data-pending attribute, one per line, and shows them as chips.
// It shows the shell only where the app can start (modules, WebAssembly).
// The app reads the box's text, caret and data-pending when it starts and
// removes the shell (src/lib.rs, `platform::take_shell`); while an input
// method composes in the box (data-composing), loader.js waits for it.
(function () {
  var root = document.documentElement;
  var code = '';
  // The key of storage::LANG_KEY (a test checks they agree).
  var LANG_KEY = 'exposure-check/lang';
  try { code = localStorage.getItem(LANG_KEY) || ''; } catch (e) { /* storage off */ }
  if (!code) code = navigator.language || '';
  // As Lang::from_code: zh, zh-CN, zh-Hans… are Chinese, anything else English.
  function langOf(c) { return c.toLowerCase().indexOf('zh') === 0 ? 'zh-Hans' : 'en'; }
  if (langOf(code) === 'zh-Hans') {
    root.lang = 'zh-Hans';
    preloadTexts();
  }
  // The Chinese texts of the data (src/data.rs, TEXTS_FILE): only Chinese
  // readers download them, these as early as the other data files.
  function preloadTexts() {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.type = 'application/json';
    link.crossOrigin = 'anonymous';
    link.href = '/data/zh.json';
    document.head.appendChild(link);
  }

  // The shell's language chooser does what the app's does: switches the
  // texts and keeps the choice (Lang::code), which the app reads when it starts.
  document.addEventListener('DOMContentLoaded', function () {
    var select = document.getElementById('shell-lang');
    if (select) select.value = langOf(root.lang);
  });
  document.addEventListener('change', function (e) {
    if (!e.target || e.target.id !== 'shell-lang') return;
    root.lang = langOf(e.target.value);
    try { localStorage.setItem(LANG_KEY, root.lang); } catch (err) { /* storage off */ }
  });

  var canStart = typeof WebAssembly === 'object' && 'noModule' in document.createElement('script');
  // The check view, as Route::parse (src/route.rs) tells it from the others.
  function showShell() {
    var path = location.hash.replace(/^#*/, '').replace(/^\/*/, '').split('?')[0].replace(/\/+$/, '');
    var check = path !== 'incidents' && path !== 'incident' && path.indexOf('incident/') !== 0;
    if (canStart && check) root.setAttribute('data-shell', '');
    else root.removeAttribute('data-shell');
  }
  showShell();
  window.addEventListener('hashchange', showShell);

  function shellBox(target) {
    return target && target.id === 'company-input' && target.closest && target.closest('#shell') ? target : null;
  }

  function keep(box, names) {
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

  // The box's text as one name (the app's Enter and Add do the same).
  function keepText(box) {
    var name = box.value.trim();
    box.value = '';
    if (name) keep(box, [name]);
  }

  // A pasted list as split_list (src/components/company_input.rs) splits it.
  function splitList(text) {
    return text.split(/[\n\r;\t]/)
      .map(function (s) { return Array.from(s.trim().replace(/^[-*\u2022]+/, '').trim()).slice(0, 200).join(''); })
      .filter(Boolean);
  }

  // Composing text (an input method's, e.g. pinyin): the app must not take
  // the box over before it is committed (loader.js waits).
  document.addEventListener('compositionstart', function (e) {
    var box = shellBox(e.target);
    if (box) box.setAttribute('data-composing', '');
  });
  document.addEventListener('compositionend', function (e) {
    var box = shellBox(e.target);
    if (box) box.removeAttribute('data-composing');
  });

  document.addEventListener('keydown', function (e) {
    var box = shellBox(e.target);
    // (Not while an input method composes: its Enter picks characters.)
    if (box && e.key === 'Enter' && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      keepText(box);
    }
  });
  document.addEventListener('click', function (e) {
    if (e.target && e.target.closest && e.target.closest('#shell-add')) {
      var box = document.querySelector('#shell #company-input');
      if (box) { keepText(box); box.focus(); }
    }
  });
  document.addEventListener('paste', function (e) {
    var box = shellBox(e.target);
    var text = box && e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    var names = splitList(text);
    // When the app's box takes a paste as a list.
    if (box && (names.length > 1 || text.indexOf('\n') >= 0)) {
      e.preventDefault();
      keep(box, names);
      box.value = '';
    }
  });
})();
