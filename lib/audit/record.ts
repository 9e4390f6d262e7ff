import type { TTx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TAuditAction, TAuditEntityType } from '@/lib/audit/labels';

export type TAuditContext = { actorId: string | null; ip?: string | null };

type TAuditEntry = {
  /** One of the labelled actions in lib/audit/labels.ts: the audit page shows every row in Chinese. */
  action: TAuditAction;
  entityType: TAuditEntityType;
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
