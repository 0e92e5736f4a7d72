// Exposure Check's service worker: keeps the page and its data so it works
// offline after one visit. The build stamps BUILD with a hash of the files
// (tools/stamp.mjs), so every new deployment installs a new worker, which
// fills a new cache and deletes the old ones.
const BUILD = '__BUILD__';
const CACHE = `exposure-check-${BUILD}`;
// The page itself is kept once, under './' (index.html): opened at './', as
// it usually is, the precache then revalidates what the page has just
// downloaded instead of downloading it again under a second address. Every
// navigation is answered with it (below).
const FILES = [
  './', './boot.js', './loader.js', './exposure-check.js', './exposure-check_bg.wasm', './style.css', './favicon.svg',
  './letter-worker_loader.js', './letter-worker.js', './letter-worker_bg.wasm',
  './data/taxonomy.json', './data/organizations.json', './data/incidents.json',
  './data/details.json', './data/organizations-more.json', './data/notices.json',
];
// Kept only for readers who need them: the Chinese texts of the data, which
// a page reading in Chinese asks for (loader.js) and otherwise are kept when
// first fetched through the worker (below).
const ON_REQUEST = ['./data/zh.json'];

self.addEventListener('message', (event) => {
  const file = event.data && event.data.keep;
  if (!ON_REQUEST.includes(file)) return;
  event.waitUntil(
    caches.open(CACHE)
      .then((c) => c.match(file).then((hit) => hit || c.add(file)))
      .catch(() => {}),
  );
});

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then(async (c) => {
        await c.addAll(FILES);
        // What an earlier build kept on request (a Chinese reader's texts),
        // this one keeps too, fetched anew: the old cache is deleted below.
        for (const f of ON_REQUEST) {
          if (await caches.match(f)) await c.add(f).catch(() => {});
        }
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('exposure-check-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  // Only this site's own files; nothing else is ever fetched by the page.
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const key = req.mode === 'navigate' ? './' : req;
      const hit = await cache.match(key, { ignoreSearch: req.mode === 'navigate' });
      // A page the host reached through a redirect may not answer a
      // navigation as it is: the same page, as a response of its own.
      if (hit && hit.redirected && req.mode === 'navigate') {
        return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers: hit.headers });
      }
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok) cache.put(req, res.clone());
      return res;
    }),
  );
});
