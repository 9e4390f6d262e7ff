// Pure rules of the organization tree (materialized path "/rootId/childId/…/").

export function pathFor(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}

export function isInSubtree(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

/** Moving an organization under itself or one of its descendants would make a cycle. */
export function wouldCreateCycle(orgPath: string, newParentPath: string): boolean {
  return newParentPath.startsWith(orgPath);
}

/** `LIKE` pattern of a subtree; escapes the wildcards so an id can never widen the match. */
export function subtreeLikePattern(path: string): string {
  return `${path.replace(/[\\%_]/g, '\\$&')}%`;
}

export type TTreeNode<T> = T & { children: TTreeNode<T>[] };

/** Builds nested nodes from flat rows; rows whose parent is absent become roots. */
export function buildTree<T extends { id: string; parentId: string | null; sortOrder: number; name: string }>(
  rows: readonly T[],
): TTreeNode<T>[] {
  const nodes = new Map<string, TTreeNode<T>>(rows.map((row) => [row.id, { ...row, children: [] }]));
  const roots: TTreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TTreeNode<T>[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}
