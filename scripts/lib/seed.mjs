import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './pg.mjs';

/** Runs prisma/seed.ts (TypeScript, through tsx) against DATABASE_URL. */
export function runSeed() {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'prisma', 'seed.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env,
  });
  if (result.status !== 0) throw new Error('演示数据写入失败');
}
