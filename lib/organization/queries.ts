import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { OrgField } from '@/lib/generated/prisma/enums';

function inScope(paths: readonly string[]): Prisma.OrganizationWhereInput {
  return { OR: paths.map((path) => ({ path: { startsWith: path } })) };
}

/** Organizations and users inside the given subtrees (paths of the admin's grants). */
export async function countAdminScope(paths: readonly string[]): Promise<{ organizations: number; users: number }> {
  const [organizations, users] = await Promise.all([
    db.organization.count({ where: inScope(paths) }),
    db.user.count({ where: { roleAssignments: { some: { organization: inScope(paths) } } } }),
  ]);
  return { organizations, users };
}

const TREE_ROW_SELECT = {
  id: true,
  parentId: true,
  path: true,
  depth: true,
  sortOrder: true,
  name: true,
  shortName: true,
  code: true,
  levelLabel: true,
  field: true,
  memberCount: true,
  secretaryName: true,
  secretaryPhone: true,
  isActive: true,
} satisfies Prisma.OrganizationSelect;

export type TOrgTreeRow = Prisma.OrganizationGetPayload<{ select: typeof TREE_ROW_SELECT }>;

/**
 * Every organization of the given subtrees in one query, flat; the page nests them (buildTree).
 * Carries the editable fields too, so the edit and move dialogs need no further round trip.
 */
export async function listOrganizationTree(paths: readonly string[]): Promise<TOrgTreeRow[]> {
  if (paths.length === 0) return [];
  return db.organization.findMany({ where: inScope(paths), select: TREE_ROW_SELECT, orderBy: [{ depth: 'asc' }, { sortOrder: 'asc' }] });
}

/** Active organizations of the given subtrees in tree order, for pickers (an expert's home organization). */
export async function listActiveOrganizations(paths: readonly string[]) {
  if (paths.length === 0) return [];
  return db.organization.findMany({
    where: { AND: [inScope(paths), { isActive: true }] },
    select: { id: true, name: true, depth: true, path: true },
    orderBy: { path: 'asc' },
    take: 3000,
  });
}

export type TFieldCount = { field: OrgField | null; organizations: number; members: number };

/** Active organizations and their 党员人数 per field (领域) inside the given subtrees; `null` = no field set. */
export async function countOrganizationsByField(paths: readonly string[]): Promise<TFieldCount[]> {
  if (paths.length === 0) return [];
  const groups = await db.organization.groupBy({
    by: ['field'],
    where: { AND: [inScope(paths), { isActive: true }] },
    _count: { _all: true },
    _sum: { memberCount: true },
  });
  return groups.map((group) => ({ field: group.field, organizations: group._count._all, members: group._sum.memberCount ?? 0 }));
}
