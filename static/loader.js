// Starts the WebAssembly app. Kept as a file (not inline) so the page's
// Content-Security-Policy can forbid inline scripts.

// Work offline after the first visit (see sw.js). Failure is harmless.
// A page reading in Chinese has the worker keep the data's Chinese texts too
// (others never download them). Registered once the page has loaded (its
// preloads, what a first answer needs, are in): the worker's first fill of
// its cache would otherwise share a slow network with them.
function keepOffline() {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
  navigator.serviceWorker.ready
    .then((reg) => {
      if (document.documentElement.lang.startsWith('zh')) reg.active?.postMessage({ keep: './data/zh.json' });
    })
    .catch(() => {});
}
if ('serviceWorker' in navigator) {
  if (document.readyState === 'complete') keepOffline();
  else addEventListener('load', keepOffline, { once: true });
}

const WASM = new URL('./exposure-check_bg.wasm', import.meta.url);

// The app's code, compiled while the page is used.
function compile() {
  return WebAssembly.compileStreaming(fetch(WASM))
    // (A host that serves it without the wasm type: compile the bytes.)
    .catch(() => fetch(WASM).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)));
}

// The app takes over the static company box when it starts (src/lib.rs); not
// while an input method is composing text there (boot.js marks it), which
// would lose the text being composed: waits for it to be committed, at most
// 20 s (then a turn more, for the committed text to reach the box).
function notComposing() {
  const box = document.querySelector('#shell [data-composing]');
  if (!box) return Promise.resolve();
  return new Promise((ok) => {
    box.addEventListener('compositionend', () => setTimeout(ok), { once: true });
    setTimeout(ok, 20000);
  });
}

// Imported here, not on top, so that its failure to load lands in the catch
// below like the wasm's does.
Promise.all([import('./exposure-check.js'), compile()])
  .then(async ([{ default: init }, module]) => {
    await notComposing();
    await init({ module_or_path: module });
  })
  .catch((err) => {
    // The static company box (index.html) would take typing that goes nowhere.
    document.getElementById('shell')?.remove();
    const p = document.createElement('p');
    p.setAttribute('data-testid', 'error-message');
    p.setAttribute('role', 'alert');
    p.className = 'panic';
    p.textContent = 'The page could not start in this browser (' + String(err && err.message || err) + '). Nothing you typed was sent anywhere.';
    document.body.appendChild(p);
  });
