import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { ZNewPassword, hashPassword, verifyPassword } from '@/lib/auth/password';
import { revokeAllSessions } from '@/lib/auth/session';
import { ZChangePassword, type TChangePassword } from '@/lib/account/schema';

/** Changes the user's own password and ends every session of theirs, this one included. */
export async function changeOwnPassword(input: TChangePassword, context: TAuditContext & { actorId: string }): Promise<void> {
  const values = ZChangePassword.parse(input);
  const user = await db.user.findUniqueOrThrow({ where: { id: context.actorId } });
  if (!(await verifyPassword(user.passwordHash, values.currentPassword))) {
    throw new AppError('INVALID_INPUT', '当前密码不正确', { currentPassword: '当前密码不正确' });
  }
  const rule = ZNewPassword(user.loginName).safeParse(values.newPassword);
  if (!rule.success) {
    const message = rule.error.issues[0]?.message ?? '新密码不符合要求';
    throw new AppError('INVALID_INPUT', message, { newPassword: message });
  }
  const passwordHash = await hashPassword(values.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
    });
    await revokeAllSessions(user.id, tx);
    await recordAudit(tx, context, { action: 'change-password', entityType: 'User', entityId: user.id });
  });
}
