// Stamps dist/sw.js with a hash of the built files, so each deployment
// gets a new service worker and a new cache.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] || 'dist';
const hash = createHash('sha256');
for (const f of ['index.html', 'loader.js', 'exposure-check.js', 'exposure-check_bg.wasm', 'style.css']) {
  hash.update(readFileSync(join(dir, f)));
}
const build = hash.digest('hex').slice(0, 16);
const sw = join(dir, 'sw.js');
writeFileSync(sw, readFileSync(sw, 'utf8').replace('__BUILD__', build));
console.log(`  service worker build ${build}`);
