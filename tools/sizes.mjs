// Prints the raw and gzipped size of each file of a built site, and the total.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] || 'dist';
let raw = 0;
let gz = 0;
const rows = [];
// Files of the site, subfolders (data/) included, as paths relative to dir.
const files = (sub) =>
  readdirSync(join(dir, sub)).sort().flatMap((name) => {
    const rel = sub ? `${sub}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? files(rel) : [rel];
  });
for (const name of files('')) {
  const path = join(dir, name);
  const body = readFileSync(path);
  const g = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += g;
  rows.push(`  ${name.padEnd(32)} ${String(body.length).padStart(9)} B  ${String(g).padStart(8)} B gzipped`);
}
console.log(rows.join('\n'));
console.log(`  ${'total'.padEnd(32)} ${String(raw).padStart(9)} B  ${String(gz).padStart(8)} B gzipped`);
