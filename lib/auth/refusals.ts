import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';

/** Refusals already written down (by the guard), so runAction does not write the same one again. */
const recorded = new WeakSet<object>();

export function markRefusalRecorded(error: object): void {
  recorded.add(error);
}

export function isRefusalRecorded(error: object): boolean {
  return recorded.has(error);
}

export type TRefusal = {
  actorId: string;
  ip: string | null;
  /** What was refused, from server-side facts only (the guard and roles, the server action's id): the rate-limit key. */
  operation: string;
  message: string;
  /** Context for the reader of the log (target organization, the page it came from); never part of the key. */
  detail?: Record<string, string | null>;
};

/**
 * Writes a refused privileged attempt to the audit log in its own transaction (the refused operation wrote nothing to
 * join). At most one row per user and operation per minute: a transaction-level advisory lock on that pair lets
 * parallel refusals in one at a time, and each looks for a row of the last minute (database clock) before writing,
 * so a burst cannot flood the append-only log. Returns whether a row was written.
 */
export async function recordRefusal(refusal: TRefusal): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`refusal:${refusal.actorId}:${refusal.operation}`}, 0))`;
    const recent = await tx.$queryRaw<{ id: bigint }[]>`
      SELECT id FROM audit_logs
      WHERE entity_type = 'User' AND entity_id = ${refusal.actorId} AND action = 'refuse-access'
        AND after->>'operation' = ${refusal.operation} AND created_at > now() - interval '1 minute'
      LIMIT 1`;
    if (recent.length) return false;
    await recordAudit(tx, { actorId: refusal.actorId, ip: refusal.ip }, {
      action: 'refuse-access',
      entityType: 'User',
      entityId: refusal.actorId,
      after: { operation: refusal.operation, message: refusal.message, ...refusal.detail },
    });
    return true;
  });
}
