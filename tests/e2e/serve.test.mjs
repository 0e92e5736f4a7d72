// tools/serve.mjs: every file carries an ETag, and a request that names it
// is answered 304 without the body.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { matches, startServer } from '../../tools/serve.mjs';

let dir;
let server;
let base;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'exposure-serve-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><p>hello</p>');
  writeFileSync(join(dir, 'a.json'), '{"a":1}');
  server = await startServer(dir, 0);
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  if (server) await new Promise((ok) => server.close(ok));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('If-None-Match is matched as RFC 9110 says (weak comparison, lists, *)', () => {
  const table = [
    [undefined, '"x"', false],
    ['', '"x"', false],
    ['"x"', '"x"', true],
    ['W/"x"', '"x"', true],
    ['"y", "x"', '"x"', true],
    ['"y",W/"x"', '"x"', true],
    ['"y"', '"x"', false],
    ['x', '"x"', false],
    ['*', '"x"', true],
  ];
  for (const [header, etag, want] of table) assert.equal(matches(header, etag), want, `${header} vs ${etag}`);
});

test('a file is sent with an ETag; asked again with it, the answer is 304 with no body', async () => {
  const first = await fetch(`${base}a.json`);
  assert.equal(first.status, 200);
  assert.equal(await first.text(), '{"a":1}');
  const etag = first.headers.get('etag');
  assert.match(etag, /^"[A-Za-z0-9_-]{22}"$/);
  assert.equal(first.headers.get('cache-control'), 'no-cache');
  const again = await fetch(`${base}a.json`, { headers: { 'If-None-Match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal(again.headers.get('etag'), etag);
  assert.equal(again.headers.get('x-content-type-options'), 'nosniff', 'security headers on a 304 too');
  // Another file's tag, or the file changed: the body again.
  const other = (await fetch(base)).headers.get('etag');
  assert.notEqual(other, etag);
  assert.equal((await fetch(`${base}a.json`, { headers: { 'If-None-Match': other } })).status, 200);
  writeFileSync(join(dir, 'a.json'), '{"a":2}');
  const changed = await fetch(`${base}a.json`, { headers: { 'If-None-Match': etag } });
  assert.equal(changed.status, 200);
  assert.equal(await changed.text(), '{"a":2}');
  assert.notEqual(changed.headers.get('etag'), etag);
});
