// Next calls register() once when a server process starts: every `npm run dev` / `npm start` process (and the e2e
// server) runs a job worker (lib/worker/start.ts). Several processes on one database are safe: see lib/jobs/worker.ts.
// It also installs the graceful shutdown on SIGTERM/SIGINT (lib/runtime/shutdown.ts): drain, stop the worker, close
// the database pool, exit; under stock `next start` / standalone server.js with NEXT_MANUAL_SIG_HANDLE=true.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { registerShutdown } = await import('@/lib/runtime/shutdown');
    registerShutdown();
    const { startServerWorker } = await import('@/lib/worker/start');
    await startServerWorker();
  }
}
