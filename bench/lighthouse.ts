/**
 * Lighthouse on 品牌风采 and the voting page (issues 9 and 22), through the production topology (bench/support/next-app.ts
 * startBenchCluster: nginx in front of two standalone instances of the benchmark build, Redis, S3) on a throw-away
 * embedded Postgres with 2 finished campaigns × 12 honored brands and a campaign whose public vote is open; Lighthouse
 * (npm `lighthouse`, its default mobile settings: a mid-range phone, simulated slow 4G and 4× CPU slowdown) in
 * Debian's Chromium, 3 runs each of the gallery, one brand page and the voting page, all asked of nginx.
 *
 *   npm run bench:lighthouse          (BENCH_REUSE_BUILD=1 skips `next build`; CHROME_PATH overrides /usr/bin/chromium)
 *
 * Targets (a benchmark, not a CI gate): median performance ≥ 95 and accessibility ≥ 95 on every page. Ends with
 *   lighthouse: gallery <performance>/<accessibility>, brand <performance>/<accessibility>, vote <performance>/<accessibility> (median of 3)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { runOnThrowawayDatabase } from './support/database';
import { buildBenchApp, startBenchCluster } from './support/next-app';

const RUNS = 3;
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type TScores = { performance: number; accessibility: number; lcp: number; tbt: number; cls: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

buildBenchApp();

runOnThrowawayDatabase(async ({ url }) => {
  // The topology first: the set-up below stores the logos and photos in its S3 bucket.
  const cluster = await startBenchCluster({ DATABASE_URL: url, NEXTAUTH_SECRET: 'bench-lighthouse-secret-0123456789abcdef' });
  const { seedHonoredBrands } = await import('./support/gallery-data');
  const { db, disconnectDb } = await import('@/lib/db');
  const { createVotingScope } = await import('../tests/support/voting');
  const brandIds = await seedHonoredBrands(2, 12);
  const voting = await createVotingScope({ entries: 6, members: 0, perDay: 3 });
  await db.campaign.update({ where: { id: voting.campaign.id }, data: { publicVotingEnabled: true } });
  const server = { origin: cluster.url! };
  console.log(`Node ${process.version}; Lighthouse through nginx ${server.origin} → ${cluster.instances.map((instance) => instance.url).join(', ')}`);
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  const results: Record<string, TScores> = {};
  try {
    const pages = { gallery: '/gallery', brand: `/gallery/${brandIds[0]}`, vote: `/campaigns/${voting.campaign.id}/vote` };
    for (const [name, path] of Object.entries(pages)) {
      await fetch(`${server.origin}${path}`).then((response) => response.arrayBuffer());
      const runs: TScores[] = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(`${server.origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
        if (!result) throw new Error('Lighthouse returned no result');
        const { categories, audits } = result.lhr;
        const scores = {
          performance: Math.round((categories.performance.score ?? 0) * 100),
          accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
          lcp: audits['largest-contentful-paint'].numericValue ?? NaN,
          tbt: audits['total-blocking-time'].numericValue ?? NaN,
          cls: audits['cumulative-layout-shift'].numericValue ?? NaN,
        };
        runs.push(scores);
        // BENCH_LIGHTHOUSE_REPORT=<folder> keeps each run's full report (LCP element, main-thread work, scripts).
        if (process.env.BENCH_LIGHTHOUSE_REPORT) {
          mkdirSync(process.env.BENCH_LIGHTHOUSE_REPORT, { recursive: true });
          writeFileSync(join(process.env.BENCH_LIGHTHOUSE_REPORT, `${name}-${run + 1}.json`), JSON.stringify(result.lhr));
        }
        const failing = Object.values(audits).filter((audit) => audit.score === 0 && audit.scoreDisplayMode === 'binary').map((audit) => audit.id);
        console.log(`${name.padEnd(8)} run ${run + 1}: performance ${scores.performance}, accessibility ${scores.accessibility}, LCP ${scores.lcp.toFixed(0)} ms, TBT ${scores.tbt.toFixed(0)} ms, CLS ${scores.cls.toFixed(3)}${failing.length ? `; failing: ${failing.join(', ')}` : ''}`);
      }
      results[name] = {
        performance: median(runs.map((run) => run.performance)),
        accessibility: median(runs.map((run) => run.accessibility)),
        lcp: median(runs.map((run) => run.lcp)),
        tbt: median(runs.map((run) => run.tbt)),
        cls: median(runs.map((run) => run.cls)),
      };
    }
  } finally {
    chrome.kill();
    await cluster.stop();
    await disconnectDb();
  }
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const { gallery, brand, vote } = results;
  const all = [gallery, brand, vote];
  console.log(`\ntargets: ${mark(all.every((page) => page.performance >= 95))} performance ≥ 95   ${mark(all.every((page) => page.accessibility >= 95))} accessibility ≥ 95`);
  console.log(
    `lighthouse: gallery ${gallery.performance}/${gallery.accessibility}, brand ${brand.performance}/${brand.accessibility}, vote ${vote.performance}/${vote.accessibility} (median of ${RUNS})`,
  );
});
