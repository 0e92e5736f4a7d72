// Starts the WebAssembly app. Kept as a file (not inline) so the page's
// Content-Security-Policy can forbid inline scripts.

// Work offline after the first visit (see sw.js). Failure is harmless.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}

// Imported here, not on top, so that its failure to load lands in the catch
// below like the wasm's does.
import('./exposure-check.js').then(({ default: init }) => init({
  module_or_path: new URL('./exposure-check_bg.wasm', import.meta.url),
})).catch((err) => {
  // The static company box (index.html) would take typing that goes nowhere.
  document.getElementById('shell')?.remove();
  const p = document.createElement('p');
  p.setAttribute('data-testid', 'error-message');
  p.setAttribute('role', 'alert');
  p.className = 'panic';
  p.textContent = 'The page could not start in this browser (' + String(err && err.message || err) + '). Nothing you typed was sent anywhere.';
  document.body.appendChild(p);
});
