// Stamps dist/sw.js with a hash of the built files, so each deployment
// gets a new service worker and a new cache.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files whose change makes a new build: the page, its code, its data. */
export const STAMPED_FILES = [
  'index.html', 'boot.js', 'loader.js', 'exposure-check.js', 'exposure-check_bg.wasm', 'style.css',
  'letter-worker_loader.js', 'letter-worker.js', 'letter-worker_bg.wasm',
  'data/taxonomy.json', 'data/organizations.json', 'data/incidents.json', 'data/details.json', 'data/organizations-more.json',
  'data/notices.json', 'data/zh.json',
];

/** The build's stamp: the first 16 hex digits of a hash of STAMPED_FILES. */
export function buildHash(dir) {
  const hash = createHash('sha256');
  for (const f of STAMPED_FILES) hash.update(readFileSync(join(dir, f)));
  return hash.digest('hex').slice(0, 16);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'dist';
  const build = buildHash(dir);
  const sw = join(dir, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace('__BUILD__', build));
  console.log(`  service worker build ${build}`);
}
