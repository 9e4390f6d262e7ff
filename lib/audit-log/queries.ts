import { TZDate } from '@date-fns/tz';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { TIME_ZONE } from '@/lib/format';
import type { TAuditFilters } from '@/lib/audit-log/schema';
import { describeChanges, type TAuditChange } from '@/lib/audit-log/changes';
import { auditActionLabel, auditEntityLabel } from '@/lib/audit/labels';
import { loadAuditNames } from '@/lib/audit-log/names';

export const AUDIT_PAGE_SIZE = 30;

/** One audit row as staff read it: Chinese labels, the object's name, the change field by field, and the raw record. */
export type TAuditEntry = {
  id: string;
  createdAt: Date;
  ip: string | null;
  /** 系统 for rows without an actor (seed, jobs); the public for an objection. */
  actorName: string;
  actionLabel: string;
  entityLabel: string;
  entityName: string | null;
  changes: TAuditChange[];
  raw: { action: string; entityType: string; entityId: string; before: unknown; after: unknown };
};

function startOfDay(date: string, plusDays = 0): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new TZDate(y, m - 1, d + plusDays, 0, 0, 0, TIME_ZONE);
}

/**
 * Audit rows visible to an admin: actions by users who hold a role inside the admin's subtrees;
 * an admin of a root organization also sees system actions (seed, jobs) without an actor.
 */
function scopeWhere(scopePaths: readonly string[], includeSystem: boolean): Prisma.AuditLogWhereInput {
  const byScopedActor: Prisma.AuditLogWhereInput = {
    actor: { roleAssignments: { some: { organization: { OR: scopePaths.map((path) => ({ path: { startsWith: path } })) } } } },
  };
  return includeSystem ? { OR: [byScopedActor, { actorId: null }] } : byScopedActor;
}

const byLabel = (options: { value: string; label: string }[]) => options.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));

export async function listAuditLogs(scope: { paths: readonly string[]; includeSystem: boolean }, filters: TAuditFilters) {
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      scopeWhere(scope.paths, scope.includeSystem),
      filters.actor
        ? {
            actor: {
              OR: [
                { loginName: { contains: filters.actor, mode: 'insensitive' } },
                { displayName: { contains: filters.actor, mode: 'insensitive' } },
              ],
            },
          }
        : {},
      filters.action ? { action: filters.action } : {},
      filters.entityType ? { entityType: filters.entityType } : {},
      filters.from || filters.to
        ? {
            createdAt: {
              ...(filters.from ? { gte: startOfDay(filters.from) } : {}),
              ...(filters.to ? { lt: startOfDay(filters.to, 1) } : {}),
            },
          }
        : {},
    ],
  };
  const [total, rows, actions, entityTypes] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: { id: 'desc' },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        ip: true,
        createdAt: true,
        actor: { select: { loginName: true, displayName: true } },
      },
    }),
    db.auditLog.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    db.auditLog.findMany({ distinct: ['entityType'], select: { entityType: true }, orderBy: { entityType: 'asc' } }),
  ]);
  const { names, entityName } = await loadAuditNames(rows);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((row): TAuditEntry => ({
      id: row.id.toString(),
      createdAt: row.createdAt,
      ip: row.ip,
      actorName: row.actor ? `${row.actor.displayName}（${row.actor.loginName}）` : row.action === 'file-objection' ? '公众（异议人）' : '系统',
      actionLabel: auditActionLabel(row.action),
      entityLabel: auditEntityLabel(row.entityType),
      entityName: entityName(row),
      changes: describeChanges(row.before, row.after, names),
      raw: { action: row.action, entityType: row.entityType, entityId: row.entityId, before: row.before, after: row.after },
    })),
    actions: byLabel(actions.map((row) => ({ value: row.action, label: auditActionLabel(row.action) }))),
    entityTypes: byLabel(entityTypes.map((row) => ({ value: row.entityType, label: auditEntityLabel(row.entityType) }))),
  };
}
