import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { validateSession } from '@/lib/auth/session';
import { assertOrgAdminOver, isOwnScopeRoot } from '@/lib/organization/access';
import { createOrganization, moveOrganization, setOrganizationActive, updateOrganization } from '@/lib/organization/service';
import { depthOf, pathFor } from '@/lib/org-tree/tree';
import { createOrg, createUser, TEST_PASSWORD } from '../support/factories';

let codeCounter = 0;
const newCode = () => `IT-${Date.now().toString(36)}-${(codeCounter++).toString(36)}`;
const orgInput = (parentId: string, extra: Record<string, unknown> = {}) => ({
  parentId,
  name: '集成测试党支部',
  code: newCode(),
  levelLabel: '支部',
  memberCount: 12,
  ...extra,
});

async function actor() {
  const user = await createUser();
  return { actorId: user.id, ip: '10.9.0.1' };
}

/** A small tree: root → a → a1 → a11, root → b → b1. */
async function seedTree() {
  const root = await createOrg({ levelLabel: '市委' });
  const a = await createOrg({ parent: root, levelLabel: '区委' });
  const b = await createOrg({ parent: root, levelLabel: '区委' });
  const a1 = await createOrg({ parent: a, levelLabel: '党委' });
  const a11 = await createOrg({ parent: a1 });
  const b1 = await createOrg({ parent: b, levelLabel: '党委' });
  return { root, a, b, a1, a11, b1 };
}

async function subtreeRows(rootPath: string) {
  return db.organization.findMany({
    where: { path: { startsWith: rootPath } },
    select: { id: true, parentId: true, path: true, depth: true, isActive: true },
    orderBy: { id: 'asc' },
  });
}

/** Every row's path is its parent's path plus its id, depths match, and walking up always ends at the root. */
async function expectConsistentTree(rootPath: string) {
  const rows = await subtreeRows(rootPath);
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of rows) {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (row.path !== rootPath) {
      expect(parent, `parent of ${row.id} is inside the tree`).toBeDefined();
      expect(row.path).toBe(pathFor(parent!.path, row.id));
    }
    expect(row.depth).toBe(depthOf(row.path));
    let steps = 0;
    for (let current = row; current.path !== rootPath; current = byId.get(current.parentId!)!) {
      expect(++steps, `walking up from ${row.id} reaches the root`).toBeLessThan(rows.length);
    }
  }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('creating and editing organizations', () => {
  it('computes path and depth from the parent and writes the audit row with it', async () => {
    const { a1 } = await seedTree();
    const context = await actor();
    const created = await createOrganization(orgInput(a1.id, { shortName: '', secretaryPhone: '' }), context);
    expect(created.path).toBe(`${a1.path}${created.id}/`);
    expect(created.depth).toBe(a1.depth + 1);
    expect(created.shortName).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: created.id } });
    expect(audit).toMatchObject({ action: 'create-organization', actorId: context.actorId, ip: '10.9.0.1' });
  });

  it('rolls the organization and its audit row back together', async () => {
    const { a } = await seedTree();
    const context = await actor();
    const code = newCode();
    await expect(
      db.$transaction(async (tx) => {
        await createOrganization(orgInput(a.id, { code }), { ...context, tx });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await db.organization.count({ where: { code } })).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: context.actorId } })).toBe(0);
  });

  it('refuses a duplicate code with a Chinese message on the code field', async () => {
    const { a, b } = await seedTree();
    const context = await actor();
    const code = newCode();
    await createOrganization(orgInput(a.id, { code }), context);
    const onCreate = await rejection(createOrganization(orgInput(b.id, { code }), context));
    expect(onCreate.message).toBe('组织代码已被使用');
    expect(onCreate.fieldErrors).toEqual({ code: '组织代码已被使用' });
    const other = await createOrganization(orgInput(b.id), context);
    const onRename = await rejection(updateOrganization({ ...orgInput(b.id, { code }), id: other.id }, context));
    expect(onRename.fieldErrors?.code).toBe('组织代码已被使用');
    expect(await db.organization.count({ where: { code } })).toBe(1);
  });

  it('renames an organization and keeps its place in the tree', async () => {
    const { a1 } = await seedTree();
    const context = await actor();
    const renamed = await updateOrganization({ id: a1.id, name: '改名后的党委', code: a1.code, levelLabel: '党委', memberCount: 3 }, context);
    expect(renamed).toMatchObject({ name: '改名后的党委', path: a1.path, parentId: a1.parentId, memberCount: 3 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: a1.id, action: 'update-organization' } });
    expect(audit.before).toMatchObject({ name: a1.name });
  });
});

describe('moving organizations', () => {
  it('rewrites the paths and depths of the whole subtree', async () => {
    const { root, a1, a11, b1 } = await seedTree();
    const context = await actor();
    await moveOrganization({ id: a1.id, newParentId: b1.id }, context);
    const moved = await db.organization.findUniqueOrThrow({ where: { id: a1.id } });
    const grandchild = await db.organization.findUniqueOrThrow({ where: { id: a11.id } });
    expect(moved).toMatchObject({ parentId: b1.id, path: `${b1.path}${a1.id}/`, depth: b1.depth + 1 });
    expect(grandchild).toMatchObject({ path: `${b1.path}${a1.id}/${a11.id}/`, depth: b1.depth + 2 });
    await expectConsistentTree(root.path);
    expect(await db.auditLog.count({ where: { entityId: a1.id, action: 'move-organization' } })).toBe(1);
  });

  it('refuses a move under itself or a descendant and changes nothing', async () => {
    const { root, a, a1, a11 } = await seedTree();
    const context = await actor();
    const before = await subtreeRows(root.path);
    for (const newParentId of [a.id, a1.id, a11.id]) {
      const error = await rejection(moveOrganization({ id: a.id, newParentId }, context));
      expect(error.message).toBe('不能把组织移动到它自己或它的下级组织之下');
      expect(error.fieldErrors?.newParentId).toBeDefined();
    }
    expect(await subtreeRows(root.path)).toEqual(before);
    expect(await db.auditLog.count({ where: { actorId: context.actorId } })).toBe(0);
  });

  it('refuses a disabled target and moving the top organization', async () => {
    const { root, a, b } = await seedTree();
    const context = await actor();
    await setOrganizationActive({ id: b.id, isActive: false }, context);
    expect((await rejection(moveOrganization({ id: a.id, newParentId: b.id }, context))).message).toBe('目标上级组织已停用');
    expect((await rejection(moveOrganization({ id: root.id, newParentId: a.id }, context))).message).toMatch(/不能把组织移动|顶级组织不能移动/);
  });

  it('of two parallel moves that together would make a cycle, exactly one succeeds', async () => {
    const { root, a, b } = await seedTree();
    const context = await actor();
    const results = await Promise.allSettled([
      moveOrganization({ id: a.id, newParentId: b.id }, context),
      moveOrganization({ id: b.id, newParentId: a.id }, context),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect(refused.reason.message).toBe('不能把组织移动到它自己或它的下级组织之下');
    await expectConsistentTree(root.path);
  });

  it('also when the cycle would run through descendants neither move touches', async () => {
    // a under b1 (b's child) and b under a1 (a's child) lock disjoint rows, yet together form a cycle.
    const { root, a, b, a1, b1 } = await seedTree();
    const context = await actor();
    const results = await Promise.allSettled([
      moveOrganization({ id: a.id, newParentId: b1.id }, context),
      moveOrganization({ id: b.id, newParentId: a1.id }, context),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    await expectConsistentTree(root.path);
  });

  it('a child created while its parent moves ends up with the new path', async () => {
    const { root, a1, b1 } = await seedTree();
    const context = await actor();
    const [created] = await Promise.all([
      createOrganization(orgInput(a1.id), context),
      moveOrganization({ id: a1.id, newParentId: b1.id }, context),
    ]);
    const child = await db.organization.findUniqueOrThrow({ where: { id: created.id } });
    expect(child.path).toBe(`${b1.path}${a1.id}/${created.id}/`);
    await expectConsistentTree(root.path);
  });
});

describe('disabling and enabling organizations', () => {
  it('disabling covers the whole subtree and nothing outside it', async () => {
    const { root, a, a1, a11, b } = await seedTree();
    const context = await actor();
    const result = await setOrganizationActive({ id: a.id, isActive: false }, context);
    expect(result.affected).toBe(3);
    const rows = await subtreeRows(root.path);
    const inactive = rows.filter((row) => !row.isActive).map((row) => row.id).sort();
    expect(inactive).toEqual([a.id, a1.id, a11.id].sort());
    expect(rows.find((row) => row.id === b.id)?.isActive).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: a.id, action: 'disable-organization' } });
    expect(audit.after).toMatchObject({ isActive: false, affected: 3 });
  });

  it('refuses new children under a disabled organization', async () => {
    const { a, a1 } = await seedTree();
    const context = await actor();
    await setOrganizationActive({ id: a.id, isActive: false }, context);
    const error = await rejection(createOrganization(orgInput(a1.id), context));
    expect(error.fieldErrors?.parentId).toBe('上级组织已停用');
  });

  it('refuses enabling a child while its parent is disabled; enabling the parent leaves the children as they are', async () => {
    const { a, a1 } = await seedTree();
    const context = await actor();
    await setOrganizationActive({ id: a.id, isActive: false }, context);
    const error = await rejection(setOrganizationActive({ id: a1.id, isActive: true }, context));
    expect(error.message).toBe('上级组织已停用，请先启用上级组织');
    await setOrganizationActive({ id: a.id, isActive: true }, context);
    expect((await db.organization.findUniqueOrThrow({ where: { id: a.id } })).isActive).toBe(true);
    expect((await db.organization.findUniqueOrThrow({ where: { id: a1.id } })).isActive).toBe(false);
    await setOrganizationActive({ id: a1.id, isActive: true }, context);
    expect((await db.organization.findUniqueOrThrow({ where: { id: a1.id } })).isActive).toBe(true);
  });

  it('a child created while its parent is disabled is either refused or disabled too', async () => {
    const { a, a1 } = await seedTree();
    const context = await actor();
    const [created] = await Promise.allSettled([
      createOrganization(orgInput(a1.id), context),
      setOrganizationActive({ id: a.id, isActive: false }, context),
    ]);
    if (created.status === 'fulfilled') {
      expect((await db.organization.findUniqueOrThrow({ where: { id: created.value.id } })).isActive).toBe(false);
    } else {
      expect(created.reason.message).toBe('上级组织已停用，不能在其下新建组织');
    }
  });
});

describe('ORG_ADMIN scope', () => {
  async function orgAdminAt(organizationId: string) {
    const user = await createUser({ roles: [{ role: 'ORG_ADMIN', organizationId }] });
    const signIn = await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: '10.9.0.2' });
    if (!signIn.ok) throw new Error('sign-in failed');
    return (await validateSession(signIn.sessionId))!;
  }

  it('an admin scoped to A acts inside A but not on sibling B, nor moves into B', async () => {
    const { root, a, a1, a11, b, b1 } = await seedTree();
    const admin = await orgAdminAt(a.id);
    await expect(assertOrgAdminOver(admin.roles, [a.id, a1.id, a11.id])).resolves.toBeUndefined();
    for (const outside of [[b.id], [b1.id], [root.id], [a1.id, b1.id], ['no-such-org']]) {
      const error = await rejection(assertOrgAdminOver(admin.roles, outside));
      expect(error.code).toBe('FORBIDDEN');
    }
  });

  it('a committee admin at A is no ORG_ADMIN there', async () => {
    const { a } = await seedTree();
    const user = await createUser({ roles: [{ role: 'COMMITTEE_ADMIN', organizationId: a.id }] });
    const signIn = await signInWithPassword({ identifier: user.loginName, password: TEST_PASSWORD, ip: '10.9.0.3' });
    if (!signIn.ok) throw new Error('sign-in failed');
    const session = (await validateSession(signIn.sessionId))!;
    expect((await rejection(assertOrgAdminOver(session.roles, [a.id]))).code).toBe('FORBIDDEN');
  });

  it('follows a move at once: the scope is the organization’s current path', async () => {
    const { a, b, b1 } = await seedTree();
    const admin = await orgAdminAt(b.id);
    await moveOrganization({ id: b1.id, newParentId: a.id }, await actor());
    expect((await rejection(assertOrgAdminOver(admin.roles, [b1.id]))).code).toBe('FORBIDDEN');
  });

  it('knows the top of the admin’s own scope (which the admin may not disable)', async () => {
    const { a, a1 } = await seedTree();
    const admin = await orgAdminAt(a.id);
    expect(isOwnScopeRoot(admin.roles, a.id)).toBe(true);
    expect(isOwnScopeRoot(admin.roles, a1.id)).toBe(false);
  });
});
