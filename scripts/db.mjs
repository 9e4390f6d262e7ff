// npm run db:migrate | db:seed | db:reset [-- --yes]
import readline from 'node:readline/promises';
import pg from 'pg';
import { resolveDatabase } from './lib/database-url.mjs';
import { migrate } from './lib/pg.mjs';
import { runSeed } from './lib/seed.mjs';

const command = process.argv[2];
const assumeYes = process.argv.includes('--yes');
const db = await resolveDatabase();
try {
  if (command === 'migrate') {
    const applied = await migrate(db.url);
    if (!applied.length) console.log('数据库已是最新结构');
  } else if (command === 'seed') {
    await migrate(db.url);
    runSeed();
  } else if (command === 'reset') {
    const target = db.url.replace(/:[^:@/]+@/, ':****@');
    if (!assumeYes) {
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
      const answer = await rl.question(`将清空数据库 ${target} 的全部数据并重新写入演示数据，确定吗？输入 yes 继续：`);
      rl.close();
      if (answer.trim().toLowerCase() !== 'yes') {
        console.log('已取消');
        process.exit(1);
      }
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.end();
    await migrate(db.url);
    runSeed();
  } else {
    console.error('用法：node scripts/db.mjs migrate|seed|reset [--yes]');
    process.exitCode = 2;
  }
} finally {
  await db.stop();
}
