// A small static server for dist/: the MIME types the page needs, the
// security headers a host should send (see README, "Hosting"), and a
// validator (ETag) on every file, so that a revalidation is a 304, not the
// file again: the service worker's precache on a first visit asks for the
// files the page has just downloaded. Bodies are sent gzipped to a browser
// that accepts it, as a static host sends them (README, "Hosting"). Used by
// `./x serve`, the end-to-end tests and the bench. Listens on 127.0.0.1 only.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' data:; " +
    "style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** True when an If-None-Match header names `etag` (weakly: `W/` ignored), or is `*`. */
export function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * Serves `dir` on 127.0.0.1:`port` (0 picks a free port). Resolves to the
 * server. `onResponse(path, status, body)` is told of every file answered
 * (the body is empty for a 304 or a HEAD).
 */
export function startServer(dir, port = 0, { onResponse = () => {} } = {}) {
  const root = resolve(dir);
  // Each file's ETag (a hash of its bytes), with the size and time of
  // change it was taken at.
  const tags = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const info = await stat(file);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
      // The file is read when it is sent, or when its tag is not known for
      // this size and time of change; a 304 reads nothing.
      let body;
      let tag = tags.get(file);
      if (!tag || tag.size !== info.size || tag.mtimeMs !== info.mtimeMs) {
        body = await readFile(file);
        tag = { size: info.size, mtimeMs: info.mtimeMs, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
        tags.set(file, tag);
      }
      const { etag } = tag;
      const headers = {
        'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        // Kept, and checked with the ETag before each use.
        'Cache-Control': 'no-cache',
        ETag: etag,
        ...SECURITY_HEADERS,
      };
      if (matches(req.headers['if-none-match'], etag)) {
        res.writeHead(304, headers);
        res.end();
        onResponse(path, 304, Buffer.alloc(0));
        return;
      }
      body ??= await readFile(file);
      // Compressed once per version of the file (images excepted).
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '') && !/^image\/(png|x-icon)/.test(headers['Content-Type']);
      headers.Vary = 'Accept-Encoding';
      let sent = body;
      if (gzip) {
        tag.gz ??= gzipSync(body, { level: 9 });
        sent = tag.gz;
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = sent.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
      onResponse(path, 200, req.method === 'HEAD' ? Buffer.alloc(0) : body);
    } catch (err) {
      res.writeHead(err && err.code === 'ENOENT' ? 404 : 500, { 'Content-Type': 'text/plain', ...SECURITY_HEADERS });
      res.end(err && err.code === 'ENOENT' ? 'not found' : 'error');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const server = await startServer(dir, port);
  console.log(`Exposure Check is served at http://127.0.0.1:${server.address().port}/`);
}
