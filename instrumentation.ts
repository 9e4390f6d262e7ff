// Next calls register() once when a server process starts: every `npm run dev` / `npm start` process (and the e2e
// server) runs a job worker (lib/worker/start.ts). Several processes on one database are safe: see lib/jobs/worker.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startServerWorker } = await import('@/lib/worker/start');
    await startServerWorker();
  }
}
