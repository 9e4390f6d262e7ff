// npm run build: `next build`, then the standalone server's static files (scripts/lib/next-server.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { copyStandaloneAssets } from './lib/next-server.mjs';
import { ROOT } from './lib/pg.mjs';

// --assets-only: only the copy, for a build made another way (the benchmark build, NEXT_DIST_DIR=.next-bench).
if (process.argv.includes('--assets-only')) {
  copyStandaloneAssets();
  process.exit(0);
}
const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { cwd: ROOT, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
copyStandaloneAssets();
console.log('已构建：npm start 运行 .next/standalone/server.js');
