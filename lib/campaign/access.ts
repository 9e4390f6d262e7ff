import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * The actor must hold ORG_ADMIN at the organization with `targetPath` or an ancestor, read inside the
 * writing transaction. Actions check the same with requireRole first; this keeps services safe for any caller.
 */
export async function assertCampaignAdmin(tx: TTx, actorId: string | null, targetPath: string, field?: string): Promise<void> {
  const grants = actorId
    ? await tx.roleAssignment.findMany({
        where: { userId: actorId, role: 'ORG_ADMIN', user: { isDisabled: false }, organization: { isActive: true } },
        select: { organization: { select: { path: true } } },
      })
    : [];
  if (!grants.some((grant) => targetPath.startsWith(grant.organization.path))) {
    const message = '您不是该组织的组织部管理员，不能管理它的评选活动';
    throw new AppError('FORBIDDEN', message, field ? { [field]: message } : undefined);
  }
}
