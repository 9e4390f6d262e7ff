/**
 * 品牌风采 under a crowd (issues 9 and 22), on the production topology (bench/support/next-app.ts startBenchCluster):
 * nginx (deploy/nginx.conf.template) in front of two standalone instances of the benchmark build, Redis (Next's shared
 * cache) and an S3 server, on a throw-away embedded Postgres with 3 finished campaigns × 20 honored brands.
 * autocannon (50 connections) reads, in one run:
 *
 *   empty      GET /api/bench/empty-get   returns JSON, touches nothing (Next.js + HTTP alone)      one instance, directly
 *   gallery    GET /gallery               the gallery (60 cards)                                   one instance, then nginx
 *   brand      GET /gallery/<id>          the 60 brand pages in turn                               one instance, then nginx
 *
 *   npm run bench:gallery          (BENCH_REUSE_BUILD=1 skips `next build` when .next-bench/ exists)
 *
 * "One instance" is instance A asked directly, as one stock Next server without a proxy: it renders every request
 * from Next's data cache (no query once cached). Through nginx the pages come from nginx's cache as the app's
 * Cache-Control allows (s-maxage=1, stale-while-revalidate): about one request per page and second reaches an instance.
 * Every endpoint gets 2,000 warm-up requests, then 10,000 timed ones (the pages on one instance 500 and 2,000, at about
 * 100 a second); any answer but a 200 is an error.
 * Targets: through nginx, gallery and brand pages ≥ 1,000 requests per second and ≥ 2× one instance. Ends with
 *   gallery: <rps> rps through nginx + 2 instances, <ratio>× one stock instance (<rps> rps), <ratio> of empty route
 * where each <rps> is the slower of the gallery and brand pages.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon, { type Request } from 'autocannon';
import pg from 'pg';
import { canMeasureCpu, cpuMeter, parentOf } from './support/cpu';
import { runOnThrowawayDatabase } from './support/database';
import { buildBenchApp, startBenchCluster } from './support/next-app';

const CONNECTIONS = 50;
const CAMPAIGNS = 3;
const BRANDS_PER_CAMPAIGN = 20;
const WARM_UP = 2_000;
const MEASURED = 10_000;
/** One instance renders each page (~100 a second on 2 cores): fewer requests tell its rate as well. */
const SINGLE = { warmUp: 500, measured: 2_000 };

type TRun = { label: string; rps: number; p50: number; p99: number; errors: number; cpu: Record<string, number> };

buildBenchApp();

runOnThrowawayDatabase(async ({ url }) => {
  // The topology first: the set-up below stores the logos and photos in its S3 bucket.
  const cluster = await startBenchCluster({ DATABASE_URL: url, NEXTAUTH_SECRET: 'bench-gallery-secret-0123456789abcdef' });
  const { seedHonoredBrands } = await import('./support/gallery-data');
  const { disconnectDb } = await import('@/lib/db');
  const client = new pg.Client({ connectionString: url });
  await client.connect();

  const setupStart = Date.now();
  const brandIds = await seedHonoredBrands(CAMPAIGNS, BRANDS_PER_CAMPAIGN);
  console.log(`set-up: ${CAMPAIGNS} finished campaigns × ${BRANDS_PER_CAMPAIGN} honored brands in ${((Date.now() - setupStart) / 1000).toFixed(1)} s`);

  const [instanceA, instanceB] = cluster.instances;
  const proxy = cluster.url!;
  const cpus = os.cpus();
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)} before the run`);
  console.log(`nginx ${proxy} → A ${instanceA.url} (pid ${instanceA.pid}), B ${instanceB.url} (pid ${instanceB.pid}); autocannon with ${CONNECTIONS} connections\n`);

  const { rows: backend } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const meter = canMeasureCpu
    ? cpuMeter({ A: instanceA.pid ?? 0, B: instanceB.pid ?? 0, nginx: { childrenOf: cluster.nginxPid ?? 0 }, postgres: { childrenOf: parentOf(backend[0].pid) }, autocannon: process.pid })
    : null;
  /** Statements the database has run, our own monitoring queries excluded (each adds one commit). */
  const transactions = async () => {
    // An idle backend reports its counters only after up to 10 s.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const { rows } = await client.query<{ n: string }>('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()');
    return Number(rows[0].n);
  };

  const fire = async (label: string, origin: string, paths: string[], { warmUp, measured } = { warmUp: WARM_UP, measured: MEASURED }): Promise<TRun> => {
    let next = 0;
    let answered = 0;
    let wrong = 0;
    let from = 0;
    let last = 0;
    const latencies: number[] = [];
    const instance = autocannon({
      url: origin,
      connections: CONNECTIONS,
      amount: warmUp + measured,
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
      if (answered === warmUp) {
        from = last;
        meter?.start();
      } else if (answered > warmUp) latencies.push(responseTime);
    });
    const result = await instance;
    const cpu = meter?.stop() ?? {};
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? NaN;
    const run = { label, rps: latencies.length / ((last - from) / 1000), p50: at(0.5), p99: at(0.99), errors: result.errors + result.non2xx + wrong, cpu };
    const perRequest = Object.entries(cpu).map(([name, ms]) => `${name} ${(ms / latencies.length).toFixed(2)}`);
    console.log(`${label.padEnd(16)} ${run.rps.toFixed(0).padStart(5)} req/s   p50 ${run.p50.toFixed(0).padStart(3)} ms  p99 ${run.p99.toFixed(0).padStart(4)} ms   errors ${run.errors}${perRequest.length ? `   CPU ms per request: ${perRequest.join(', ')}` : ''}`);
    return run;
  };

  let nginxQueries = NaN;
  try {
    const brandPaths = brandIds.map((id) => `/gallery/${id}`);
    // The first request of each page on each instance fills the shared data cache; the timed runs then read caches only.
    for (const origin of [instanceA.url, instanceB.url]) {
      for (const path of ['/gallery', ...brandPaths]) {
        const response = await fetch(`${origin}${path}`);
        if (response.status !== 200) throw new Error(`${origin}${path} answered ${response.status}`);
        await response.arrayBuffer();
      }
    }
    const empty = await fire('empty (A)', instanceA.url, ['/api/bench/empty-get']);
    const singleGallery = await fire('gallery (A)', instanceA.url, ['/gallery'], SINGLE);
    const singleBrand = await fire('brand (A)', instanceA.url, brandPaths, SINGLE);
    const before = await transactions();
    const gallery = await fire('gallery (nginx)', proxy, ['/gallery']);
    const brand = await fire('brand (nginx)', proxy, brandPaths);
    nginxQueries = (await transactions()) - before - 1;

    // The pages answered really are the gallery: fetched uncompressed once more through nginx and checked.
    const page = await fetch(`${proxy}/gallery`, { headers: { 'accept-encoding': 'identity' } });
    const html = await page.text();
    const cards = html.split('/gallery/').length - 1;
    console.log(
      `\n/gallery through nginx: ${page.status}, ${(html.length / 1024).toFixed(0)} KB, cache ${page.headers.get('x-cache-status')}, Cache-Control ${page.headers.get('cache-control')}, ${cards} brand links; ` +
        `database transactions during the nginx runs: ${nginxQueries}`,
    );

    const single = Math.min(singleGallery.rps, singleBrand.rps);
    const slower = Math.min(gallery.rps, brand.rps);
    const errors = singleGallery.errors + singleBrand.errors + gallery.errors + brand.errors;
    const mark = (ok: boolean) => (ok ? '✓' : '✗');
    console.log(`targets: ${mark(slower >= 1000)} ≥ 1000 rps through nginx (${slower.toFixed(0)})   ${mark(slower >= 2 * single)} ≥ 2× one instance (${(slower / single).toFixed(1)}×)   ${mark(errors === 0)} 0 errors (${errors})`);
    console.log(`gallery: ${slower.toFixed(0)} rps through nginx + 2 instances, ${(slower / single).toFixed(1)}× one stock instance (${single.toFixed(0)} rps), ${(slower / empty.rps).toFixed(2)} of empty route`);
  } finally {
    await cluster.stop();
    await client.end();
    await disconnectDb();
  }
});
