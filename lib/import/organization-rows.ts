import type { z } from 'zod';
import type { OrgField } from '@/lib/generated/prisma/enums';
import { ORG_FIELD_LABELS, orgFieldFromLabel } from '@/lib/org-tree/fields';
import { ZOrganizationFields } from '@/lib/organization/schema';
import { ORGANIZATION_COLUMNS, type TOrganizationColumnKey } from '@/lib/import/columns';
import { rowErrorsOf, type TImportError, type TImportRow } from '@/lib/import/rows';
import { isPathInScope } from '@/lib/user/scope';

export type TOrganizationValues = z.output<typeof ZOrganizationFields>;
export type TOrganizationRecord = { rowNumber: number; parentCode: string | null; values: TOrganizationValues };
/** The codes of a row that failed its own checks: its place in the tree is still checked, in the same round. */
export type TRejectedOrganizationRow = { rowNumber: number; code: string; parentCode: string | null };

const header = (key: TOrganizationColumnKey) => ORGANIZATION_COLUMNS.find((column) => column.key === key)!.header;
const FIELD_CHOICES = Object.values(ORG_FIELD_LABELS).join('、');

/**
 * Checks every row on its own (the same zod rules as the organization form) and codes repeated in the file.
 * `rejectedCodes` holds the codes of rows that failed, so later checks do not report their children twice.
 */
export function parseOrganizationRows(rows: readonly TImportRow<TOrganizationColumnKey>[]) {
  const records: TOrganizationRecord[] = [];
  const errors: TImportError[] = [];
  const rejectedCodes = new Set<string>();
  const rejected: TRejectedOrganizationRow[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const { rowNumber, values } of rows) {
    const rowErrors: TImportError[] = [];
    let field: OrgField | null = null;
    if (values.field) {
      field = orgFieldFromLabel(values.field) ?? null;
      if (!field) rowErrors.push({ row: rowNumber, column: header('field'), message: `领域“${values.field}”不在列表中，可选：${FIELD_CHOICES}` });
    }
    const parsed = ZOrganizationFields.safeParse({ ...values, field });
    if (!parsed.success) rowErrors.push(...rowErrorsOf(rowNumber, parsed.error, ORGANIZATION_COLUMNS));
    const earlier = firstRowOfCode.get(values.code);
    if (values.code && earlier !== undefined) {
      rowErrors.push({ row: rowNumber, column: header('code'), message: `组织代码 ${values.code} 与第 ${earlier} 行重复` });
    } else if (values.code) {
      firstRowOfCode.set(values.code, rowNumber);
    }
    if (rowErrors.length || !parsed.success) {
      errors.push(...rowErrors);
      if (values.code) rejectedCodes.add(values.code);
      rejected.push({ rowNumber, code: values.code, parentCode: values.parentCode || null });
      continue;
    }
    records.push({ rowNumber, parentCode: values.parentCode || null, values: parsed.data });
  }
  return { records, errors, rejectedCodes, rejected };
}

/** What the database holds for a code named in the file (as a code or as a parent code). */
export type TExistingOrganization = TOrganizationValues & { id: string; path: string; isActive: boolean; parentCode: string | null };

export type TOrganizationUpdate = { record: TOrganizationRecord; existing: TExistingOrganization; changed: (keyof TOrganizationValues)[] };

export type TOrganizationPlan = {
  /** Parents before children, so each parent exists when its child is created. */
  creates: TOrganizationRecord[];
  updates: TOrganizationUpdate[];
  unchanged: TOrganizationRecord[];
};

const COMPARED_FIELDS: (keyof TOrganizationValues)[] = ['name', 'shortName', 'levelLabel', 'field', 'memberCount', 'secretaryName', 'secretaryPhone'];

export function changedFields(existing: TOrganizationValues, values: TOrganizationValues): (keyof TOrganizationValues)[] {
  return COMPARED_FIELDS.filter((key) => existing[key] !== values[key]);
}

/** Codes the database must be asked about: the rows' own codes and their parents', rejected rows included. */
export function referencedOrganizationCodes(records: readonly TOrganizationRecord[], rejected: readonly TRejectedOrganizationRow[] = []): string[] {
  const pairs = [...records.map((record) => [record.values.code, record.parentCode]), ...rejected.map((row) => [row.code, row.parentCode])];
  return [...new Set(pairs.flat().filter((code): code is string => !!code))];
}

/**
 * The tree checks of a row that failed its own checks, so one upload reports every problem at once: its parent
 * must exist (in the system within the admin's scope and active, or in the file), and an existing code must be in
 * scope and keep its parent. It is never written, so it takes no part in ordering the creates.
 */
function rejectedRowErrors(
  row: TRejectedOrganizationRow,
  existingByCode: ReadonlyMap<string, TExistingOrganization>,
  adminPaths: readonly string[],
  codesInFile: ReadonlySet<string>,
): TImportError[] {
  const error = (key: TOrganizationColumnKey, message: string) => [{ row: row.rowNumber, column: header(key), message }];
  if (row.code && row.parentCode === row.code) return error('parentCode', '上级组织代码不能是本组织自己');
  const existing = row.code ? existingByCode.get(row.code) : undefined;
  if (existing) {
    if (!isPathInScope(adminPaths, existing.path)) return error('code', `组织代码 ${row.code} 已被您管理范围以外的组织使用`);
    if (existing.parentCode !== row.parentCode) return error('parentCode', `与系统中的上级组织（${existing.parentCode ?? '无'}）不一致；导入不会移动组织，请在组织架构中调整`);
    return [];
  }
  if (!row.parentCode) return error('parentCode', '新建组织须填写上级组织代码');
  if (codesInFile.has(row.parentCode)) return [];
  const parent = existingByCode.get(row.parentCode);
  if (!parent) return error('parentCode', `上级组织代码 ${row.parentCode} 在系统和本文件中都不存在`);
  if (!isPathInScope(adminPaths, parent.path)) return error('parentCode', `上级组织 ${row.parentCode} 不在您的管理范围内`);
  if (!parent.isActive) return error('parentCode', `上级组织 ${row.parentCode} 已停用`);
  return [];
}

/**
 * Resolves the parsed rows against the database: existing codes are updated (only when a field differs),
 * new ones created under a parent that exists — in the database inside the admin's scope, or in the file.
 */
export function planOrganizationImport(
  records: readonly TOrganizationRecord[],
  existingByCode: ReadonlyMap<string, TExistingOrganization>,
  adminPaths: readonly string[],
  rejectedCodes: ReadonlySet<string> = new Set(),
  rejected: readonly TRejectedOrganizationRow[] = [],
): { errors: TImportError[]; plan: TOrganizationPlan } {
  const codesInFile = new Set([...records.map((record) => record.values.code), ...rejected.map((row) => row.code).filter(Boolean)]);
  const errors: TImportError[] = rejected.flatMap((row) => rejectedRowErrors(row, existingByCode, adminPaths, codesInFile));
  const plan: TOrganizationPlan = { creates: [], updates: [], unchanged: [] };
  const newByCode = new Map(records.filter((record) => !existingByCode.has(record.values.code)).map((record) => [record.values.code, record]));
  const pending: TOrganizationRecord[] = [];
  const failedCodes = new Set(rejectedCodes);
  const fail = (record: TOrganizationRecord, key: TOrganizationColumnKey, message: string) => {
    errors.push({ row: record.rowNumber, column: header(key), message });
    failedCodes.add(record.values.code);
  };

  for (const record of records) {
    const { code } = record.values;
    const existing = existingByCode.get(code);
    if (record.parentCode === code) {
      fail(record, 'parentCode', '上级组织代码不能是本组织自己');
    } else if (existing) {
      if (!isPathInScope(adminPaths, existing.path)) fail(record, 'code', `组织代码 ${code} 已被您管理范围以外的组织使用`);
      else if (existing.parentCode !== record.parentCode) {
        fail(record, 'parentCode', `与系统中的上级组织（${existing.parentCode ?? '无'}）不一致；导入不会移动组织，请在组织架构中调整`);
      } else {
        const changed = changedFields(existing, record.values);
        if (changed.length) plan.updates.push({ record, existing, changed });
        else plan.unchanged.push(record);
      }
    } else if (!record.parentCode) {
      fail(record, 'parentCode', '新建组织须填写上级组织代码');
    } else if (newByCode.has(record.parentCode) || rejectedCodes.has(record.parentCode)) {
      pending.push(record);
    } else {
      const parent = existingByCode.get(record.parentCode);
      if (!parent) fail(record, 'parentCode', `上级组织代码 ${record.parentCode} 在系统和本文件中都不存在`);
      else if (!isPathInScope(adminPaths, parent.path)) fail(record, 'parentCode', `上级组织 ${record.parentCode} 不在您的管理范围内`);
      else if (!parent.isActive) fail(record, 'parentCode', `上级组织 ${record.parentCode} 已停用`);
      else plan.creates.push(record);
    }
  }

  // Rows whose parent is another new row follow their parent, level by level.
  const placed = new Set(plan.creates.map((record) => record.values.code));
  let progress = true;
  while (pending.length && progress) {
    progress = false;
    for (let index = 0; index < pending.length; index++) {
      if (placed.has(pending[index].parentCode!)) {
        const [record] = pending.splice(index--, 1);
        plan.creates.push(record);
        placed.add(record.values.code);
        progress = true;
      }
    }
  }
  // What is left either hangs below a row already reported (silently skipped) or sits in a cycle.
  for (let grew = true; grew; ) {
    grew = false;
    for (const record of pending) {
      if (failedCodes.has(record.parentCode!) && !failedCodes.has(record.values.code)) {
        failedCodes.add(record.values.code);
        grew = true;
      }
    }
  }
  for (const record of pending) {
    if (!failedCodes.has(record.values.code)) errors.push({ row: record.rowNumber, column: header('parentCode'), message: '上级组织关系形成了循环（几行互为上级）' });
  }
  return { errors, plan };
}
