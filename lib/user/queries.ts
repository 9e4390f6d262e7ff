import { db, dbNow } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { buildTree, type TTreeNode } from '@/lib/org-tree/tree';
import { canManageUser, isPathInScope } from '@/lib/user/scope';
import { PAGE_SIZE, type TUserSearch } from '@/lib/user/schema';

const inScope = (adminPaths: readonly string[]): Prisma.OrganizationWhereInput => ({
  OR: adminPaths.map((path) => ({ path: { startsWith: path } })),
});

const userSummarySelect = {
  id: true,
  loginName: true,
  displayName: true,
  phone: true,
  isDisabled: true,
  mustChangePassword: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
  roleAssignments: {
    select: { role: true, organization: { select: { id: true, name: true, code: true, path: true } } },
    orderBy: { createdAt: 'asc' },
  },
} satisfies Prisma.UserSelect;

type TUserRow = Prisma.UserGetPayload<{ select: typeof userSummarySelect }>;

/**
 * Only the roles the admin may see; `isLocked` is judged by database time. `isManageable`: the admin may change the
 * account (lib/user/scope.ts canManageUser); otherwise it is shown read-only.
 */
function toSummary(user: TUserRow, adminPaths: readonly string[], now: Date) {
  const { roleAssignments, lockedUntil, ...rest } = user;
  const roles = roleAssignments
    .filter((grant) => isPathInScope(adminPaths, grant.organization.path))
    .map((grant) => ({
      role: grant.role,
      organizationId: grant.organization.id,
      organizationName: grant.organization.name,
      organizationCode: grant.organization.code,
    }));
  return {
    ...rest,
    lockedUntil,
    isLocked: !!lockedUntil && lockedUntil > now,
    isManageable: canManageUser(adminPaths, roleAssignments.map((grant) => ({ role: grant.role, path: grant.organization.path }))),
    roles,
    hiddenRoleCount: roleAssignments.length - roles.length,
  };
}

export type TUserSummary = ReturnType<typeof toSummary>;

/** Users holding a role in the admin's subtrees, filtered and paged (20 per page). */
export async function listScopedUsers(adminPaths: readonly string[], search: TUserSearch) {
  const grantFilter: Prisma.RoleAssignmentWhereInput = { organization: inScope(adminPaths), ...(search.role ? { role: search.role } : {}) };
  const where: Prisma.UserWhereInput = {
    roleAssignments: { some: grantFilter },
    ...(search.q
      ? {
          OR: [
            { displayName: { contains: search.q, mode: 'insensitive' } },
            { loginName: { contains: search.q, mode: 'insensitive' } },
            { phone: { contains: search.q } },
          ],
        }
      : {}),
  };
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const [users, now] = await Promise.all([
    db.user.findMany({
      where,
      select: userSummarySelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    dbNow(),
  ]);
  return { users: users.map((user) => toSummary(user, adminPaths, now)), total, page, pageCount };
}

/** One user, or null when the user does not exist or lies outside the admin's scope. */
export async function getScopedUser(adminPaths: readonly string[], userId: string) {
  const [user, now] = await Promise.all([db.user.findUnique({ where: { id: userId }, select: userSummarySelect }), dbNow()]);
  if (!user) return null;
  const summary = toSummary(user, adminPaths, now);
  return summary.roles.length > 0 ? summary : null;
}

export type TOrganizationOption = { id: string; name: string; code: string; depth: number };

/** Active organizations of the admin's subtrees in tree order, for role pickers. */
export async function listScopeOrganizationOptions(adminPaths: readonly string[]): Promise<TOrganizationOption[]> {
  const rows = await db.organization.findMany({
    where: { AND: [inScope(adminPaths), { isActive: true }] },
    select: { id: true, parentId: true, sortOrder: true, name: true, code: true },
  });
  const options: TOrganizationOption[] = [];
  const walk = (nodes: TTreeNode<(typeof rows)[number]>[], depth: number) => {
    for (const node of nodes) {
      options.push({ id: node.id, name: node.name, code: node.code, depth });
      walk(node.children, depth + 1);
    }
  };
  walk(buildTree(rows), 0);
  return options;
}
