// The benchmark build of the app (bench-only routes included, see next.config.js) and its production topology.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startCluster, type TCluster } from '../../scripts/lib/cluster.mjs';
import { ROOT } from '../../scripts/lib/pg.mjs';

/** Its own output folder, so a normal build in .next is neither used nor overwritten. */
export const BENCH_DIST_DIR = '.next-bench';

/**
 * `next build` with DJ_BENCH_BUILD=1 into .next-bench. Next adds .next-bench/types to tsconfig.json and points
 * next-env.d.ts at it; both files are put back as they were. BENCH_REUSE_BUILD=1 reuses an existing build.
 */
export function buildBenchApp(): void {
  if (process.env.BENCH_REUSE_BUILD === '1' && existsSync(path.join(ROOT, BENCH_DIST_DIR, 'BUILD_ID'))) {
    console.log(`reusing the benchmark build in ${BENCH_DIST_DIR}/ (BENCH_REUSE_BUILD=1)`);
    return;
  }
  const kept = ['tsconfig.json', 'next-env.d.ts'].map((name) => {
    const file = path.join(ROOT, name);
    return { file, text: existsSync(file) ? readFileSync(file, 'utf8') : null };
  });
  const started = Date.now();
  try {
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'next'), ['build'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production', DJ_BENCH_BUILD: '1', NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) {
      process.stdout.write(result.stdout ?? '');
      process.stderr.write(result.stderr ?? '');
      throw new Error(`next build (benchmark build) failed with status ${result.status}`);
    }
    const assets = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--assets-only'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR } });
    if (assets.status !== 0) throw new Error('copying the standalone assets of the benchmark build failed');
    if (!/\/api\/bench\/floor/.test(result.stdout)) throw new Error('the benchmark build has no /api/bench routes (pageExtensions in next.config.js?)');
  } finally {
    for (const { file, text } of kept) {
      if (text !== null && (!existsSync(file) || readFileSync(file, 'utf8') !== text)) writeFileSync(file, text);
    }
  }
  console.log(`benchmark build (next build, DJ_BENCH_BUILD=1) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * The production topology on the benchmark build (scripts/lib/cluster.mjs): nginx in front of `instances` standalone
 * servers, Redis (the shared cache) and an S3 server, on `DATABASE_URL`. No job workers unless asked: they take no
 * traffic, and their polling would only add noise. The S3 settings are copied into this process's environment, so files
 * the benchmark's set-up stores (logos, photos) land in the bucket the instances read; call it before any lib code
 * reads its environment (lib/env.ts parses it once).
 */
export async function startBenchCluster(env: { DATABASE_URL: string; NEXTAUTH_SECRET: string }, options: { instances?: number; workers?: number } = {}): Promise<TCluster> {
  process.env.NEXT_DIST_DIR = BENCH_DIST_DIR;
  const cluster = await startCluster({
    databaseUrl: env.DATABASE_URL,
    instances: options.instances ?? 2,
    workers: options.workers ?? 0,
    env: { NEXTAUTH_SECRET: env.NEXTAUTH_SECRET, DJ_BENCH_BUILD: '1' },
    log: console.log,
  });
  for (const [name, value] of Object.entries(cluster.env)) if (name === 'STORAGE_DRIVER' || name.startsWith('S3_')) process.env[name] = value;
  return cluster;
}
