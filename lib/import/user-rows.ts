import { z } from 'zod';
import type { Role } from '@/lib/generated/prisma/enums';
import { ROLE_LABELS, ROLE_ORDER } from '@/lib/auth/roles';
import { ZDisplayName, ZLoginName, ZPhone } from '@/lib/user/schema';
import { isPathInScope, isUserInScope } from '@/lib/user/scope';
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
  const fail = (row: number, key: TUserColumnKey, message: string) => errors.push({ row, column: header(key), message });

  for (const { rowNumber, values } of rows) {
    const parsed = ZUserRow.safeParse(values);
    const role = values.role ? roleFromLabel(values.role) : undefined;
    if (!parsed.success) errors.push(...rowErrorsOf(rowNumber, parsed.error, USER_COLUMNS));
    if (!values.role) fail(rowNumber, 'role', '请填写角色');
    else if (!role) fail(rowNumber, 'role', `角色“${values.role}”不存在，可选：${ROLE_CHOICES}`);
    if (!parsed.success || !role) continue;

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
      if (errors.length > before) continue;
      account.phone ??= phone;
      account.grants.push({ rowNumber, role, orgCode });
    }
    if (phone) {
      const owner = phoneRows.get(phone);
      if (owner && owner.loginName !== loginName) fail(rowNumber, 'phone', `手机号与第 ${owner.rowNumber} 行的另一登录名重复`);
      else if (!owner) phoneRows.set(phone, { loginName, rowNumber });
    }
  }
  return { accounts: [...accounts.values()], errors };
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
export function planUserImport(accounts: readonly TImportAccount[], lookups: TUserLookups, adminPaths: readonly string[]) {
  const errors: TImportError[] = [];
  const plan: TUserPlan = { creates: [], updates: [], unchanged: [] };
  const fail = (row: number, key: TUserColumnKey, message: string) => errors.push({ row, column: header(key), message });

  for (const account of accounts) {
    const existing = lookups.usersByLogin.get(account.loginName);
    if (existing && !isUserInScope(adminPaths, existing.grants.map((grant) => grant.path))) {
      fail(account.rowNumber, 'loginName', `登录名 ${account.loginName} 已被您管理范围以外的账号使用，请换一个登录名`);
      continue;
    }
    const phoneOwner = account.phone ? lookups.phoneOwners.get(account.phone) : undefined;
    if (phoneOwner && phoneOwner !== account.loginName) fail(account.rowNumber, 'phone', `手机号 ${account.phone} 已被其他账号使用`);

    const grants: TPlannedGrant[] = [];
    for (const grant of account.grants) {
      const org = lookups.orgsByCode.get(grant.orgCode);
      if (!org) fail(grant.rowNumber, 'orgCode', `组织代码 ${grant.orgCode} 不存在`);
      else if (!isPathInScope(adminPaths, org.path)) fail(grant.rowNumber, 'orgCode', `组织 ${grant.orgCode} 不在您的管理范围内`);
      else if (!org.isActive) fail(grant.rowNumber, 'orgCode', `组织 ${grant.orgCode} 已停用`);
      else grants.push({ role: grant.role, organizationId: org.id });
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
