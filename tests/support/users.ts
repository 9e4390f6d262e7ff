import { db } from '@/lib/db';
import { createSession } from '@/lib/auth/session';
import { createOrg, createUser } from './factories';

/** root → district A (with branch a1), district B; an ORG_ADMIN at root, at A and at B. */
export async function createAdminTree() {
  const root = await createOrg({ levelLabel: '市委' });
  const districtA = await createOrg({ parent: root, levelLabel: '区委' });
  const districtB = await createOrg({ parent: root, levelLabel: '区委' });
  const branchA1 = await createOrg({ parent: districtA });
  const rootAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: root.id }] });
  const adminA = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: districtA.id }] });
  const adminB = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: districtB.id }] });
  return { root, districtA, districtB, branchA1, rootAdmin, adminA, adminB };
}

export async function openSession(userId: string): Promise<string> {
  return db.$transaction((tx) => createSession(tx, { userId, ip: '10.7.0.1', now: new Date() }));
}

export async function activeSessionCount(userId: string): Promise<number> {
  return db.userSession.count({ where: { userId, revokedAt: null } });
}
