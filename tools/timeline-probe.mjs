// Where a cold first answer's time goes on the bench's slow phone (a probe,
// not a test): each file's start and end, the app's measures, the answer.
//   node tools/timeline-probe.mjs   (after ./x build)
import { chromium } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SLOW = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const server = await startServer(join(ROOT, 'dist'), 0, {});
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic'] });
for (let run = 0; run < 2; run++) {
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Network.emulateNetworkConditions', SLOW);
await page.addInitScript(() => {
  const mo = new MutationObserver(() => {
    const el = document.querySelector('[data-testid=company-input]');
    if (el && el.getAttribute('aria-busy') === 'false' && window.__ready === undefined) window.__ready = performance.now();
    if (el && !el.disabled && window.__seen === undefined) window.__seen = performance.now();
    if (window.__answer === undefined && document.querySelector('[data-testid=incident-card]')) { window.__answer = performance.now(); }
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true });
});
await page.goto(base);
await page.waitForFunction(() => window.__seen !== undefined, null, { timeout: 120000 });
const input = page.locator('[data-testid=company-input]:visible').first();
await input.fill('AT&T');
const entered = await page.evaluate(() => performance.now());
await input.press('Enter');
await page.waitForFunction(() => window.__answer !== undefined, null, { timeout: 120000 });
const t = await page.evaluate(() => ({ seen: window.__seen, ready: window.__ready, answer: window.__answer,
  res: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd), r.encodedBodySize]),
  marks: performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.startTime), Math.round(m.duration)]) }));
console.log('entered', Math.round(entered), 'seen', Math.round(t.seen), 'ready', Math.round(t.ready), 'answer', Math.round(t.answer), 'fromEnter', Math.round(t.answer - entered));
for (const r of t.res) console.log('  ', r.join('\t'));
for (const m of t.marks) console.log('  measure', m.join('\t'));
await context.close();
}
await browser.close(); server.close();
