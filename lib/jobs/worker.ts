import PgBoss from 'pg-boss';
import { requireDatabaseUrl } from '@/lib/env';
import { JOB_NAMES, JOB_SCHEMA, type TJobName, type TJobPayloads } from '@/lib/jobs/queues';
import { log } from '@/lib/log';

export type TJobHandlers = { [N in TJobName]: (data: TJobPayloads[N]) => Promise<unknown> };

export type TWorkerOptions = {
  connectionString?: string;
  /** How often an idle queue is polled (pg-boss's minimum is 0.5 s; tests use it). */
  pollingIntervalSeconds?: number;
  /** Jobs fetched per poll; each is handled (and fails or completes) on its own. */
  batchSize?: number;
  /** Schedule the minutely `tick` (pg-boss cron; of several workers one sends it per minute). */
  cron?: boolean;
  /** Where a failed job is reported (default: the server log, lib/log.ts). */
  onJobError?: (name: TJobName, jobId: string, error: unknown) => void;
};

export type TJobWorker = { stop: () => Promise<void>; boss: PgBoss };

/**
 * Starts a worker on the job queue: pg-boss with its own small pool, `migrate: false` (its schema is created by a
 * migration as the owner; this only checks the version). Several workers on one database are safe: a job is fetched
 * with FOR UPDATE SKIP LOCKED by exactly one of them, cron is sent once per minute, and each handler is idempotent
 * against the database (outbox claim, reminder row lock, notification dedupe keys).
 */
export async function startJobWorker(handlers: TJobHandlers, options: TWorkerOptions = {}): Promise<TJobWorker> {
  const { pollingIntervalSeconds = 2, batchSize = 10, cron = true, onJobError = (name, id, error) => log.error('任务执行失败', { jobName: name, jobId: id, error }) } = options;
  const boss = new PgBoss({
    connectionString: options.connectionString ?? requireDatabaseUrl(),
    schema: JOB_SCHEMA,
    migrate: false,
    max: 3,
    application_name: 'dangjian-jobs',
    schedule: cron,
    supervise: true,
  });
  boss.on('error', (error) => {
    // The database shutting down (Ctrl-C stops the embedded one together with us) is not worth a stack trace.
    if ((error as { code?: string }).code === '57P01') return;
    log.error('任务队列出错', { error });
  });
  await boss.start();
  for (const name of JOB_NAMES) {
    const handle = handlers[name] as (data: unknown) => Promise<unknown>;
    await boss.work<unknown>(name, { pollingIntervalSeconds, batchSize }, async (jobs) => {
      // One failing job is failed alone (and retried by its queue's policy); pg-boss then completes the others.
      for (const job of jobs) {
        try {
          await handle(job.data);
        } catch (error) {
          onJobError(name, job.id, error);
          await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }
    });
  }
  if (cron) await boss.schedule('tick', '* * * * *', {}, { tz: 'Asia/Shanghai' });
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }) };
}
