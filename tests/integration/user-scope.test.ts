import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { validateSession } from '@/lib/auth/session';
import { importUsers } from '@/lib/import/service';
import { getScopedUser } from '@/lib/user/queries';
import { canManageUser } from '@/lib/user/scope';
import { assignRole, removeRole } from '@/lib/user/role-service';
import { resetUserPassword, setUserDisabled, unlockUser, updateUserProfile } from '@/lib/user/service';
import { createOrg, createUser } from '../support/factories';
import { createAdminTree, openSession } from '../support/users';
import { userWorkbook } from '../support/workbooks';

const ip = '10.6.2.1';

/** Every management step the admin could try on the user; each must be refused and change nothing. */
async function expectUnmanageable(actorId: string, user: { id: string; loginName: string; passwordHash: string; displayName: string }, orgId: string) {
  const as = { actorId, ip };
  const sessionId = await openSession(user.id);
  await expect(resetUserPassword({ userId: user.id }, as)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(setUserDisabled({ userId: user.id, isDisabled: true }, as)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(unlockUser({ userId: user.id }, as)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(updateUserProfile({ id: user.id, displayName: '被改名' }, as)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(assignRole({ userId: user.id, role: 'EXPERT', organizationId: orgId }, as)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await expect(removeRole({ userId: user.id, role: 'MEMBER', organizationId: orgId }, as)).rejects.toMatchObject({ code: 'FORBIDDEN' });

  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(stored).toMatchObject({ passwordHash: user.passwordHash, isDisabled: false, displayName: user.displayName, mustChangePassword: false });
  expect((await validateSession(sessionId))?.id).toBe(user.id);
  expect(await db.auditLog.count({ where: { entityId: user.id, actorId } })).toBe(0);
}

describe('which accounts an admin may manage', () => {
  it('a district admin cannot take over the root admin who also holds a member role in the district', async () => {
    const tree = await createAdminTree();
    await db.roleAssignment.create({ data: { userId: tree.rootAdmin.id, role: 'MEMBER', organizationId: tree.branchA1.id } });
    await db.roleAssignment.create({ data: { userId: tree.rootAdmin.id, role: 'EXPERT', organizationId: tree.branchA1.id } });
    await expectUnmanageable(tree.adminA.id, tree.rootAdmin, tree.branchA1.id);
    // The user page shows the account read-only.
    expect(await getScopedUser([tree.districtA.path], tree.rootAdmin.id)).toMatchObject({ isManageable: false, hiddenRoleCount: 1 });

    // The import cannot reach the account either (it would rename it or add roles).
    const result = await importUsers({ data: await userWorkbook([[tree.rootAdmin.loginName, '导入改名', '', '党员', tree.branchA1.code]]) }, { actorId: tree.adminA.id, ip });
    expect(result).toEqual({
      status: 'invalid',
      errors: [{ row: 2, column: '登录名', message: `登录名 ${tree.rootAdmin.loginName} 已被您管理范围以外的账号使用，请换一个登录名` }],
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: tree.rootAdmin.id } })).displayName).toBe(tree.rootAdmin.displayName);
  });

  it('refuses a peer admin of the same organization and a user with a role outside the subtree', async () => {
    const tree = await createAdminTree();
    const peer = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: tree.districtA.id }, { role: 'MEMBER', organizationId: tree.branchA1.id }] });
    await expectUnmanageable(tree.adminA.id, peer, tree.branchA1.id);

    const straddling = await createUser({ roles: [{ role: 'MEMBER', organizationId: tree.branchA1.id }, { role: 'MEMBER', organizationId: tree.districtB.id }] });
    await expectUnmanageable(tree.adminA.id, straddling, tree.branchA1.id);

    // The root admin, above both, manages them.
    await setUserDisabled({ userId: straddling.id, isDisabled: true }, { actorId: tree.rootAdmin.id, ip });
    await resetUserPassword({ userId: peer.id }, { actorId: tree.rootAdmin.id, ip });
    expect(await db.auditLog.count({ where: { actorId: tree.rootAdmin.id, entityId: { in: [peer.id, straddling.id] } } })).toBe(2);
  });

  it('still manages accounts whose roles all lie below the admin, admins of lower organizations included', async () => {
    const tree = await createAdminTree();
    const subBranch = await createOrg({ parent: tree.branchA1 });
    const lowerAdmin = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId: tree.branchA1.id }, { role: 'MEMBER', organizationId: subBranch.id }] });
    const member = await createUser({ roles: [{ role: 'MEMBER', organizationId: tree.districtA.id }] });
    const as = { actorId: tree.adminA.id, ip };
    await resetUserPassword({ userId: lowerAdmin.id }, as);
    await setUserDisabled({ userId: member.id, isDisabled: true }, as);
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).isDisabled).toBe(true);
    expect(await getScopedUser([tree.districtA.path], lowerAdmin.id)).toMatchObject({ isManageable: true });

    const grant = (role: 'ORG_ADMIN' | 'MEMBER', path: string) => ({ role, path });
    expect(canManageUser([tree.districtA.path], [grant('MEMBER', tree.districtA.path)])).toBe(true);
    expect(canManageUser([tree.districtA.path], [grant('ORG_ADMIN', tree.branchA1.path)])).toBe(true);
    expect(canManageUser([tree.districtA.path], [grant('ORG_ADMIN', tree.districtA.path)])).toBe(false);
    expect(canManageUser([tree.districtA.path], [grant('MEMBER', tree.branchA1.path), grant('ORG_ADMIN', tree.root.path)])).toBe(false);
    expect(canManageUser([tree.districtA.path, tree.districtB.path], [grant('MEMBER', tree.branchA1.path), grant('MEMBER', tree.districtB.path)])).toBe(true);
    expect(canManageUser([tree.districtA.path], [])).toBe(false);
  });
});
