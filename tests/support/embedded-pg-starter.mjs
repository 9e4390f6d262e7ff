// Starts the embedded PostgreSQL in the data dir given as argv[2] the way npm run dev / npm start do (persistent, with
// the stale-postmaster check and the watchdog), prints one JSON line when ready, then waits to be killed.
// Used by tests/integration/embedded-postgres.test.ts.
import { describeError } from '../../scripts/lib/explained-error.mjs';
import { startEmbeddedPostgres } from '../../scripts/lib/pg.mjs';

try {
  const server = await startEmbeddedPostgres({ dir: process.argv[2], persistent: true, log: (message) => console.log(message) });
  console.log(JSON.stringify({ ready: true, port: server.port, postmasterPid: server.postmasterPid, watchdogPid: server.watchdogPid }));
  process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
  setInterval(() => {}, 60_000);
} catch (error) {
  console.error(`启动失败：${describeError(error)}`);
  process.exit(1);
}
