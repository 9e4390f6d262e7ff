#!/usr/bin/env node
// Runs the benchmarks named on the command line (file names in bench/ without .ts), or all of them, one after another.
//   npm run bench [-- similar-names …]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const all = readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
for (const name of chosen) {
  if (!all.includes(name)) {
    console.error(`没有这个基准测试：${name}（可选：${all.join('、')}）`);
    process.exit(2);
  }
  console.log(`━━ bench: ${name} ━━`);
  const result = spawnSync(path.join(dir, '..', 'node_modules', '.bin', 'tsx'), [path.join(dir, `${name}.ts`)], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
