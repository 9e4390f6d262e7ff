import { db } from '@/lib/db';

/** Organizations and users inside the given subtrees (paths of the admin's grants). */
export async function countAdminScope(paths: readonly string[]): Promise<{ organizations: number; users: number }> {
  const inScope = paths.map((path) => ({ path: { startsWith: path } }));
  const [organizations, users] = await Promise.all([
    db.organization.count({ where: { OR: inScope } }),
    db.user.count({ where: { roleAssignments: { some: { organization: { OR: inScope } } } } }),
  ]);
  return { organizations, users };
}
