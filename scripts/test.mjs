// npm test: browser check, typecheck, lint, migration check, unit, integration (real Postgres),
// production build and Playwright e2e (Debian Chromium). One exit code; the last line sums every tier.
//   node scripts/test.mjs [--only unit,integration,e2e,static] [-- file filters passed to vitest / playwright]
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, ensureDatabase, freePort, listMigrations, migrate, prepareEmbeddedDatabase, startEmbeddedPostgres } from './lib/pg.mjs';
import { runSeed } from './lib/seed.mjs';

const onlyArg = process.argv.find((arg) => arg.startsWith('--only'));
const only = onlyArg ? (onlyArg.split('=')[1] ?? process.argv[process.argv.indexOf(onlyArg) + 1]).split(',') : null;
const wants = (tier) => !only || only.includes(tier);
const dashDash = process.argv.indexOf('--');
const passthrough = dashDash === -1 ? [] : process.argv.slice(dashDash + 1);

const totals = { passed: 0, failed: 0 };
const lines = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dj-test-'));
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  console.log(`(${label}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return result.status === 0;
}

function check(label, ok) {
  if (ok) totals.passed++;
  else totals.failed++;
  lines.push(`${ok ? '✓' : '✗'} ${label}`);
}

function vitestTier(project, env = {}) {
  const report = path.join(tmp, `${project}.json`);
  const ok = run(`${project} tests (vitest)`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...passthrough], env);
  if (!existsSync(report)) return check(`${project}: vitest produced no report`, false);
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const failed = result.numFailedTests + (ok || result.numFailedTests ? 0 : 1);
  totals.passed += result.numPassedTests;
  totals.failed += failed;
  lines.push(`${failed ? '✗' : '✓'} ${project}: ${result.numPassedTests} passed, ${failed} failed`);
  if (result.numTotalTests === 0) check(`${project}: no tests ran`, false);
}

let pgServer;
try {
  if (wants('e2e') && !run('browser and CJK font', 'bash', [path.join(ROOT, 'scripts', 'ensure-browser.sh')])) {
    check('Chromium / CJK font available', false);
  }
  if (wants('static')) {
    check('typecheck (tsc --noEmit)', run('typecheck', bin('tsc'), ['--noEmit']));
    check('lint (eslint)', run('lint', bin('eslint'), ['--max-warnings', '0', '.']));
  }

  const needsPg = wants('static') || wants('integration') || wants('e2e');
  if (needsPg) {
    pgServer = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), persistent: false });
  }

  if (wants('static')) {
    // The newest migration's schema snapshot must equal schema.prisma: a forgotten migration fails here.
    const latest = listMigrations().at(-1);
    const url = await ensureDatabase(pgServer.adminUrl, 'schema_check');
    check(
      `migrations match prisma/schema.prisma (${latest})`,
      run('migration check', bin('prisma'), [
        'migrate', 'diff', '--exit-code',
        '--from-schema-datamodel', path.join('prisma', 'migrations', latest, 'schema.prisma'),
        '--to-schema-datamodel', path.join('prisma', 'schema.prisma'),
      ], { DATABASE_URL: url }),
    );
  }

  if (wants('unit')) vitestTier('unit');
  if (wants('integration')) vitestTier('integration', { TEST_PG_SERVER_URL: pgServer.adminUrl });

  if (wants('e2e')) {
    const built = run('production build (next build)', bin('next'), ['build']);
    check('next build', built);
    if (built) {
      // Like production: migrated by the owner role, the server and the specs connect as the app role.
      const { url, migrateUrl, appRole } = await prepareEmbeddedDatabase(pgServer, 'e2e');
      await migrate(migrateUrl, { log: () => {}, appRole });
      process.env.DATABASE_URL = url;
      runSeed();
      const report = path.join(tmp, 'e2e.json');
      const port = await freePort(3100);
      const ok = run('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test', ...passthrough], {
        DATABASE_URL: url,
        MIGRATE_DATABASE_URL: migrateUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
        E2E_PORT: String(port),
        E2E_JSON_REPORT: report,
      });
      if (existsSync(report)) {
        const { stats } = JSON.parse(readFileSync(report, 'utf8'));
        const failed = stats.unexpected + stats.flaky + (ok || stats.unexpected ? 0 : 1);
        totals.passed += stats.expected;
        totals.failed += failed;
        lines.push(`${failed ? '✗' : '✓'} e2e: ${stats.expected} passed, ${failed} failed`);
      } else {
        check('e2e: Playwright produced no report', false);
      }
    }
  }
} finally {
  await pgServer?.stop().catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`\n━━ summary ━━\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
