import type { TTx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export type TAuditContext = { actorId: string | null; ip?: string | null };

type TAuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

/** Writes one audit row. Always called with the transaction client of the change it records. */
export async function recordAudit(tx: TTx, context: TAuditContext, entry: TAuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: context.actorId,
      ip: context.ip ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
