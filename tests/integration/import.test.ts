import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { importOrganizations, importUsers } from '@/lib/import/service';
import { buildImportTemplate } from '@/lib/import/template';
import { readImportSheet } from '@/lib/import/workbook';
import { createUser } from '../support/factories';
import { createAdminTree } from '../support/users';
import { organizationWorkbook, userWorkbook } from '../support/workbooks';

const ip = '10.5.0.1';
let counter = 0;
const uniqueCode = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

async function counts() {
  const [organizations, audits, users] = await Promise.all([db.organization.count(), db.auditLog.count(), db.user.count()]);
  return { organizations, audits, users };
}

describe('organization import', () => {
  it('writes nothing when one row is bad, and names the row and column', async () => {
    const tree = await createAdminTree();
    const code = uniqueCode('IMP');
    const file = await organizationWorkbook([
      [code, '导入测试街道党工委', '', tree.districtA.code, '党工委', '街道社区', 0, '', ''],
      [`${code}-01`, '导入测试社区党支部', '', code, '支部', '街道社区', 'abc', '', ''],
      [`${code}-02`, '导入测试第二支部', '', code, '支部', '农村', 12, '', ''],
    ]);
    const before = await counts();
    const result = await importOrganizations({ data: file, fileName: 'orgs.xlsx' }, { actorId: tree.adminA.id, ip });
    expect(result).toEqual({ status: 'invalid', errors: [{ row: 3, column: '党员人数', message: '党员人数必须是数字' }] });
    expect(await counts()).toEqual(before);
  });

  it('creates a clean file (children listed before parents), then re-importing it changes nothing', async () => {
    const tree = await createAdminTree();
    const code = uniqueCode('IMP');
    const rows = [
      [`${code}-01`, '导入测试社区党支部', '幸福社区', code, '支部', '街道社区', 56, '韩梅', '13912345678'],
      [code, '导入测试街道党工委', '', tree.districtA.code, '党工委', '街道社区', 0, '', ''],
    ];
    const context = { actorId: tree.adminA.id, ip };
    const before = await counts();
    const first = await importOrganizations({ data: await organizationWorkbook(rows) }, context);
    expect(first).toEqual({ status: 'imported', summary: { created: 2, updated: 0, unchanged: 0 }, newAccounts: [] });
    const parent = await db.organization.findUniqueOrThrow({ where: { code } });
    const child = await db.organization.findUniqueOrThrow({ where: { code: `${code}-01` } });
    expect(parent.parentId).toBe(tree.districtA.id);
    expect(child).toMatchObject({ parentId: parent.id, path: `${parent.path}${child.id}/`, depth: parent.depth + 1, field: 'COMMUNITY', memberCount: 56, secretaryPhone: '13912345678' });
    const afterFirst = await counts();
    expect(afterFirst.organizations).toBe(before.organizations + 2);
    expect(await db.auditLog.count({ where: { action: 'import-organizations', actorId: tree.adminA.id } })).toBe(1);

    const again = await importOrganizations({ data: await organizationWorkbook(rows) }, context);
    expect(again).toEqual({ status: 'imported', summary: { created: 0, updated: 0, unchanged: 2 }, newAccounts: [] });
    expect(await counts()).toEqual(afterFirst);
    expect((await db.organization.findUniqueOrThrow({ where: { id: child.id } })).updatedAt).toEqual(child.updatedAt);

    rows[0][1] = '导入测试社区党委';
    const changed = await importOrganizations({ data: await organizationWorkbook(rows) }, context);
    expect(changed).toMatchObject({ status: 'imported', summary: { created: 0, updated: 1, unchanged: 1 } });
    expect((await db.organization.findUniqueOrThrow({ where: { id: child.id } })).name).toBe('导入测试社区党委');
    expect(await db.auditLog.count({ where: { entityId: child.id, action: 'update-organization' } })).toBe(1);
  });

  it('refuses a parent outside the admin’s subtree and an existing organization of a sibling subtree', async () => {
    const tree = await createAdminTree();
    const code = uniqueCode('IMP');
    const before = await counts();
    const result = await importOrganizations(
      {
        data: await organizationWorkbook([
          [code, '越界新建', '', tree.districtB.code, '支部', '', 0, '', ''],
          [tree.districtB.code, '改别人的名字', '', tree.root.code, '区委', '', 0, '', ''],
        ]),
      },
      { actorId: tree.adminA.id, ip },
    );
    expect(result).toEqual({
      status: 'invalid',
      errors: [
        { row: 2, column: '上级组织代码', message: `上级组织 ${tree.districtB.code} 不在您的管理范围内` },
        { row: 3, column: '组织代码', message: `组织代码 ${tree.districtB.code} 已被您管理范围以外的组织使用` },
      ],
    });
    expect(await counts()).toEqual(before);
    expect((await db.organization.findUniqueOrThrow({ where: { id: tree.districtB.id } })).name).toBe(tree.districtB.name);
  });

  it('refuses a non-admin outright', async () => {
    const tree = await createAdminTree();
    const member = await createUser({ roles: [{ role: 'MEMBER', organizationId: tree.branchA1.id }] });
    const file = await organizationWorkbook([[uniqueCode('IMP'), '无权导入', '', tree.branchA1.code, '支部', '', 0, '', '']]);
    await expect(importOrganizations({ data: file }, { actorId: member.id, ip })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('user import', () => {
  it('creates users with temporary passwords, mustChangePassword and their roles; re-importing changes nothing', async () => {
    const tree = await createAdminTree();
    const login = `imp${Date.now().toString(36)}`;
    const phone = `135${String(Date.now()).slice(-8)}`;
    const rows = [
      [login, '导入用户甲', phone, '支部书记', tree.branchA1.code],
      [login, '导入用户甲', '', '党员', tree.branchA1.code],
      [`${login}b`, '导入用户乙', '', '评审专家', tree.districtA.code],
    ];
    const context = { actorId: tree.adminA.id, ip };
    const result = await importUsers({ data: await userWorkbook(rows) }, context);
    if (result.status !== 'imported') throw new Error(JSON.stringify(result));
    expect(result.summary).toEqual({ created: 2, updated: 0, unchanged: 0, rolesAdded: 3 });
    expect(result.newAccounts.map((account) => account.loginName)).toEqual([login, `${login}b`]);

    const stored = await db.user.findUniqueOrThrow({ where: { loginName: login }, include: { roleAssignments: true } });
    expect(stored).toMatchObject({ displayName: '导入用户甲', phone, mustChangePassword: true, isDisabled: false });
    expect(stored.roleAssignments.map((grant) => grant.role).sort()).toEqual(['BRANCH_SECRETARY', 'MEMBER']);
    expect(await verifyPassword(stored.passwordHash, result.newAccounts[0].temporaryPassword)).toBe(true);
    const auditText = JSON.stringify((await db.auditLog.findMany({ where: { entityId: stored.id } })).map((row) => [row.before, row.after]));
    expect(auditText).not.toContain(result.newAccounts[0].temporaryPassword);

    const before = await counts();
    const again = await importUsers({ data: await userWorkbook(rows) }, context);
    expect(again).toEqual({ status: 'imported', summary: { created: 0, updated: 0, unchanged: 2, rolesAdded: 0 }, newAccounts: [] });
    expect(await counts()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: stored.id } })).passwordHash).toBe(stored.passwordHash);

    const extra = await importUsers({ data: await userWorkbook([[login, '导入用户甲', '', '评审专家', tree.districtA.code]]) }, context);
    expect(extra).toMatchObject({ status: 'imported', summary: { created: 0, updated: 1, rolesAdded: 1 }, newAccounts: [] });
    expect(await db.roleAssignment.count({ where: { userId: stored.id } })).toBe(3);
  });

  it('refuses an organization outside the admin’s subtree and writes nothing', async () => {
    const tree = await createAdminTree();
    const login = `imp${Date.now().toString(36)}x`;
    const before = await counts();
    const result = await importUsers(
      {
        data: await userWorkbook([
          [login, '越界用户', '', '党员', tree.branchA1.code],
          [login, '越界用户', '', '评审专家', tree.districtB.code],
        ]),
      },
      { actorId: tree.adminA.id, ip },
    );
    expect(result).toEqual({ status: 'invalid', errors: [{ row: 3, column: '所属组织代码', message: `组织 ${tree.districtB.code} 不在您的管理范围内` }] });
    expect(await counts()).toEqual(before);
    expect(await db.user.findUnique({ where: { loginName: login } })).toBeNull();
  });
});

describe('one round reports every error', () => {
  it('organizations: a bad 上级组织代码 is reported together with the other errors of its row and of the file', async () => {
    const tree = await createAdminTree();
    const code = uniqueCode('ONE');
    const file = await organizationWorkbook([
      [`${code}-A`, '上级不存在的支部', '', 'NO-SUCH-PARENT', '支部', '', 3, '', ''],
      [`${code}-B`, '人数和上级都错的支部', '', 'ALSO-MISSING', '支部', '', 'abc', '', ''],
      [`${code}-C`, '只有手机错的支部', '', tree.districtA.code, '支部', '', 5, '', '12345'],
      [`${code}-D`, '西', '', tree.districtB.code, '支部', '', 1, '', ''],
      [`${code}-E`, '下级挂在错行下面', '', `${code}-B`, '党小组', '', 1, '', ''],
    ]);
    const before = await counts();
    const result = await importOrganizations({ data: file, fileName: 'one-round.xlsx' }, { actorId: tree.adminA.id, ip });
    expect(result).toEqual({
      status: 'invalid',
      errors: [
        { row: 2, column: '上级组织代码', message: '上级组织代码 NO-SUCH-PARENT 在系统和本文件中都不存在' },
        { row: 3, column: '党员人数', message: '党员人数必须是数字' },
        { row: 3, column: '上级组织代码', message: '上级组织代码 ALSO-MISSING 在系统和本文件中都不存在' },
        { row: 4, column: '书记手机', message: '请填写 11 位手机号码' },
        { row: 5, column: '组织名称', message: '请填写组织全称（至少 2 个字）' },
        { row: 5, column: '上级组织代码', message: `上级组织 ${tree.districtB.code} 不在您的管理范围内` },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it('users: a bad 所属组织代码 is reported together with the other errors of its row', async () => {
    const tree = await createAdminTree();
    const login = `one${Date.now().toString(36)}`;
    const file = await userWorkbook([
      [login, '手机和组织都错', '123', '党员', 'NO-SUCH-ORG'],
      [`${login}b`, '角色和组织都错', '', '书记', tree.districtB.code],
      [`${login}c`, '只有组织错', '', '党员', 'NOT-THERE'],
    ]);
    const before = await counts();
    const result = await importUsers({ data: file }, { actorId: tree.adminA.id, ip });
    expect(result).toEqual({
      status: 'invalid',
      errors: [
        { row: 2, column: '手机号', message: '请填写 11 位手机号码' },
        { row: 2, column: '所属组织代码', message: '组织代码 NO-SUCH-ORG 不存在' },
        { row: 3, column: '角色', message: expect.stringContaining('角色“书记”不存在') },
        { row: 3, column: '所属组织代码', message: `组织 ${tree.districtB.code} 不在您的管理范围内` },
        { row: 4, column: '所属组织代码', message: '组织代码 NOT-THERE 不存在' },
      ],
    });
    expect(await counts()).toEqual(before);
  });
});

describe('import template', () => {
  it('has the data sheet with headers and drop-down lists, and a 说明 sheet; it reads back as an empty import', async () => {
    const buffer = await buildImportTemplate('users', 'SF');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['用户', '说明']);
    const sheet = workbook.getWorksheet('用户')!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['登录名', '姓名', '手机号', '角色', '所属组织代码']);
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"组织部管理员,党(工)委管理员,支部书记,评审专家,党员"'] });
    const raw = await readImportSheet(new Uint8Array(buffer), 'users');
    expect(raw).toEqual({ header: ['登录名', '姓名', '手机号', '角色', '所属组织代码'], rows: [] });
  });
});
