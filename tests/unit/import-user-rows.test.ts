import { describe, expect, it } from 'vitest';
import { USER_COLUMNS } from '@/lib/import/columns';
import { mapSheetRows } from '@/lib/import/rows';
import { parseUserRows, planUserImport, type TUserLookups } from '@/lib/import/user-rows';
import { uploadProblem } from '@/lib/import/upload';

const HEADER = USER_COLUMNS.map((column) => column.header);

/** Cells in template order: 登录名, 姓名, 手机号, 角色, 所属组织代码. */
function parse(...rows: string[][]) {
  const mapped = mapSheetRows({ header: HEADER, rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })) }, USER_COLUMNS);
  expect(mapped.errors).toEqual([]);
  return parseUserRows(mapped.rows);
}

const lookups: TUserLookups = {
  usersByLogin: new Map([
    ['known', { id: 'u1', loginName: 'known', displayName: '老用户', phone: '13900000001', grants: [{ role: 'MEMBER', organizationId: 'b1', path: '/city/d1/b1/' }] }],
    ['stranger', { id: 'u2', loginName: 'stranger', displayName: '外人', phone: null, grants: [{ role: 'MEMBER', organizationId: 'x', path: '/other/x/' }] }],
  ]),
  phoneOwners: new Map([['13900000001', 'known']]),
  orgsByCode: new Map([
    ['B1', { id: 'b1', path: '/city/d1/b1/', isActive: true }],
    ['X', { id: 'x', path: '/other/x/', isActive: true }],
  ]),
};
const scope = ['/city/'];

describe('user rows: each row on its own', () => {
  it('reports bad fields and unknown roles with row number and column, in Chinese', () => {
    const { accounts, errors } = parse(['zhangsan', '张三', '13800000000', '支部书记', 'B1'], ['9bad', '', '123', '书记', 'B1']);
    expect(accounts.map((account) => account.loginName)).toEqual(['zhangsan']);
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: '登录名', message: '登录名须以字母开头，只能包含字母、数字、-、_ 和 .' },
        { row: 3, column: '姓名', message: '请填写姓名' },
        { row: 3, column: '手机号', message: '请填写 11 位手机号码' },
        { row: 3, column: '角色', message: expect.stringContaining('角色“书记”不存在') },
      ]),
    );
  });

  it('gathers one account from several rows, one per role, and checks they agree', () => {
    const { accounts, errors } = parse(
      ['ZhangSan', '张三', '13800000000', '支部书记', 'B1'],
      ['zhangsan', '张三', '', '党员', 'B1'],
      ['zhangsan', '张三丰', '', '评审专家', 'B1'],
      ['zhangsan', '张三', '', '党员', 'B1'],
      ['lisi', '李四', '13800000000', '党员', 'B1'],
    );
    expect(accounts[0]).toMatchObject({ loginName: 'zhangsan', phone: '13800000000', grants: [{ role: 'BRANCH_SECRETARY' }, { role: 'MEMBER' }] });
    expect(errors).toEqual([
      { row: 4, column: '姓名', message: '与第 2 行同一登录名的姓名不一致' },
      { row: 5, column: '角色', message: '与第 3 行重复（同一用户、角色和组织）' },
      { row: 6, column: '手机号', message: '手机号与第 2 行的另一登录名重复' },
    ]);
  });
});

describe('user rows against the database', () => {
  it('refuses organizations outside the scope, unknown codes, foreign login names and taken phones', () => {
    const { accounts } = parse(
      ['newbie', '新人', '', '党员', 'X'],
      ['other', '别人', '', '党员', 'NOPE'],
      ['stranger', '外人', '', '党员', 'B1'],
      ['thief', '偷号', '13900000001', '党员', 'B1'],
    );
    expect(planUserImport(accounts, lookups, scope).errors).toEqual([
      { row: 2, column: '所属组织代码', message: '组织 X 不在您的管理范围内' },
      { row: 3, column: '所属组织代码', message: '组织代码 NOPE 不存在' },
      { row: 4, column: '登录名', message: '登录名 stranger 已被您管理范围以外的账号使用，请换一个登录名' },
      { row: 5, column: '手机号', message: '手机号 13900000001 已被其他账号使用' },
    ]);
  });

  it('creates new accounts, adds only missing roles, and leaves identical accounts unchanged', () => {
    const { accounts } = parse(['known', '老用户', '', '党员', 'B1'], ['known2', '新用户', '', '党员', 'B1']);
    expect(planUserImport(accounts, lookups, scope).plan).toMatchObject({
      creates: [{ account: { loginName: 'known2' }, grants: [{ role: 'MEMBER', organizationId: 'b1' }] }],
      updates: [],
      unchanged: [{ loginName: 'known' }],
    });
    const more = parse(['known', '老用户', '', '评审专家', 'B1']);
    expect(planUserImport(more.accounts, lookups, scope).plan.updates).toMatchObject([{ profile: null, newGrants: [{ role: 'EXPERT' }] }]);
  });
});

describe('uploaded file check', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]);
  it('accepts a zip under 5 MB and refuses the rest with a Chinese reason', () => {
    expect(uploadProblem({ size: 1000, head: zip })).toBeNull();
    expect(uploadProblem({ size: 6 * 1024 * 1024, head: zip })).toContain('超过 5 MB');
    expect(uploadProblem({ size: 1000, head: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) })).toContain('.xls');
    expect(uploadProblem({ size: 1000, head: new TextEncoder().encode('a,b,c') })).toContain('不是 .xlsx');
    expect(uploadProblem({ size: 0, head: new Uint8Array() })).toBe('请选择要导入的 Excel 文件');
  });
});
