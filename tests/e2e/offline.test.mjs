// Offline: after one visit the service worker serves the page and its data
// with the network off; each build stamps a new worker so a new deployment
// replaces the old cache.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { after, before, test } from 'node:test';
import { buildHash, STAMPED_FILES } from '../../tools/stamp.mjs';
import { ROOT, addCompany, chineseCardShown, offOrigin, readResults, setup } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });

// Polls `fn` in the page until it answers true (waitForFunction would take
// the promise an async function returns for a true answer).
async function until(page, fn, arg, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

// Until the worker controls the page and its cache holds `file`.
function workerKeeps(page, file) {
  return until(page, async (f) => {
    await navigator.serviceWorker.ready;
    return Boolean(navigator.serviceWorker.controller) && Boolean(await caches.match(f));
  }, file);
}

// With the network off, the page opens again and shows a check in Chinese,
// with no error.
async function chineseOffline(context, page) {
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid=company-input]', { timeout: 20000 });
  await addCompany(page, 'Bank of America');
  await chineseCardShown(page);
  assert.equal(await page.getByTestId('error-message').count(), 0);
}
after(async () => { await env?.close(); });

test('after one visit the page works with the network off', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), body: '' }));
  try {
    await page.goto(env.base);
    await page.waitForSelector('[data-testid=company-input]');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
    });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-testid=company-input]', { timeout: 20000 });
    await addCompany(page, 'Bank of America');
    await page.waitForSelector('[data-testid=incident-card][data-incident-id=infosys-mccamish-2023]');
    const r = await readResults(page);
    assert.ok(r.actions.includes('credit_freeze'));
    assert.deepEqual(offOrigin(env, requests), []);
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});

test('a Chinese reader keeps the Chinese texts of the data offline too', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => localStorage.setItem('exposure-check/lang', 'zh-Hans'));
  const page = await context.newPage();
  try {
    await page.goto(env.base);
    await page.waitForSelector('[data-testid=company-input]');
    // The worker keeps zh.json when the page asks (loader.js) or when it
    // passes through it; wait for it to be in the worker's cache.
    await workerKeeps(page, '/data/zh.json');
    await chineseOffline(context, page);
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});

// A server in front of the site's: it holds the worker's script until
// `held` settles (Playwright's routes do not see the worker's script), and
// notes each answer as [path, status] in `seen`. It passes requests on as
// GETs with their If-None-Match only: enough for the page and its worker.
async function frontServer(target, { held = Promise.resolve(), seen = [] } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url, target).pathname;
      if (path === '/sw.js') await held;
      const headers = {};
      if (req.headers['if-none-match']) headers['if-none-match'] = req.headers['if-none-match'];
      const r = await fetch(new URL(req.url, target), { headers });
      seen.push([path, r.status]);
      // fetch() has decoded a gzipped body: it goes on as it is now.
      const out = Object.fromEntries([...r.headers].filter(([k]) => !['transfer-encoding', 'connection', 'keep-alive', 'content-encoding', 'content-length'].includes(k)));
      res.writeHead(r.status, out);
      res.end(Buffer.from(await r.arrayBuffer()));
    } catch {
      res.writeHead(502);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}

test("a first visit downloads each file once: the worker's precache revalidates what the page has", async () => {
  const seen = [];
  const server = await frontServer(env.base, { seen });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(base);
    await page.waitForSelector('[data-testid=company-input]:not([disabled])');
    await workerKeeps(page, '/data/incidents.json');
    const full = (path) => seen.filter(([p, s]) => p === path && s === 200).length;
    for (const path of new Set(seen.map(([p]) => p))) {
      assert.ok(full(path) <= 1, `${path} downloaded once (${JSON.stringify(seen.filter(([p]) => p === path))})`);
    }
    for (const path of ['/', '/exposure-check_bg.wasm', '/data/incidents.json', '/data/organizations.json', '/data/taxonomy.json']) {
      assert.equal(full(path), 1, `${path} downloaded (${JSON.stringify(seen)})`);
    }
    assert.ok(seen.some(([p, s]) => p === '/data/incidents.json' && s === 304), 'the precache revalidated it');
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
  }
});

test('a reader who switches to Chinese before the worker runs still has the Chinese texts offline', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const server = await frontServer(env.base, { held });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(base);
    await page.waitForSelector('[data-testid=company-input]:not([disabled])');
    await page.getByTestId('lang-switch').selectOption('zh-Hans');
    await until(page, () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/data/zh.json')));
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller === null), 'no worker yet when the texts came');
    release();
    await workerKeeps(page, '/data/zh.json');
    await chineseOffline(context, page);
  } finally {
    release();
    await context.setOffline(false);
    await context.close();
    await new Promise((ok) => server.close(ok));
  }
});

test("a new deployment keeps a Chinese reader's texts for offline use", async () => {
  // A copy of the site, so that this test can deploy a "new build" of it.
  const dir = mkdtempSync(join(tmpdir(), 'exposure-deploy-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const server = await startServer(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const context = await env.browser.newContext();
  await context.addInitScript(() => localStorage.setItem('exposure-check/lang', 'zh-Hans'));
  const page = await context.newPage();
  try {
    await page.goto(base);
    await workerKeeps(page, '/data/zh.json');
    // The next deployment: a worker with a new stamp, hence a new cache.
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const BUILD = '[^']*'/, "const BUILD = 'next-deployment'"));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await until(page, async () => {
      const keys = await caches.keys();
      if (keys.length !== 1 || keys[0] !== 'exposure-check-next-deployment') return false;
      return Boolean(await (await caches.open(keys[0])).match('/data/zh.json'));
    });
    await chineseOffline(context, page);
  } finally {
    await context.setOffline(false);
    await context.close();
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the service worker is stamped with this build', async () => {
  const sw = readFileSync(join(ROOT, 'dist', 'sw.js'), 'utf8');
  assert.ok(!sw.includes('__BUILD__'), 'the build stamp was applied');
  assert.ok(sw.includes(`const BUILD = '${buildHash(join(ROOT, 'dist'))}'`), 'a new build gets a new cache name');
  // Every stamped file is also one the worker keeps for offline use.
  // (index.html is kept under './', the address the page is opened at.)
  // (zh.json is kept on request: ON_REQUEST.)
  const list = (name) => [...sw.match(new RegExp(`const ${name} = \\[([^\\]]*)\\]`))[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const files = list('FILES');
  const onRequest = list('ON_REQUEST');
  for (const f of STAMPED_FILES) {
    const kept = f === 'index.html' ? './' : `./${f}`;
    assert.ok((f === 'data/zh.json' ? onRequest : files).includes(kept), `sw.js caches ${f}`);
  }
  assert.ok(!files.includes('./index.html'), 'the page is kept once');
  // The data files are listed in four places: the page's loader
  // (src/data.rs), its preloads, the worker's cache and the stamp. The
  // Chinese texts are downloaded only for Chinese readers: boot.js preloads
  // them for those, and the worker keeps them when asked.
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const boot = readFileSync(join(ROOT, 'dist', 'boot.js'), 'utf8');
  const loader = readFileSync(join(ROOT, 'src', 'data.rs'), 'utf8');
  const data = STAMPED_FILES.filter((f) => f.startsWith('data/'));
  assert.equal(data.length, 7);
  for (const f of data) {
    assert.ok(loader.includes(`"/${f}"`), `src/data.rs downloads ${f}`);
    if (['data/details.json', 'data/organizations-more.json', 'data/notices.json'].includes(f)) {
      // After the first answer: not preloaded, so they do not share the
      // network with what it needs.
      assert.ok(!html.includes(`href="/${f}"`), `index.html does not preload ${f}`);
    } else if (f === 'data/zh.json') {
      assert.ok(!html.includes(`href="/${f}"`), 'index.html does not preload the Chinese texts');
      assert.ok(boot.includes(`'/${f}'`), 'boot.js preloads the Chinese texts for Chinese readers');
      assert.ok(loader.includes(`TEXTS_FILE: &str = "/${f}"`), 'src/data.rs downloads them on demand');
    } else {
      assert.ok(html.includes(`<link rel="preload" href="/${f}"`), `index.html preloads ${f}`);
    }
  }
});
