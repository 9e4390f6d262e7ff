import { env } from '@/lib/env';
import { startJobWorker, type TJobWorker } from '@/lib/jobs/worker';
import { jobHandlers } from '@/lib/worker/handlers';
import { log } from '@/lib/log';

/** `stopJobWorker` is how the shutdown (lib/runtime/shutdown.ts) stops the worker (its jobs finished or handed back) before the pool. */
const globalForWorker = globalThis as unknown as { jobWorker?: Promise<TJobWorker | null>; stopJobWorker?: () => Promise<void> };

/**
 * The job worker of this server process (instrumentation.ts), once per process even when Next reloads the module.
 * Off with JOBS_WORKER=0 or without a database. A failure to start is logged, not fatal: pages still work, and the
 * jobs wait in the database for a worker.
 */
export function startServerWorker(): Promise<TJobWorker | null> {
  globalForWorker.jobWorker ??= (async () => {
    const { JOBS_WORKER, JOBS_POLL_SECONDS, DATABASE_URL } = env();
    if (JOBS_WORKER === '0' || !DATABASE_URL) return null;
    try {
      const worker = await startJobWorker(jobHandlers(), { pollingIntervalSeconds: JOBS_POLL_SECONDS });
      log.info('任务队列已启动（pg-boss）', { pollingIntervalSeconds: JOBS_POLL_SECONDS });
      return worker;
    } catch (error) {
      log.error('任务队列启动失败', { error });
      return null;
    }
  })();
  globalForWorker.stopJobWorker = async () => {
    const worker = await globalForWorker.jobWorker;
    globalForWorker.jobWorker = undefined;
    if (!worker) return;
    await worker.stop();
    log.info('任务队列已停止');
  };
  return globalForWorker.jobWorker;
}
