// The job queue's names and payloads. Each name is a pg-boss queue created by a migration (migration 0023), because
// creating one is DDL the app role may not run; tests/integration/jobs-schema.test.ts checks every name has its queue.
// Its handler is registered in lib/worker/handlers.ts (a record over these names, so a missing one fails the typecheck).

/** The schema of pg-boss's tables (scripts/lib/pg.mjs JOB_SCHEMA: the app role gets data rights in it). */
export const JOB_SCHEMA = 'pgboss';

export type TJobPayloads = {
  /** Send one queued text message (sms_outbox row). */
  sms: { id: string };
  /** Run one scheduled reminder (scheduled_reminders row) once. */
  reminder: { key: string };
  /** The periodic scan (every minute, pg-boss cron): stage openings and closings, and any registered scanner. */
  tick: Record<string, never>;
};

export type TJobName = keyof TJobPayloads;

export const JOB_NAMES = ['sms', 'reminder', 'tick'] as const satisfies readonly TJobName[];
