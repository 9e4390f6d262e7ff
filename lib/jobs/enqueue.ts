import { db, type TTx } from '@/lib/db';
import { jobSender, prismaDb } from '@/lib/jobs/boss';
import type { TJobName, TJobPayloads } from '@/lib/jobs/queues';

export type TEnqueueOptions = {
  /** Not before this time (database clock). */
  startAfter?: Date;
  /** pg-boss drops a second job with the same key while the first is still queued within `singletonSeconds`. */
  singletonKey?: string;
  singletonSeconds?: number;
};

/**
 * Queues a job. With `tx` (the caller's transaction) the job row is part of that transaction: it runs only if the
 * operation commits. Without it, it is queued at once. Returns the job id (null when a singleton dropped it).
 */
export async function enqueue<N extends TJobName>(tx: TTx | null, name: N, data: TJobPayloads[N], options: TEnqueueOptions = {}): Promise<string | null> {
  return jobSender().send(name, data as object, { ...options, db: prismaDb(tx ?? db) });
}
