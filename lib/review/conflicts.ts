// 回避 from the organization tree: an expert does not review an entry of their own organization, of an organization
// they sit above (below the campaign's owner), or of one above them. The organization department itself — the owner
// and anything above it — conflicts with nobody by this rule. Pure, shared by the assignment plan and the services.

export type TConflictKind = 'SAME_ORGANIZATION' | 'ANCESTOR' | 'DESCENDANT' | 'DECLARED';

export const CONFLICT_LABELS: Record<TConflictKind, string> = {
  SAME_ORGANIZATION: '专家所在单位即申报单位',
  ANCESTOR: '专家所在单位是申报单位的上级党组织',
  DESCENDANT: '专家所在单位是申报单位的下级组织',
  DECLARED: '专家已声明回避',
};

const idsOf = (path: string) => path.split('/').filter(Boolean);

/** The tree conflict between an expert's home organization and an entry's organization, or null. */
export function treeConflict(expertHomePath: string | null, entryPath: string, ownerOrgId: string): Exclude<TConflictKind, 'DECLARED'> | null {
  if (!expertHomePath) return null;
  const home = idsOf(expertHomePath).at(-1);
  const entryIds = idsOf(entryPath);
  if (!home || entryIds.length === 0) return null;
  if (home === entryIds.at(-1)) return 'SAME_ORGANIZATION';
  const ownerIndex = entryIds.indexOf(ownerOrgId);
  const homeIndex = entryIds.indexOf(home);
  if (homeIndex >= 0) return homeIndex > ownerIndex ? 'ANCESTOR' : null;
  return expertHomePath.startsWith(entryPath) ? 'DESCENDANT' : null;
}

/** Key of a declared conflict (expert, entry). */
export const declaredKey = (expertId: string, entryId: string) => `${expertId}:${entryId}`;

export function conflictOf(
  expert: { id: string; homePath: string | null },
  entry: { id: string; path: string },
  ownerOrgId: string,
  declared: ReadonlySet<string>,
): TConflictKind | null {
  if (declared.has(declaredKey(expert.id, entry.id))) return 'DECLARED';
  return treeConflict(expert.homePath, entry.path, ownerOrgId);
}
