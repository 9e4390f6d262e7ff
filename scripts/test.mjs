// npm test: browser check, typecheck, lint, migration check, unit, integration (real Postgres),
// production build, Playwright e2e (Debian Chromium) and the cluster test (nginx, 2 instances, 2 job workers, Redis, S3 on
// the same build: scripts/lib/cluster.mjs). One exit code; the last line sums every tier.
// The static checks (single-threaded) run beside the unit and integration tests; their output is printed as one block
// when they end. --serial runs everything one after another.
//   node scripts/test.mjs [--only unit,integration,e2e,cluster,static] [--serial] [--reuse-build] [-- file filters passed to vitest / playwright]
// --reuse-build: skip `next build` when a standalone build is there (for running one tier again).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster } from './lib/cluster.mjs';
import { copyStandaloneAssets, standaloneServer } from './lib/next-server.mjs';
import { ROOT, ensureDatabase, freePort, listMigrations, migrate, prepareEmbeddedDatabase, startEmbeddedPostgres } from './lib/pg.mjs';
import { runSeed } from './lib/seed.mjs';

const onlyArg = process.argv.find((arg) => arg.startsWith('--only'));
const only = onlyArg ? (onlyArg.split('=')[1] ?? process.argv[process.argv.indexOf(onlyArg) + 1]).split(',') : null;
const wants = (tier) => !only || only.includes(tier);
const dashDash = process.argv.indexOf('--');
const passthrough = dashDash === -1 ? [] : process.argv.slice(dashDash + 1);
// Spec files of the cluster tier (tests/cluster) go to it, every other argument to the vitest tiers and e2e.
const isClusterSpec = (arg) => arg.includes('tests/cluster');
const clusterArgs = passthrough.filter((arg) => arg.startsWith('-') || isClusterSpec(arg));
const flags = process.argv.slice(2, dashDash === -1 ? undefined : dashDash);
const serial = flags.includes('--serial');
const reuseBuild = flags.includes('--reuse-build');

const totals = { passed: 0, failed: 0 };
const lines = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dj-test-'));
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

const childEnv = (env) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env });
const seconds = (started) => `${((Date.now() - started) / 1000).toFixed(0)} s`;

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: childEnv(env) });
  console.log(`(${label}: ${seconds(started)})`);
  return result.status === 0;
}

/** run() without blocking this process, so the steps beside it go on. */
function runLive(label, command, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: childEnv(env) });
    const finish = (ok) => {
      console.log(`(${label}: ${seconds(started)})`);
      resolve(ok);
    };
    child.on('error', () => finish(false));
    child.on('close', (code) => finish(code === 0));
  });
}

/** Like run(), in the background: the output is kept and `printed` with the step's heading once it ends. */
function runQuietly(label, command, args, env = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const output = [];
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(env) });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const finish = (ok, extra = '') => {
      const text = Buffer.concat(output).toString('utf8') + extra;
      resolve({ ok, printed: `\n━━ ${label} (ran beside the tests) ━━\n${text}${text.endsWith('\n') ? '' : '\n'}(${label}: ${seconds(started)})` });
    };
    child.on('error', (error) => finish(false, `\n${error.message}`));
    child.on('close', (code) => finish(code === 0));
  });
}

function check(label, ok) {
  if (ok) totals.passed++;
  else totals.failed++;
  lines.push(`${ok ? '✓' : '✗'} ${label}`);
}

async function vitestTier(project, env = {}) {
  const report = path.join(tmp, `${project}.json`);
  const ok = await runLive(`${project} tests (vitest)`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...passthrough], env);
  if (!existsSync(report)) return check(`${project}: vitest produced no report`, false);
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const failed = result.numFailedTests + (ok || result.numFailedTests ? 0 : 1);
  totals.passed += result.numPassedTests;
  totals.failed += failed;
  lines.push(`${failed ? '✗' : '✓'} ${project}: ${result.numPassedTests} passed, ${failed} failed`);
  if (result.numTotalTests === 0) check(`${project}: no tests ran`, false);
}

/** Adds a Playwright JSON report's counts to the summary. */
function playwrightResult(tier, report, ok) {
  if (!existsSync(report)) return check(`${tier}: Playwright produced no report`, false);
  const { stats } = JSON.parse(readFileSync(report, 'utf8'));
  const failed = stats.unexpected + stats.flaky + (ok || stats.unexpected ? 0 : 1);
  totals.passed += stats.expected;
  totals.failed += failed;
  lines.push(`${failed ? '✗' : '✓'} ${tier}: ${stats.expected} passed, ${failed} failed`);
}

let pgServer;
try {
  if ((wants('e2e') || wants('cluster')) && !run('browser, CJK font, nginx and Redis', 'bash', [path.join(ROOT, 'scripts', 'ensure-browser.sh')])) {
    check('Chromium / CJK font / nginx / redis-server available', false);
  }

  const needsPg = wants('static') || wants('integration') || wants('e2e') || wants('cluster');
  if (needsPg) {
    pgServer = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), persistent: false });
  }

  // Typecheck, lint and the migration check: one after another, beside the vitest tiers.
  const steps = [];
  if (wants('static')) {
    const latest = listMigrations().at(-1);
    // The route types first (next typegen, under .next/types, which tsconfig includes): tsc then checks what
    // `next build` would, and the build below skips its own second check (DJ_TYPES_CHECKED, next.config.mjs).
    steps.push({ label: 'route types (next typegen)', command: bin('next'), args: ['typegen'] });
    steps.push({ label: 'typecheck', check: 'typecheck (tsc --noEmit)', command: bin('tsc'), args: ['--noEmit'] });
    steps.push({ label: 'lint', check: 'lint (eslint)', command: bin('eslint'), args: ['--max-warnings', '0', '.'] });
    // The newest migration's schema snapshot must equal schema.prisma: a forgotten migration fails here.
    steps.push({
      label: 'migration check',
      check: `migrations match prisma/schema.prisma (${latest})`,
      command: bin('prisma'),
      args: ['migrate', 'diff', '--exit-code', '--from-schema-datamodel', path.join('prisma', 'migrations', latest, 'schema.prisma'), '--to-schema-datamodel', path.join('prisma', 'schema.prisma')],
      env: async () => ({ DATABASE_URL: await ensureDatabase(pgServer.adminUrl, 'schema_check') }),
    });
  }
  const stepResults = new Map();
  const runSteps = async (runner) => {
    let failed = false;
    for (const step of steps) {
      // A step without a `check` of its own (typegen) prepares the next one, which fails with it.
      const result = await runner(step.label, step.command, step.args, step.env ? await step.env() : {});
      stepResults.set(step, { ...result, ok: result.ok && !failed });
      failed = !step.check && !result.ok;
    }
  };

  let beside = Promise.resolve();
  if (serial || !(wants('unit') || wants('integration'))) {
    await runSteps(async (...args) => ({ ok: run(...args), printed: '' }));
  } else {
    beside = runSteps(runQuietly);
  }
  const firstTestLine = lines.length;
  if (wants('unit')) await vitestTier('unit');
  if (wants('integration')) await vitestTier('integration', { TEST_PG_SERVER_URL: pgServer.adminUrl });
  await beside;
  // The summary keeps the order typecheck, lint, migrations, tests.
  const testLines = lines.splice(firstTestLine);
  for (const step of steps) {
    const { ok, printed } = stepResults.get(step);
    if (printed) console.log(printed);
    if (step.check) check(step.check, ok);
  }
  const typesChecked = steps.some((step) => step.label === 'typecheck' && stepResults.get(step).ok);
  lines.push(...testLines);

  // One production build for the e2e and the cluster tiers.
  let built = false;
  if (wants('e2e') || wants('cluster')) {
    const standaloneBuilt = existsSync(standaloneServer());
    built = reuseBuild && standaloneBuilt ? true : run('production build (next build)', bin('next'), ['build'], typesChecked ? { DJ_TYPES_CHECKED: '1' } : {});
    if (built) copyStandaloneAssets();
    if (!(reuseBuild && standaloneBuilt)) check('next build', built);
  }

  if (wants('e2e') && built) {
    // Like production: migrated by the owner role, the server and the specs connect as the app role.
    const { url, migrateUrl, appRole } = await prepareEmbeddedDatabase(pgServer, 'e2e');
    await migrate(migrateUrl, { log: () => {}, appRole });
    process.env.DATABASE_URL = url;
    runSeed();
    const report = path.join(tmp, 'e2e.json');
    const port = await freePort(3100);
    const ok = run('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test', ...passthrough.filter((arg) => !isClusterSpec(arg))], {
      DATABASE_URL: url,
      MIGRATE_DATABASE_URL: migrateUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      E2E_PORT: String(port),
      E2E_JSON_REPORT: report,
    });
    playwrightResult('e2e', report, ok);
  }

  if (wants('cluster') && built) {
    // Its own database (migrated, no demo seed: the specs make what they need), so e2e leftovers change nothing.
    const started = Date.now();
    console.log('\n━━ cluster tests (nginx → 2 instances, 2 job workers, Redis, S3; Playwright) ━━');
    const { url, migrateUrl, appRole } = await prepareEmbeddedDatabase(pgServer, 'cluster');
    await migrate(migrateUrl, { log: () => {}, appRole });
    // No doubling delay between sign-in attempts: the throttle spec counts failures, it need not wait them out.
    const cluster = await startCluster({ databaseUrl: url, env: { AUTH_DELAY_BASE_MS: '0' }, log: console.log }).catch((error) => {
      console.error(error.message);
      return null;
    });
    if (!cluster) check('cluster: the topology started', false);
    else {
      const report = path.join(tmp, 'cluster.json');
      try {
        const ok = run('cluster specs', bin('playwright'), ['test', '--config', 'playwright.cluster.config.ts', ...clusterArgs], {
          DATABASE_URL: url,
          NEXTAUTH_SECRET: cluster.env.NEXTAUTH_SECRET,
          CLUSTER_URL: cluster.url,
          CLUSTER_A_URL: cluster.instances[0].url,
          CLUSTER_B_URL: cluster.instances[1].url,
          CLUSTER_JSON_REPORT: report,
          // The bucket, to check that an upload is there.
          ...Object.fromEntries(Object.entries(cluster.env).filter(([name]) => name.startsWith('S3_'))),
        });
        playwrightResult('cluster', report, ok);
      } finally {
        await cluster.stop();
      }
    }
    console.log(`(cluster tier, start-up included: ${seconds(started)})`);
  }
} finally {
  await pgServer?.stop().catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`\n━━ summary ━━\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
