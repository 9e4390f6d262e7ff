// npm run dev / npm start: database (embedded unless DATABASE_URL), migrations, demo seed, then Next's own server as a
// child process (next dev, or the standalone server of npm run build: scripts/lib/next-server.mjs).
import { existsSync } from 'node:fs';
import { DEMO_ACCOUNTS_TEXT } from './lib/demo-accounts.mjs';
import { describeError } from './lib/explained-error.mjs';
import { ensureAuthSecret, migrateDatabase, resolveDatabase } from './lib/database-url.mjs';
import { startNextServer, standaloneServer } from './lib/next-server.mjs';
import { freePort, isDatabaseEmpty } from './lib/pg.mjs';
import { isAlive, processInfo } from './lib/postmaster.mjs';
import { runSeed } from './lib/seed.mjs';

const mode = process.argv[2] === 'start' ? 'start' : 'dev';
const dev = mode === 'dev';
process.env.NODE_ENV = dev ? 'development' : 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';

/** npm runs us as `npm → sh -c "node scripts/run.mjs …" → node`; a kill -9 of npm leaves the shell and us running. */
function npmPid() {
  if (!process.env.npm_lifecycle_event) return undefined;
  const shell = processInfo(process.ppid);
  const npm = shell && processInfo(shell.ppid);
  return npm && /npm/.test(npm.args.join(' ')) ? npm.pid : undefined;
}

let db;

async function main() {
  if (!dev && !existsSync(standaloneServer())) {
    console.error('尚未构建：请先运行 npm run build，再运行 npm start。');
    process.exit(1);
  }

  db = await resolveDatabase();
  let server;
  let stopping = false;
  async function shutdown(reason = '') {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}正在停止…`);
    // The Next process gets SIGTERM and drains (lib/runtime/shutdown.ts: /api/ready answers 503 "draining" for
    // SHUTDOWN_DRAIN_MS, production 5 s, dev 0), stops its job worker and pool, and exits; then the database stops.
    await server?.close().catch(() => {});
    await db.stop().catch(() => {});
    process.exit(0);
  }
  // The embedded database's package stops its servers on SIGINT/SIGTERM/SIGHUP by itself (async-exit-hook) and then
  // exits, while Next is still draining: its queries would fail. Here the database stops after the server has exited.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.removeAllListeners(signal);
    process.on(signal, () => shutdown());
  }
  // Our lifetime follows npm's (and the database's follows ours: see watchPostmaster).
  const npm = npmPid();
  if (npm) setInterval(() => isAlive(npm) || shutdown('npm（pid ' + npm + '）已退出，'), 1000).unref();

  console.log(db.embedded ? `内置 PostgreSQL 已启动（数据目录 .data/pg，应用以数据库角色 ${db.appRole} 运行）` : '使用 DATABASE_URL 指定的数据库');
  await migrateDatabase(db);
  if (process.env.SEED_DEMO !== '0' && (await isDatabaseEmpty(db.url))) {
    console.log('数据库为空，正在写入示范市演示数据…');
    runSeed();
  }
  ensureAuthSecret();
  const port = await freePort(Number(process.env.PORT) || 3000);
  const url = `http://localhost:${port}`;
  process.env.NEXTAUTH_URL ??= url;

  server = await startNextServer({ dev, port, hostname: process.env.HOST || '0.0.0.0' });
  server.child.once('exit', (code) => shutdown(`Next 服务进程已退出（退出码 ${code}），`));
  console.log(`\n党建品牌选树平台已启动：${url}\n`);
  if (process.env.SEED_DEMO !== '0') console.log(DEMO_ACCOUNTS_TEXT);
}

main().catch(async (error) => {
  // Never "Uncaught undefined": print what failed, whatever was thrown.
  console.error(`\n启动失败：${describeError(error)}`);
  await db?.stop().catch(() => {});
  process.exit(1);
});
