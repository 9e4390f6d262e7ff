import { describe, expect, it } from 'vitest';
import { ORGANIZATION_COLUMNS } from '@/lib/import/columns';
import { mapSheetRows } from '@/lib/import/rows';
import { parseOrganizationRows, planOrganizationImport, type TExistingOrganization } from '@/lib/import/organization-rows';

const HEADER = ORGANIZATION_COLUMNS.map((column) => column.header);

/** Cells in template order: 组织代码, 组织名称, 简称, 上级组织代码, 层级, 领域, 党员人数, 书记姓名, 书记手机. */
function sheet(...rows: string[][]) {
  return { header: HEADER, rows: rows.map((cells, index) => ({ rowNumber: index + 2, cells })) };
}

function parse(...rows: string[][]) {
  const mapped = mapSheetRows(sheet(...rows), ORGANIZATION_COLUMNS);
  expect(mapped.errors).toEqual([]);
  return parseOrganizationRows(mapped.rows);
}

const ROOT: TExistingOrganization = {
  id: 'root-id',
  path: '/root-id/',
  isActive: true,
  parentCode: null,
  code: 'CITY',
  name: '中共示范市委员会',
  shortName: null,
  levelLabel: '市委',
  field: null,
  memberCount: 0,
  secretaryName: null,
  secretaryPhone: null,
};
const OTHER: TExistingOrganization = { ...ROOT, id: 'other-id', path: '/other-id/', code: 'OTHER', name: '另一个市委' };
const existing = new Map([ROOT, OTHER].map((org) => [org.code, org]));

describe('organization rows: each row on its own', () => {
  it('reports a bad field with its row number and column name, in Chinese', () => {
    const result = parse(
      ['D1', '东城区委', '', 'CITY', '区委', '', '12', '', ''],
      ['D2', '西', '', 'CITY', '区委', '林业', 'abc', '', '12345'],
    );
    expect(result.records.map((record) => record.values.code)).toEqual(['D1']);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: '组织名称', message: '请填写组织全称（至少 2 个字）' },
        { row: 3, column: '领域', message: expect.stringContaining('领域“林业”不在列表中') },
        { row: 3, column: '党员人数', message: '党员人数必须是数字' },
        { row: 3, column: '书记手机', message: '请填写 11 位手机号码' },
      ]),
    );
    expect(result.errors.every((error) => error.row === 3)).toBe(true);
  });

  it('maps 领域 labels to fields and empty 党员人数 to 0', () => {
    const { records } = parse(['D1', '东城区委', '东城', 'CITY', '区委', '街道社区', '', '韩梅', '13900000011']);
    expect(records[0].values).toMatchObject({ field: 'COMMUNITY', memberCount: 0, shortName: '东城', secretaryPhone: '13900000011' });
    expect(records[0].parentCode).toBe('CITY');
  });

  it('finds codes repeated in the file and bad code characters', () => {
    const result = parse(['D1', '东城区委', '', 'CITY', '区委', '', '', '', ''], ['D1', '东城区委二', '', 'CITY', '区委', '', '', '', ''], ['东城', '东城区委三', '', 'CITY', '区委', '', '', '', '']);
    expect(result.errors).toEqual([
      { row: 3, column: '组织代码', message: '组织代码 D1 与第 2 行重复' },
      { row: 4, column: '组织代码', message: '组织代码只能包含字母、数字、- 和 _' },
    ]);
  });

  it('names a missing column of the header row', () => {
    const mapped = mapSheetRows({ header: HEADER.filter((text) => text !== '层级'), rows: [] }, ORGANIZATION_COLUMNS);
    expect(mapped.errors).toEqual([{ row: 1, column: '层级', message: '缺少此列，请使用下载的模板' }]);
  });
});

describe('organization rows against the database', () => {
  it('creates parents before children whatever the row order', () => {
    const parsed = parse(
      ['D1-B1-G1', '网格党支部', '', 'D1-B1', '支部', '', '', '', ''],
      ['D1-B1', '幸福社区党委', '', 'D1', '党委', '', '', '', ''],
      ['D1', '东城区委', '', 'CITY', '区委', '', '', '', ''],
    );
    const { errors, plan } = planOrganizationImport(parsed.records, existing, [ROOT.path]);
    expect(errors).toEqual([]);
    expect(plan.creates.map((record) => record.values.code)).toEqual(['D1', 'D1-B1', 'D1-B1-G1']);
  });

  it('refuses a parent outside the admin’s scope, an unknown parent and a cycle', () => {
    const parsed = parse(
      ['A', '甲组织', '', 'OTHER', '区委', '', '', '', ''],
      ['B', '乙组织', '', 'NOPE', '区委', '', '', '', ''],
      ['C', '丙组织', '', 'E', '区委', '', '', '', ''],
      ['E', '戊组织', '', 'C', '区委', '', '', '', ''],
      ['F', '己组织', '', 'B', '支部', '', '', '', ''],
    );
    const { errors } = planOrganizationImport(parsed.records, existing, [ROOT.path]);
    expect(errors).toEqual([
      { row: 2, column: '上级组织代码', message: '上级组织 OTHER 不在您的管理范围内' },
      { row: 3, column: '上级组织代码', message: '上级组织代码 NOPE 在系统和本文件中都不存在' },
      { row: 4, column: '上级组织代码', message: '上级组织关系形成了循环（几行互为上级）' },
      { row: 5, column: '上级组织代码', message: '上级组织关系形成了循环（几行互为上级）' },
    ]);
  });

  it('updates an existing organization only when a field differs, and never moves it', () => {
    const same = parse(['CITY', '中共示范市委员会', '', '', '市委', '', '0', '', '']);
    expect(planOrganizationImport(same.records, existing, [ROOT.path]).plan).toMatchObject({ creates: [], updates: [], unchanged: [{ rowNumber: 2 }] });

    const renamed = parse(['CITY', '中共示范市委', '', '', '市委', '', '0', '', '']);
    expect(planOrganizationImport(renamed.records, existing, [ROOT.path]).plan.updates).toMatchObject([{ changed: ['name'] }]);

    const moved = parse(['CITY', '中共示范市委员会', '', 'OTHER', '市委', '', '0', '', '']);
    expect(planOrganizationImport(moved.records, existing, [ROOT.path]).errors).toEqual([
      { row: 2, column: '上级组织代码', message: expect.stringContaining('导入不会移动组织') },
    ]);

    const foreign = parse(['OTHER', '另一个市委', '', '', '市委', '', '0', '', '']);
    expect(planOrganizationImport(foreign.records, existing, [ROOT.path]).errors).toEqual([
      { row: 2, column: '组织代码', message: '组织代码 OTHER 已被您管理范围以外的组织使用' },
    ]);
  });
});

describe('organization rows: one round', () => {
  it('checks the parent of a row that failed its own checks, but not below a rejected parent', () => {
    const parsed = parse(
      ['D1', '东城区委', '', 'NOWHERE', '区委', '', 'abc', '', ''],
      ['D2', '西城区委', '', 'OTHER', '区委', '', '', '', '12345'],
      ['D3', '南城区委', '', 'CITY', '区委', '', 'x', '', ''],
      ['D3-1', '南城一支部', '', 'D3', '支部', '', 'y', '', ''],
    );
    expect(parsed.records).toEqual([]);
    const { errors, plan } = planOrganizationImport(parsed.records, existing, ['/root-id/'], parsed.rejectedCodes, parsed.rejected);
    expect(errors).toEqual([
      { row: 2, column: '上级组织代码', message: '上级组织代码 NOWHERE 在系统和本文件中都不存在' },
      { row: 3, column: '上级组织代码', message: '上级组织 OTHER 不在您的管理范围内' },
    ]);
    expect(plan.creates).toEqual([]);
  });
});
