import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { validateSession } from '@/lib/auth/session';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { canManageUser } from '@/lib/user/scope';
import { getScopedUser, listScopedUsers } from '@/lib/user/queries';
import { assignRole, removeRole } from '@/lib/user/role-service';
import { createUser as createAccount, resetUserPassword, setUserDisabled, unlockUser, updateUserProfile } from '@/lib/user/service';
import { createUser } from '../support/factories';
import { activeSessionCount, createAdminTree, openSession } from '../support/users';

const ip = '10.6.0.1';

describe('admin user management', () => {
  it('reset password: ends every session, sets a temporary password that must be changed, writes an audit row', async () => {
    const tree = await createAdminTree();
    const user = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: tree.branchA1.id }] });
    const sessions = [await openSession(user.id), await openSession(user.id)];

    const { temporaryPassword } = await resetUserPassword({ userId: user.id }, { actorId: tree.adminA.id, ip });

    expect(await activeSessionCount(user.id)).toBe(0);
    for (const sessionId of sessions) expect(await validateSession(sessionId)).toBeNull();
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.mustChangePassword).toBe(true);
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect(await verifyPassword(stored.passwordHash, temporaryPassword)).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: 'reset-password' } });
    expect(audit.actorId).toBe(tree.adminA.id);
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(temporaryPassword);

    const signIn = await signInWithPassword({ identifier: user.loginName, password: temporaryPassword, ip: '10.6.1.1' });
    if (!signIn.ok) throw new Error('sign-in with the temporary password failed');
    expect((await validateSession(signIn.sessionId))?.mustChangePassword).toBe(true);
  });

  it('disable: ends every session at once and refuses sign-in; enabling lets the user back in', async () => {
    const tree = await createAdminTree();
    const user = await createUser({ roles: [{ role: 'MEMBER', organizationId: tree.branchA1.id }] });
    const sessionId = await openSession(user.id);

    await setUserDisabled({ userId: user.id, isDisabled: true }, { actorId: tree.rootAdmin.id, ip });
    expect(await activeSessionCount(user.id)).toBe(0);
    expect(await validateSession(sessionId)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).isDisabled).toBe(true);

    await setUserDisabled({ userId: user.id, isDisabled: false }, { actorId: tree.rootAdmin.id, ip });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).isDisabled).toBe(false);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: { in: ['disable-user', 'enable-user'] } } })).toBe(2);
  });

  it('unlock: clears the lock and the failure count', async () => {
    const tree = await createAdminTree();
    const user = await createUser({ roles: [{ role: 'MEMBER', organizationId: tree.branchA1.id }] });
    await db.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() + 15 * 60_000), failedLoginCount: 7, lastFailedLoginAt: new Date() },
    });

    await unlockUser({ userId: user.id }, { actorId: tree.adminA.id, ip });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedUntil).toBeNull();
    expect(stored.failedLoginCount).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: 'unlock-user' } })).toBe(1);
  });

  it('scope: an admin of a sibling subtree can neither see nor manage the user', async () => {
    const tree = await createAdminTree();
    const user = await createUser({ roles: [{ role: 'BRANCH_SECRETARY', organizationId: tree.branchA1.id }] });
    const sessionId = await openSession(user.id);

    const grants = [{ role: 'BRANCH_SECRETARY' as const, path: tree.branchA1.path }];
    expect(canManageUser([tree.districtB.path], grants)).toBe(false);
    expect(canManageUser([tree.districtA.path], grants)).toBe(true);
    expect(canManageUser([tree.districtB.path, tree.root.path], grants)).toBe(true);

    const asB = { actorId: tree.adminB.id, ip };
    await expect(resetUserPassword({ userId: user.id }, asB)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setUserDisabled({ userId: user.id, isDisabled: true }, asB)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(unlockUser({ userId: user.id }, asB)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateUserProfile({ id: user.id, displayName: '改名' }, asB)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(assignRole({ userId: user.id, role: 'MEMBER', organizationId: tree.districtB.id }, asB)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await activeSessionCount(user.id)).toBe(1);
    expect((await validateSession(sessionId))?.id).toBe(user.id);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ isDisabled: false, displayName: user.displayName, passwordHash: user.passwordHash });

    expect(await getScopedUser([tree.districtB.path], user.id)).toBeNull();
    expect((await getScopedUser([tree.districtA.path], user.id))?.roles).toHaveLength(1);
    const listedForB = await listScopedUsers([tree.districtB.path], { q: user.loginName, page: 1 });
    expect(listedForB.total).toBe(0);
    const listedForA = await listScopedUsers([tree.districtA.path], { q: user.loginName, page: 1 });
    expect(listedForA.users.map((row) => row.id)).toEqual([user.id]);
  });

  it('creates users with a temporary password, in scope only, with Chinese messages for taken login names and phones', async () => {
    const tree = await createAdminTree();
    const loginName = `new-${Date.now().toString(36)}`;
    const phone = `137${String(Date.now()).slice(-8)}`;
    const created = await createAccount(
      { loginName, displayName: '新用户', phone, role: 'BRANCH_SECRETARY', organizationId: tree.branchA1.id },
      { actorId: tree.adminA.id, ip },
    );
    const stored = await db.user.findUniqueOrThrow({ where: { id: created.user.id }, include: { roleAssignments: true } });
    expect(stored.mustChangePassword).toBe(true);
    expect(await verifyPassword(stored.passwordHash, created.temporaryPassword)).toBe(true);
    expect(stored.roleAssignments).toMatchObject([{ role: 'BRANCH_SECRETARY', organizationId: tree.branchA1.id }]);

    await expect(
      createAccount({ loginName, displayName: '重名', role: 'MEMBER', organizationId: tree.branchA1.id }, { actorId: tree.adminA.id, ip }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '登录名已被使用，请换一个' });
    await expect(
      createAccount({ loginName: `${loginName}x`, displayName: '同号', phone, role: 'MEMBER', organizationId: tree.branchA1.id }, { actorId: tree.adminA.id, ip }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: '手机号已被其他账号使用' });
    await expect(
      createAccount({ loginName: `${loginName}y`, displayName: '越界', role: 'MEMBER', organizationId: tree.districtB.id }, { actorId: tree.adminA.id, ip }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      createAccount({ loginName: `${loginName}z`, displayName: '错号', phone: '12345', role: 'MEMBER', organizationId: tree.branchA1.id }, { actorId: tree.adminA.id, ip }),
    ).rejects.toThrow('请填写 11 位手机号码');
  });

  it('an admin cannot disable themselves, reset their own password or remove their own last ORG_ADMIN role', async () => {
    const tree = await createAdminTree();
    const self = { actorId: tree.adminA.id, ip };
    await expect(setUserDisabled({ userId: tree.adminA.id, isDisabled: true }, self)).rejects.toThrow('不能停用自己的账号');
    await expect(resetUserPassword({ userId: tree.adminA.id }, self)).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    await assignRole({ userId: tree.adminA.id, role: 'EXPERT', organizationId: tree.districtA.id }, self);
    await expect(removeRole({ userId: tree.adminA.id, role: 'ORG_ADMIN', organizationId: tree.districtA.id }, self)).rejects.toThrow(
      '不能移除您自己唯一的组织部管理员角色',
    );
    expect(await db.roleAssignment.count({ where: { userId: tree.adminA.id, role: 'ORG_ADMIN' } })).toBe(1);

    await removeRole({ userId: tree.adminA.id, role: 'EXPERT', organizationId: tree.districtA.id }, self);
    await expect(removeRole({ userId: tree.adminA.id, role: 'ORG_ADMIN', organizationId: tree.districtA.id }, self)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: tree.adminA.id } })).toMatchObject({ isDisabled: false });
  });

  it('assigns roles only inside the subtree and refuses removing a user’s last role', async () => {
    const tree = await createAdminTree();
    const user = await createUser({ roles: [{ role: 'MEMBER', organizationId: tree.branchA1.id }] });
    const asA = { actorId: tree.adminA.id, ip };
    await assignRole({ userId: user.id, role: 'EXPERT', organizationId: tree.districtA.id }, asA);
    await expect(assignRole({ userId: user.id, role: 'EXPERT', organizationId: tree.districtA.id }, asA)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(assignRole({ userId: user.id, role: 'EXPERT', organizationId: tree.root.id }, asA)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await removeRole({ userId: user.id, role: 'MEMBER', organizationId: tree.branchA1.id }, asA);
    await expect(removeRole({ userId: user.id, role: 'EXPERT', organizationId: tree.districtA.id }, asA)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const roles = await db.roleAssignment.findMany({ where: { userId: user.id } });
    expect(roles).toMatchObject([{ role: 'EXPERT', organizationId: tree.districtA.id }]);
  });
});
