import { randomUUID } from 'node:crypto';
import { db, type TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { createOrganization, updateOrganization } from '@/lib/organization/service';
import { loadAdminPaths } from '@/lib/user/scope';
import { duplicateAccount } from '@/lib/user/service';
import { generateTemporaryPassword } from '@/lib/user/temporary-password';
import { ORGANIZATION_COLUMNS, USER_COLUMNS, type TImportKind } from '@/lib/import/columns';
import {
  parseOrganizationRows,
  planOrganizationImport,
  referencedOrganizationCodes,
  type TExistingOrganization,
  type TOrganizationValues,
} from '@/lib/import/organization-rows';
import { mapSheetRows, sortErrors, type TImportError } from '@/lib/import/rows';
import { parseUserRows, planUserImport, type TImportAccount, type TRejectedUserRow, type TUserLookups } from '@/lib/import/user-rows';
import { readImportSheet } from '@/lib/import/workbook';

type TImportContext = TAuditContext & { actorId: string };
type TImportInput = { data: Uint8Array; fileName?: string };

export type TImportSummary = { created: number; updated: number; unchanged: number; rolesAdded?: number };
export type TNewAccount = { loginName: string; displayName: string; temporaryPassword: string };
export type TImportResult =
  | { status: 'invalid'; errors: TImportError[] }
  | { status: 'imported'; summary: TImportSummary; newAccounts: TNewAccount[] };

// Large files create hundreds of rows in one transaction; Prisma's 5-second default is too short.
const TRANSACTION_OPTIONS = { timeout: 120_000, maxWait: 10_000 };

const invalid = (errors: TImportError[]): TImportResult => ({ status: 'invalid', errors: sortErrors(errors) });

// The organization service re-parses its input; optional texts go back as undefined.
function toServiceFields(values: TOrganizationValues) {
  return {
    ...values,
    shortName: values.shortName ?? undefined,
    secretaryName: values.secretaryName ?? undefined,
    secretaryPhone: values.secretaryPhone ?? undefined,
  };
}

async function recordImport(tx: TTx, context: TImportContext, kind: TImportKind, input: TImportInput, summary: TImportSummary) {
  await recordAudit(tx, context, {
    action: kind === 'organizations' ? 'import-organizations' : 'import-users',
    entityType: 'Import',
    entityId: randomUUID(),
    after: { fileName: input.fileName ?? null, ...summary },
  });
}

async function loadExistingOrganizations(tx: TTx, codes: string[]): Promise<Map<string, TExistingOrganization>> {
  const rows = await tx.organization.findMany({
    where: { code: { in: codes } },
    select: {
      id: true,
      path: true,
      isActive: true,
      code: true,
      name: true,
      shortName: true,
      levelLabel: true,
      field: true,
      memberCount: true,
      secretaryName: true,
      secretaryPhone: true,
      parent: { select: { code: true } },
    },
  });
  return new Map(rows.map(({ parent, ...row }) => [row.code, { ...row, parentCode: parent?.code ?? null }]));
}

/**
 * Imports organizations all or nothing: every row is checked first; only a clean file is written, in
 * one transaction. Unchanged rows write nothing — re-importing a file leaves no trace, not even an audit row.
 */
export async function importOrganizations(input: TImportInput, context: TImportContext): Promise<TImportResult> {
  const sheet = await readImportSheet(input.data, 'organizations');
  const mapped = mapSheetRows(sheet, ORGANIZATION_COLUMNS);
  if (mapped.errors.length) return invalid(mapped.errors);
  const parsed = parseOrganizationRows(mapped.rows);
  return db.$transaction(async (tx) => {
    const adminPaths = await loadAdminPaths(tx, context.actorId);
    const existing = await loadExistingOrganizations(tx, referencedOrganizationCodes(parsed.records, parsed.rejected));
    const { errors, plan } = planOrganizationImport(parsed.records, existing, adminPaths, parsed.rejectedCodes, parsed.rejected);
    if (parsed.errors.length || errors.length) return invalid([...parsed.errors, ...errors]);

    const idByCode = new Map([...existing.values()].map((org) => [org.code, org.id]));
    const writeContext = { ...context, tx };
    for (const record of plan.creates) {
      const parentId = idByCode.get(record.parentCode!);
      if (!parentId) throw new AppError('CONFLICT', '上级组织在导入期间发生了变化，请重新导入');
      const created = await createOrganization({ ...toServiceFields(record.values), parentId }, writeContext);
      idByCode.set(created.code, created.id);
    }
    for (const { record, existing: org } of plan.updates) {
      await updateOrganization({ ...toServiceFields(record.values), id: org.id }, writeContext);
    }
    const summary = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged.length };
    if (summary.created + summary.updated > 0) await recordImport(tx, context, 'organizations', input, summary);
    return { status: 'imported', summary, newAccounts: [] };
  }, TRANSACTION_OPTIONS);
}

async function loadUserLookups(tx: TTx, accounts: readonly TImportAccount[], rejected: readonly TRejectedUserRow[]): Promise<TUserLookups> {
  const phones = [...accounts.flatMap((account) => account.phone ?? []), ...rejected.flatMap((row) => row.phone ?? [])];
  const orgCodes = [...new Set([...accounts.flatMap((account) => account.grants.map((grant) => grant.orgCode)), ...rejected.flatMap((row) => row.orgCode ?? [])])];
  const loginNames = [...accounts.map((account) => account.loginName), ...rejected.flatMap((row) => row.loginName ?? [])];
  const [users, phoneHolders, orgs] = await Promise.all([
    tx.user.findMany({
      where: { loginName: { in: loginNames } },
      select: {
        id: true,
        loginName: true,
        displayName: true,
        phone: true,
        roleAssignments: { select: { role: true, organizationId: true, organization: { select: { path: true } } } },
      },
    }),
    tx.user.findMany({ where: { phone: { in: phones } }, select: { loginName: true, phone: true } }),
    tx.organization.findMany({ where: { code: { in: orgCodes } }, select: { id: true, code: true, path: true, isActive: true } }),
  ]);
  return {
    usersByLogin: new Map(
      users.map(({ roleAssignments, ...user }) => [
        user.loginName,
        { ...user, grants: roleAssignments.map((grant) => ({ role: grant.role, organizationId: grant.organizationId, path: grant.organization.path })) },
      ]),
    ),
    phoneOwners: new Map(phoneHolders.map((holder) => [holder.phone!, holder.loginName])),
    orgsByCode: new Map(orgs.map((org) => [org.code, org])),
  };
}

async function planUsers(tx: TTx, actorId: string, accounts: readonly TImportAccount[], rejected: readonly TRejectedUserRow[] = []) {
  const adminPaths = await loadAdminPaths(tx, actorId);
  return planUserImport(accounts, await loadUserLookups(tx, accounts, rejected), adminPaths, rejected);
}

/**
 * Imports users and their roles all or nothing. New accounts get a temporary password (returned once)
 * and must change it at first sign-in; known accounts get their name/phone updated and missing roles added.
 */
export async function importUsers(input: TImportInput, context: TImportContext): Promise<TImportResult> {
  const sheet = await readImportSheet(input.data, 'users');
  const mapped = mapSheetRows(sheet, USER_COLUMNS);
  if (mapped.errors.length) return invalid(mapped.errors);
  const parsed = parseUserRows(mapped.rows);
  const checked = await planUsers(db, context.actorId, parsed.accounts, parsed.rejected);
  if (parsed.errors.length || checked.errors.length) return invalid([...parsed.errors, ...checked.errors]);

  // Hashing is slow on purpose, so it happens before the transaction opens.
  const passwords = new Map<string, { temporaryPassword: string; passwordHash: string }>();
  for (const { account } of checked.plan.creates) {
    const temporaryPassword = generateTemporaryPassword();
    passwords.set(account.loginName, { temporaryPassword, passwordHash: await hashPassword(temporaryPassword) });
  }

  return db.$transaction(async (tx) => {
    // Checked again inside the transaction: someone may have changed accounts while we were hashing.
    const { errors, plan } = await planUsers(tx, context.actorId, parsed.accounts);
    const sameCreates = plan.creates.every(({ account }) => passwords.has(account.loginName));
    if (errors.length || !sameCreates) throw new AppError('CONFLICT', '账号数据在导入期间发生了变化，请重新导入');

    const newAccounts: TNewAccount[] = [];
    let rolesAdded = 0;
    for (const { account, grants } of plan.creates) {
      const { temporaryPassword, passwordHash } = passwords.get(account.loginName)!;
      const user = await tx.user
        .create({
          data: {
            loginName: account.loginName,
            displayName: account.displayName,
            phone: account.phone,
            passwordHash,
            mustChangePassword: true,
            roleAssignments: { create: grants },
          },
          select: { id: true },
        })
        .catch(duplicateAccount);
      rolesAdded += grants.length;
      await recordAudit(tx, context, {
        action: 'create-user',
        entityType: 'User',
        entityId: user.id,
        after: { loginName: account.loginName, displayName: account.displayName, phone: account.phone, roles: grants, source: 'import' },
      });
      newAccounts.push({ loginName: account.loginName, displayName: account.displayName, temporaryPassword });
    }
    for (const { existing, profile, newGrants } of plan.updates) {
      if (profile) {
        await tx.user.update({ where: { id: existing.id }, data: profile }).catch(duplicateAccount);
        await recordAudit(tx, context, {
          action: 'update-user',
          entityType: 'User',
          entityId: existing.id,
          before: { displayName: existing.displayName, phone: existing.phone },
          after: profile,
        });
      }
      for (const grant of newGrants) {
        const created = await tx.roleAssignment.create({ data: { userId: existing.id, ...grant }, select: { id: true } });
        await recordAudit(tx, context, { action: 'assign-role', entityType: 'RoleAssignment', entityId: created.id, after: { userId: existing.id, ...grant } });
      }
      rolesAdded += newGrants.length;
    }
    const summary = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged.length, rolesAdded };
    if (summary.created + summary.updated > 0) await recordImport(tx, context, 'users', input, summary);
    return { status: 'imported', summary, newAccounts };
  }, TRANSACTION_OPTIONS);
}
