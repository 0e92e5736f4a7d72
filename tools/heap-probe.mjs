// Wasm memory of the page before and after a catalogue import (a probe, not
// a test; the bench's figure is the same memory after the same import).
//   node tools/synth-catalog.mjs 100000 /tmp/cat100k.json
//   node tools/heap-probe.mjs [dist] [/tmp/cat100k.json]   (after ./x build)
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
const dist = process.argv[2] || 'dist';
const file = process.argv[3] || '/tmp/cat100k.json';
const server = await startServer(dist, 0, {});
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
async function wasmBytes() {
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }', returnByValue: true });
  return result.value.map((b) => (b / 1e6).toFixed(1) + ' MB');
}
await page.goto(base);
await page.waitForSelector('[data-testid=company-input][aria-busy=false]');
console.log('box usable:', await wasmBytes());
await page.waitForTimeout(4000);
console.log('after 4 s (notices in):', await wasmBytes());
await page.evaluate(() => { window.__gone = false; const mo = new MutationObserver(() => { if (window.__shown && !document.querySelector('[data-testid=import-busy]')) window.__gone = true; if (document.querySelector('[data-testid=import-busy]')) window.__shown = true; }); mo.observe(document.body, { childList: true, subtree: true }); });
await page.getByTestId('import-file').setInputFiles(file);
await page.waitForFunction(() => window.__gone, null, { timeout: 300000, polling: 250 });
console.log('after import:', await wasmBytes(), await page.evaluate(() => performance.getEntriesByName('exposure:import').pop()?.detail));
await browser.close();
server.close();
