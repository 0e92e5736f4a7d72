// Prints the raw and gzipped size of each file of a built site, and the total.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] || 'dist';
let raw = 0;
let gz = 0;
const rows = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile()) continue;
  const body = readFileSync(path);
  const g = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += g;
  rows.push(`  ${name.padEnd(32)} ${String(body.length).padStart(9)} B  ${String(g).padStart(8)} B gzipped`);
}
console.log(rows.join('\n'));
console.log(`  ${'total'.padEnd(32)} ${String(raw).padStart(9)} B  ${String(gz).padStart(8)} B gzipped`);
