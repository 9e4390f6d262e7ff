// Pure helpers of the organization tree page: default expansion, search and move targets.
import { buildTree, type TTreeNode } from '@/lib/org-tree/tree';

type TViewRow = { id: string; parentId: string | null; path: string; name: string; shortName: string | null; code: string; isActive: boolean };

function idsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** How far below the top of the loaded scope a row sits (the admin's own root is 0). */
export function relativeDepths(rows: readonly TViewRow[]): Map<string, number> {
  const present = new Set(rows.map((row) => row.id));
  return new Map(rows.map((row) => [row.id, idsOf(row.path).filter((id) => present.has(id)).length - 1]));
}

/** Rows open at first: the top `levels` levels, so deeper branches start collapsed. */
export function initiallyExpandedIds(rows: readonly TViewRow[], levels = 2): Set<string> {
  const depths = relativeDepths(rows);
  return new Set(rows.filter((row) => (depths.get(row.id) ?? 0) < levels).map((row) => row.id));
}

export type TTreeSearch = { matchIds: Set<string>; visibleIds: Set<string>; expandedIds: Set<string> };

/**
 * Rows whose name, short name or code contains the query, shown with their ancestors; the ancestors
 * are opened so every match is on screen. Returns null for an empty query.
 */
export function searchTree(rows: readonly TViewRow[], query: string): TTreeSearch | null {
  const needle = query.trim().toLowerCase();
  if (!needle) return null;
  const present = new Set(rows.map((row) => row.id));
  const matches = rows.filter((row) => [row.name, row.shortName ?? '', row.code].some((text) => text.toLowerCase().includes(needle)));
  const visibleIds = new Set<string>();
  const expandedIds = new Set<string>();
  for (const row of matches) {
    for (const id of idsOf(row.path)) {
      if (!present.has(id)) continue;
      visibleIds.add(id);
      if (id !== row.id) expandedIds.add(id);
    }
  }
  return { matchIds: new Set(matches.map((row) => row.id)), visibleIds, expandedIds };
}

/**
 * Where `org` may be offered to move: active organizations other than itself and its current parent.
 * Its descendants stay in the list on purpose — the server refuses them with the reason, which tells
 * the admin more than an option that silently is not there.
 */
export function moveTargets<T extends TViewRow>(rows: readonly T[], org: TViewRow): T[] {
  return rows.filter((row) => row.isActive && row.id !== org.id && row.id !== org.parentId);
}

/** How many organizations lie below `org` in the loaded rows. */
export function countDescendants(rows: readonly TViewRow[], org: TViewRow): number {
  return rows.filter((row) => row.id !== org.id && row.path.startsWith(org.path)).length;
}

/** Rows depth-first in display order, so a list shows each organization right under its parent. */
export function treeOrder<T extends TViewRow & { sortOrder: number }>(rows: readonly T[]): T[] {
  const flatten = (nodes: TTreeNode<T>[]): T[] => nodes.flatMap((node) => [node, ...flatten(node.children)]);
  return flatten(buildTree(rows));
}
