import { z } from 'zod';
import type { Role } from '@/lib/generated/prisma/enums';
import { ROLE_LABELS, ROLE_ORDER } from '@/lib/auth/roles';
import { ZDisplayName, ZLoginName, ZPhone } from '@/lib/user/schema';
import { canManageUser, isPathInScope } from '@/lib/user/scope';
import { USER_COLUMNS, type TUserColumnKey } from '@/lib/import/columns';
import { rowErrorsOf, type TImportError, type TImportRow } from '@/lib/import/rows';

const header = (key: TUserColumnKey) => USER_COLUMNS.find((column) => column.key === key)!.header;
const ROLE_CHOICES = ROLE_ORDER.map((role) => ROLE_LABELS[role]).join('、');

export function roleFromLabel(label: string): Role | undefined {
  const text = label.trim();
  return ROLE_ORDER.find((role) => ROLE_LABELS[role] === text || role === text.toUpperCase());
}

const ZUserRow = z.object({
  loginName: ZLoginName,
  displayName: ZDisplayName,
  phone: ZPhone,
  orgCode: z.string().trim().min(1, '请填写所属组织代码'),
});

export type TImportGrant = { rowNumber: number; role: Role; orgCode: string };

/** What of a row that failed its own checks is well-formed, so it is checked against the system in the same round. */
export type TRejectedUserRow = { rowNumber: number; loginName: string | null; phone: string | null; orgCode: string | null };

function rejectedRowOf(rowNumber: number, values: Record<TUserColumnKey, string>): TRejectedUserRow {
  const loginName = ZLoginName.safeParse(values.loginName);
  const phone = ZPhone.safeParse(values.phone);
  return {
    rowNumber,
    loginName: loginName.success ? loginName.data : null,
    phone: phone.success ? phone.data : null,
    orgCode: values.orgCode.trim() || null,
  };
}

/** One account of the file, gathered from all its rows (one row per role). */
export type TImportAccount = {
  rowNumber: number;
  loginName: string;
  displayName: string;
  phone: string | null;
  grants: TImportGrant[];
};

/** Checks every row, then that the rows of one login name agree and that no phone serves two login names. */
export function parseUserRows(rows: readonly TImportRow<TUserColumnKey>[]) {
  const errors: TImportError[] = [];
  const accounts = new Map<string, TImportAccount>();
  const phoneRows = new Map<string, { loginName: string; rowNumber: number }>();
  const rejected: TRejectedUserRow[] = [];
  const fail = (row: number, key: TUserColumnKey, message: string) => errors.push({ row, column: header(key), message });

  for (const { rowNumber, values } of rows) {
    const parsed = ZUserRow.safeParse(values);
    const role = values.role ? roleFromLabel(values.role) : undefined;
    if (!parsed.success) errors.push(...rowErrorsOf(rowNumber, parsed.error, USER_COLUMNS));
    if (!values.role) fail(rowNumber, 'role', '请填写角色');
    else if (!role) fail(rowNumber, 'role', `角色“${values.role}”不存在，可选：${ROLE_CHOICES}`);
    if (!parsed.success || !role) {
      rejected.push(rejectedRowOf(rowNumber, values));
      continue;
    }

    const { loginName, displayName, phone, orgCode } = parsed.data;
    const account = accounts.get(loginName);
    if (!account) {
      accounts.set(loginName, { rowNumber, loginName, displayName, phone, grants: [{ rowNumber, role, orgCode }] });
    } else {
      const before = errors.length;
      if (account.displayName !== displayName) fail(rowNumber, 'displayName', `与第 ${account.rowNumber} 行同一登录名的姓名不一致`);
      if (phone && account.phone && account.phone !== phone) fail(rowNumber, 'phone', `与第 ${account.rowNumber} 行同一登录名的手机号不一致`);
      const same = account.grants.find((grant) => grant.role === role && grant.orgCode === orgCode);
      if (same) fail(rowNumber, 'role', `与第 ${same.rowNumber} 行重复（同一用户、角色和组织）`);
      if (errors.length > before) {
        rejected.push(rejectedRowOf(rowNumber, values));
        continue;
      }
      account.phone ??= phone;
      account.grants.push({ rowNumber, role, orgCode });
    }
    if (phone) {
      const owner = phoneRows.get(phone);
      if (owner && owner.loginName !== loginName) fail(rowNumber, 'phone', `手机号与第 ${owner.rowNumber} 行的另一登录名重复`);
      else if (!owner) phoneRows.set(phone, { loginName, rowNumber });
    }
  }
  return { accounts: [...accounts.values()], errors, rejected };
}

export type TExistingUser = {
  id: string;
  loginName: string;
  displayName: string;
  phone: string | null;
  grants: { role: Role; organizationId: string; path: string }[];
};

export type TUserLookups = {
  usersByLogin: ReadonlyMap<string, TExistingUser>;
  /** Login name of the account holding each phone of the file. */
  phoneOwners: ReadonlyMap<string, string>;
  orgsByCode: ReadonlyMap<string, { id: string; path: string; isActive: boolean }>;
};

export type TPlannedGrant = { role: Role; organizationId: string };
export type TUserPlan = {
  creates: { account: TImportAccount; grants: TPlannedGrant[] }[];
  updates: { account: TImportAccount; existing: TExistingUser; profile: { displayName: string; phone: string | null } | null; newGrants: TPlannedGrant[] }[];
  unchanged: TImportAccount[];
};

/** Resolves the accounts against the database: new accounts are created, known ones updated and given missing roles. */
export function planUserImport(accounts: readonly TImportAccount[], lookups: TUserLookups, adminPaths: readonly string[], rejected: readonly TRejectedUserRow[] = []) {
  const errors: TImportError[] = [];
  const plan: TUserPlan = { creates: [], updates: [], unchanged: [] };
  const fail = (row: number, key: TUserColumnKey, message: string) => errors.push({ row, column: header(key), message });
  const orgError = (orgCode: string) => {
    const org = lookups.orgsByCode.get(orgCode);
    if (!org) return `组织代码 ${orgCode} 不存在`;
    if (!isPathInScope(adminPaths, org.path)) return `组织 ${orgCode} 不在您的管理范围内`;
    return org.isActive ? null : `组织 ${orgCode} 已停用`;
  };

  // Rows that failed their own checks are never written, but what is well-formed in them is checked all the same,
  // so one upload lists every problem.
  for (const row of rejected) {
    const existing = row.loginName ? lookups.usersByLogin.get(row.loginName) : undefined;
    if (existing && !canManageUser(adminPaths, existing.grants)) {
      fail(row.rowNumber, 'loginName', `登录名 ${row.loginName} 已被您管理范围以外的账号使用，请换一个登录名`);
    }
    const phoneOwner = row.phone ? lookups.phoneOwners.get(row.phone) : undefined;
    if (phoneOwner && phoneOwner !== row.loginName) fail(row.rowNumber, 'phone', `手机号 ${row.phone} 已被其他账号使用`);
    const orgProblem = row.orgCode ? orgError(row.orgCode) : null;
    if (orgProblem) fail(row.rowNumber, 'orgCode', orgProblem);
  }

  for (const account of accounts) {
    const existing = lookups.usersByLogin.get(account.loginName);
    if (existing && !canManageUser(adminPaths, existing.grants)) {
      fail(account.rowNumber, 'loginName', `登录名 ${account.loginName} 已被您管理范围以外的账号使用，请换一个登录名`);
      continue;
    }
    const phoneOwner = account.phone ? lookups.phoneOwners.get(account.phone) : undefined;
    if (phoneOwner && phoneOwner !== account.loginName) fail(account.rowNumber, 'phone', `手机号 ${account.phone} 已被其他账号使用`);

    const grants: TPlannedGrant[] = [];
    for (const grant of account.grants) {
      const problem = orgError(grant.orgCode);
      if (problem) fail(grant.rowNumber, 'orgCode', problem);
      else grants.push({ role: grant.role, organizationId: lookups.orgsByCode.get(grant.orgCode)!.id });
    }
    if (grants.length !== account.grants.length) continue;

    if (!existing) {
      plan.creates.push({ account, grants });
      continue;
    }
    const phone = account.phone ?? existing.phone;
    const profile = existing.displayName !== account.displayName || existing.phone !== phone ? { displayName: account.displayName, phone } : null;
    const newGrants = grants.filter((grant) => !existing.grants.some((held) => held.role === grant.role && held.organizationId === grant.organizationId));
    if (profile || newGrants.length) plan.updates.push({ account, existing, profile, newGrants });
    else plan.unchanged.push(account);
  }
  return { errors, plan };
}
