import { db, dbNow, type TTx } from '@/lib/db';
import { AppError, isUniqueViolation } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { clearIdentifierCounters } from '@/lib/auth/attempts';
import { hashPassword } from '@/lib/auth/password';
import { revokeAllSessions } from '@/lib/auth/session';
import { lockManagedUser, loadAdminPaths, requireScopedOrganization } from '@/lib/user/scope';
import { generateTemporaryPassword } from '@/lib/user/temporary-password';
import { ZCreateUser, ZSetUserDisabled, ZUpdateUserProfile, ZUserId, type TCreateUser, type TUpdateUserProfile } from '@/lib/user/schema';

export type TUserContext = TAuditContext & { actorId: string; tx?: TTx };

function inTransaction<T>(context: TUserContext, body: (tx: TTx) => Promise<T>): Promise<T> {
  return context.tx ? body(context.tx) : db.$transaction(body);
}

/** Login names and phones are unique; a race past the checks below still ends in this message. */
export function duplicateAccount(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('CONFLICT', '登录名或手机号已被其他账号使用');
  throw error;
}

export async function assertAccountAvailable(tx: TTx, input: { loginName?: string; phone: string | null; exceptUserId?: string }) {
  if (input.loginName && (await tx.user.findUnique({ where: { loginName: input.loginName }, select: { id: true } }))) {
    throw new AppError('CONFLICT', '登录名已被使用，请换一个', { loginName: '登录名已被使用' });
  }
  if (input.phone) {
    const owner = await tx.user.findUnique({ where: { phone: input.phone }, select: { id: true } });
    if (owner && owner.id !== input.exceptUserId) {
      throw new AppError('CONFLICT', '手机号已被其他账号使用', { phone: '手机号已被其他账号使用' });
    }
  }
}

/** Creates an account with one role and a temporary password, returned once for the admin to hand over. */
export async function createUser(input: TCreateUser, context: TUserContext) {
  const values = ZCreateUser.parse(input);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return inTransaction(context, async (tx) => {
    const adminPaths = await loadAdminPaths(tx, context.actorId);
    await requireScopedOrganization(tx, adminPaths, values.organizationId);
    await assertAccountAvailable(tx, values);
    const user = await tx.user
      .create({
        data: {
          loginName: values.loginName,
          displayName: values.displayName,
          phone: values.phone,
          passwordHash,
          mustChangePassword: true,
          roleAssignments: { create: { role: values.role, organizationId: values.organizationId } },
        },
        select: { id: true, loginName: true, displayName: true, phone: true },
      })
      .catch(duplicateAccount);
    await recordAudit(tx, context, {
      action: 'create-user',
      entityType: 'User',
      entityId: user.id,
      after: { ...user, roles: [{ role: values.role, organizationId: values.organizationId }] },
    });
    return { user, temporaryPassword };
  });
}

export async function updateUserProfile(input: TUpdateUserProfile, context: TUserContext) {
  const { id, ...values } = ZUpdateUserProfile.parse(input);
  return inTransaction(context, async (tx) => {
    const { user } = await lockManagedUser(tx, context.actorId, id);
    await assertAccountAvailable(tx, { phone: values.phone, exceptUserId: id });
    const after = await tx.user
      .update({ where: { id }, data: values, select: { displayName: true, phone: true } })
      .catch(duplicateAccount);
    await recordAudit(tx, context, {
      action: 'update-user',
      entityType: 'User',
      entityId: id,
      before: { displayName: user.displayName, phone: user.phone },
      after,
    });
  });
}

/**
 * Sets a new temporary password that must be changed at the next sign-in, clears a sign-in lock
 * and ends every session of the user in the same transaction.
 */
export async function resetUserPassword(input: { userId: string }, context: TUserContext) {
  const { userId } = ZUserId.parse(input);
  if (userId === context.actorId) throw new AppError('INVALID_INPUT', '不能重置自己的密码，请在“我的账号”中修改');
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return inTransaction(context, async (tx) => {
    const { user } = await lockManagedUser(tx, context.actorId, userId);
    await clearIdentifierCounters(tx, [user.loginName, user.phone]);
    await tx.user.update({
      where: { id: userId },
      data: {
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: await dbNow(tx),
        failedLoginCount: 0,
        lastFailedLoginAt: null,
        lockedUntil: null,
      },
    });
    await revokeAllSessions(userId, tx);
    await recordAudit(tx, context, { action: 'reset-password', entityType: 'User', entityId: userId });
    return { temporaryPassword };
  });
}

/** Disabling ends every session of the user at once; an admin cannot disable themselves. */
export async function setUserDisabled(input: { userId: string; isDisabled: boolean }, context: TUserContext) {
  const { userId, isDisabled } = ZSetUserDisabled.parse(input);
  if (isDisabled && userId === context.actorId) throw new AppError('INVALID_INPUT', '不能停用自己的账号');
  return inTransaction(context, async (tx) => {
    const { user } = await lockManagedUser(tx, context.actorId, userId);
    if (user.isDisabled === isDisabled) return;
    await tx.user.update({ where: { id: userId }, data: { isDisabled } });
    if (isDisabled) await revokeAllSessions(userId, tx);
    await recordAudit(tx, context, {
      action: isDisabled ? 'disable-user' : 'enable-user',
      entityType: 'User',
      entityId: userId,
      before: { isDisabled: user.isDisabled },
      after: { isDisabled },
    });
  });
}

/** Lifts a lock left by repeated failed sign-ins, under the login name and the phone as well, and restarts the counts. */
export async function unlockUser(input: { userId: string }, context: TUserContext) {
  const { userId } = ZUserId.parse(input);
  return inTransaction(context, async (tx) => {
    const { user } = await lockManagedUser(tx, context.actorId, userId);
    await tx.user.update({ where: { id: userId }, data: { lockedUntil: null, failedLoginCount: 0, lastFailedLoginAt: null } });
    await clearIdentifierCounters(tx, [user.loginName, user.phone]);
    await recordAudit(tx, context, {
      action: 'unlock-user',
      entityType: 'User',
      entityId: userId,
      before: { lockedUntil: user.lockedUntil, failedLoginCount: user.failedLoginCount },
    });
  });
}
