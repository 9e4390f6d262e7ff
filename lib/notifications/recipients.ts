// Who receives a notice, read inside the notifying transaction: active accounts holding a role now, in an active
// organization. A role holds for its organization's subtree, so "the secretaries of an entry" are the
// BRANCH_SECRETARY grants at the entry's organization or above it (those who can edit it).
import type { TTx } from '@/lib/db';
import type { Role } from '@/lib/generated/prisma/enums';
import { subtreeLikePattern } from '@/lib/org-tree/tree';

/** Holders of `roles` whose grant covers the organization at `path` (granted there or at an ancestor: the ids in its path). */
export async function usersCovering(tx: TTx, roles: readonly Role[], path: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT u.id FROM role_assignments ra
    JOIN users u ON u.id = ra.user_id AND NOT u.is_disabled
    JOIN organizations o ON o.id = ra.organization_id AND o.is_active
    WHERE ra.role::text = ANY(${[...roles]}::text[]) AND ra.organization_id = ANY(string_to_array(trim(both '/' from ${path}::text), '/'))
    ORDER BY u.id`;
  return rows.map((row) => row.id);
}

/** Holders of `roles` granted strictly above the organization at `path` (its committees and organization departments). */
export async function usersAbove(tx: TTx, roles: readonly Role[], path: string): Promise<string[]> {
  const parent = path.replace(/[^/]+\/$/, '');
  return parent.replace(/\//g, '') ? usersCovering(tx, roles, parent) : [];
}

/** Holders of `roles` granted at the organization itself (e.g. the committee admins who act for it). */
export async function usersAt(tx: TTx, roles: readonly Role[], organizationId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT u.id FROM role_assignments ra
    JOIN users u ON u.id = ra.user_id AND NOT u.is_disabled
    JOIN organizations o ON o.id = ra.organization_id AND o.is_active
    WHERE ra.role::text = ANY(${[...roles]}::text[]) AND ra.organization_id = ${organizationId}
    ORDER BY u.id`;
  return rows.map((row) => row.id);
}

/** Holders of `roles` granted anywhere in the subtree at `path` (the organization itself included). */
export async function usersWithin(tx: TTx, roles: readonly Role[], path: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT u.id FROM role_assignments ra
    JOIN users u ON u.id = ra.user_id AND NOT u.is_disabled
    JOIN organizations o ON o.id = ra.organization_id AND o.is_active
    WHERE ra.role::text = ANY(${[...roles]}::text[]) AND o.path LIKE ${subtreeLikePattern(path)}
    ORDER BY u.id`;
  return rows.map((row) => row.id);
}

/** Phones of these accounts (for reminders that also go out by SMS). */
export async function phonesOf(tx: TTx, userIds: readonly string[]): Promise<{ userId: string; phone: string }[]> {
  if (!userIds.length) return [];
  const rows = await tx.user.findMany({ where: { id: { in: [...userIds] }, phone: { not: null } }, select: { id: true, phone: true } });
  return rows.map((row) => ({ userId: row.id, phone: row.phone! }));
}
