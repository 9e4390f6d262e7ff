/**
 * 品牌风采 under a crowd (issue 9): the production server of the benchmark build on a throw-away embedded Postgres with
 * 3 finished campaigns × 20 honored brands, and autocannon (50 connections) reading, in one run:
 *
 *   empty      GET /api/bench/empty-get   returns JSON, touches nothing (Next.js + HTTP alone)
 *   prerender  GET /forbidden             a page Next prerendered at build time, served from Next's own cache
 *   gallery    GET /gallery               the gallery (60 cards), from the server's page cache after the first request
 *   brand      GET /gallery/<id>          the 60 brand pages in turn, likewise
 *
 *   npm run bench:gallery          (BENCH_REUSE_BUILD=1 skips `next build` when .next-bench/ exists)
 *
 * Every endpoint gets 2,000 warm-up requests, then 10,000 timed ones; any answer but a 200 is an error. The database
 * is watched through pg_stat_database: the timed gallery and brand requests must run no transaction at all.
 * Target: gallery and brand pages ≥ 1,000 requests per second. Ends with
 *   gallery: <rps> rps, <ratio> of empty route
 * where <rps> is the slower of the gallery and brand pages.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon, { type Request } from 'autocannon';
import pg from 'pg';
import { canMeasureCpu, cpuMeter, parentOf } from './support/cpu';
import { runOnThrowawayDatabase } from './support/database';
import { buildBenchApp, startBenchServer } from './support/next-app';

const CONNECTIONS = 50;
const CAMPAIGNS = 3;
const BRANDS_PER_CAMPAIGN = 20;
const WARM_UP = 2_000;
const MEASURED = 10_000;

type TRun = { label: string; rps: number; p50: number; p99: number; errors: number; cpu: Record<string, number> };

buildBenchApp();

runOnThrowawayDatabase(async ({ url }) => {
  const { seedHonoredBrands } = await import('./support/gallery-data');
  const { disconnectDb } = await import('@/lib/db');
  const client = new pg.Client({ connectionString: url });
  await client.connect();

  const setupStart = Date.now();
  const brandIds = await seedHonoredBrands(CAMPAIGNS, BRANDS_PER_CAMPAIGN);
  console.log(`set-up: ${CAMPAIGNS} finished campaigns × ${BRANDS_PER_CAMPAIGN} honored brands in ${((Date.now() - setupStart) / 1000).toFixed(1)} s`);

  const server = await startBenchServer({ DATABASE_URL: url, NEXTAUTH_SECRET: 'bench-gallery-secret-0123456789abcdef' });
  const cpus = os.cpus();
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)} before the run`);
  console.log(`production server (benchmark build) at ${server.origin}, pid ${server.pid}; autocannon with ${CONNECTIONS} connections\n`);

  const { rows: backend } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const meter = canMeasureCpu ? cpuMeter({ server: server.pid ?? 0, postgres: { childrenOf: parentOf(backend[0].pid) }, autocannon: process.pid }) : null;
  /** Statements the database has run, our own monitoring queries excluded (each adds one commit). */
  const transactions = async () => {
    // An idle backend reports its counters only after up to 10 s.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const { rows } = await client.query<{ n: string }>('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
    return Number(rows[0].n);
  };

  const fire = async (label: string, paths: string[]): Promise<TRun> => {
    let next = 0;
    let answered = 0;
    let wrong = 0;
    let from = 0;
    let last = 0;
    const latencies: number[] = [];
    const instance = autocannon({
      url: server.origin,
      connections: CONNECTIONS,
      amount: WARM_UP + MEASURED,
      timeout: 10,
      headers: { 'accept-encoding': 'gzip', 'user-agent': 'Mozilla/5.0 (bench:gallery; autocannon)' },
      requests: [
        {
          setupRequest: (request: Request): Request => ({ ...request, path: paths[next++ % paths.length] }),
          onResponse: (status) => {
            if (status !== 200) wrong++;
          },
        },
      ],
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      answered++;
      last = performance.now();
      if (answered === WARM_UP) {
        from = last;
        meter?.start();
      } else if (answered > WARM_UP) latencies.push(responseTime);
    });
    const result = await instance;
    const cpu = meter?.stop() ?? {};
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? NaN;
    const run = { label, rps: latencies.length / ((last - from) / 1000), p50: at(0.5), p99: at(0.99), errors: result.errors + result.non2xx + wrong, cpu };
    const perRequest = Object.entries(cpu).map(([name, ms]) => `${name} ${(ms / latencies.length).toFixed(2)} ms`);
    console.log(`${label.padEnd(10)} ${run.rps.toFixed(0).padStart(5)} req/s   p50 ${run.p50.toFixed(0).padStart(3)} ms  p99 ${run.p99.toFixed(0).padStart(4)} ms   errors ${run.errors}${perRequest.length ? `   CPU per request: ${perRequest.join(', ')}` : ''}`);
    return run;
  };

  let pageQueries = NaN;
  try {
    const empty = await fire('empty', ['/api/bench/empty-get']);
    const prerender = await fire('prerender', ['/forbidden']);
    // The first request of each page renders it (and queries); the timed runs then read the caches only.
    for (const path of ['/gallery', ...brandIds.map((id) => `/gallery/${id}`)]) {
      const response = await fetch(`${server.origin}${path}`);
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
    }
    const before = await transactions();
    const gallery = await fire('gallery', ['/gallery']);
    const brand = await fire('brand', brandIds.map((id) => `/gallery/${id}`));
    pageQueries = (await transactions()) - before - 1;

    // The pages answered really are the gallery: fetched uncompressed once more (from the cache) and checked.
    const page = await fetch(`${server.origin}/gallery`, { headers: { 'accept-encoding': 'identity' } });
    const html = await page.text();
    const cards = html.split('/gallery/').length - 1;
    console.log(`\n/gallery: ${page.status}, ${(html.length / 1024).toFixed(0)} KB, ${page.headers.get('x-page-cache') ?? 'rendered'}, ${cards} brand links; database transactions during the gallery and brand runs: ${pageQueries}`);
    console.log(`Next's prerendered page: ${prerender.rps.toFixed(0)} req/s (${(prerender.rps / empty.rps).toFixed(2)} of empty route)`);

    const slower = Math.min(gallery.rps, brand.rps);
    const errors = gallery.errors + brand.errors;
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    console.log(`targets: ${mark(slower >= 1000)} ≥ 1000 rps (${slower.toFixed(0)})   ${mark(errors === 0)} 0 errors (${errors})   ${mark(pageQueries === 0)} no database work (${pageQueries})`);
    console.log(`gallery: ${slower.toFixed(0)} rps, ${(slower / empty.rps).toFixed(2)} of empty route`);
  } finally {
    await server.stop();
    await client.end();
    await disconnectDb();
  }
});
