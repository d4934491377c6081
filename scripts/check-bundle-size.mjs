#!/usr/bin/env node
// The web app's initial JavaScript (what index.html loads before any lazy route) must stay within
// its budget (DESIGN.md §6): 300 KiB gzipped. Sizes are deterministic, so this is a check, not a benchmark.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KIB = 300;
const dist = 'apps/web/dist';
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
const kib =
  files.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length, 0) / 1024;
console.log(`initial JS: ${files.length} files, ${kib.toFixed(1)} KiB gzipped (budget ${BUDGET_KIB} KiB)`);
if (files.length === 0 || kib > BUDGET_KIB) {
  console.error(files.length === 0 ? 'no scripts found in index.html' : 'over budget');
  process.exit(1);
}
