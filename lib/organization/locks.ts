import type { TTx } from '@/lib/db';
import { subtreeLikePattern } from '@/lib/org-tree/tree';

// Row locks of the organization tree. Every statement locks its rows in id order, so a move, a
// disable and an enable that touch the same rows wait for each other instead of deadlocking.

/** Any fixed number: the key of the advisory lock that lets only one tree move run at a time. */
const TREE_MOVE_LOCK_KEY = 7_340_213;

/**
 * Two concurrent moves can build a cycle through rows neither of them touches (A under a child of B
 * while B goes under a child of A), so row locks cannot make the cycle check exact: moves, which are
 * rare, run one at a time instead. Only moves rewrite paths, so paths read after this stay true.
 */
export async function lockTreeForMove(tx: TTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_MOVE_LOCK_KEY})`;
}

/**
 * Locks a whole subtree (plus `extraId`, e.g. a move's new parent). A create under one of these rows
 * holds it FOR SHARE, so it either finishes first — and the caller's next statement sees the new row —
 * or waits and then reads the rewritten path or the disabled state.
 */
export async function lockSubtree(tx: TTx, path: string, extraId?: string): Promise<{ id: string; isActive: boolean }[]> {
  const rows = await tx.$queryRaw<{ id: string; is_active: boolean }[]>`
    SELECT id, is_active FROM organizations
    WHERE path LIKE ${subtreeLikePattern(path)} OR id = ${extraId ?? ''}
    ORDER BY id
    FOR UPDATE`;
  return rows.map((row) => ({ id: row.id, isActive: row.is_active }));
}

/** Locks a few rows by id; returns them as they are once the locks are held. */
export async function lockRows(tx: TTx, ids: string[]) {
  const rows = await tx.$queryRaw<{ id: string; parent_id: string | null; path: string; is_active: boolean }[]>`
    SELECT id, parent_id, path, is_active FROM organizations
    WHERE id = ANY(${ids})
    ORDER BY id
    FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, { id: row.id, parentId: row.parent_id, path: row.path, isActive: row.is_active }]));
}

/** Holds the parent while a child is inserted under it; returns its current path and state. */
export async function lockParentForInsert(tx: TTx, parentId: string) {
  const rows = await tx.$queryRaw<{ id: string; path: string; is_active: boolean }[]>`
    SELECT id, path, is_active FROM organizations WHERE id = ${parentId} FOR SHARE`;
  const row = rows[0];
  return row ? { id: row.id, path: row.path, isActive: row.is_active } : null;
}
