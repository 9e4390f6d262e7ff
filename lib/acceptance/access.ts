// WHO may act on an acceptance request, judged against database state inside the operation's transaction.
import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { loadGrants } from '@/lib/application/access';
import { grantsRoleAt } from '@/lib/auth/scope';

/** The cultivation with what the rules need: its organization (path), campaign owner and settings. Locks the row. */
export async function lockCultivation(tx: TTx, cultivationId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM cultivations WHERE id = ${cultivationId} FOR UPDATE`;
  if (!locked.length) throw new AppError('NOT_FOUND', '培育创建记录不存在');
  return tx.cultivation.findUniqueOrThrow({
    where: { id: cultivationId },
    select: {
      id: true,
      status: true,
      campaignId: true,
      brand: { select: { id: true, name: true, organization: { select: { id: true, name: true, path: true } } } },
      campaign: { select: { id: true, title: true, year: true, ownerOrgId: true, acceptanceRequestDeadline: true, ownerOrg: { select: { path: true, name: true } } } },
    },
  });
}

/** The request locked FOR UPDATE, with its cultivation (also locked: status changes go together). */
export async function lockRequest(tx: TTx, requestId: string) {
  const rows = await tx.$queryRaw<{ cultivation_id: string }[]>`SELECT cultivation_id FROM acceptance_requests WHERE id = ${requestId} FOR UPDATE`;
  if (!rows[0]) throw new AppError('NOT_FOUND', '验收申请不存在');
  const cultivation = await lockCultivation(tx, rows[0].cultivation_id);
  const request = await tx.acceptanceRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { id: true, status: true, round: true, criteria: true, experts: { select: { expertId: true, scores: true, submittedAt: true } } },
  });
  return { request, cultivation };
}

/** The requesting organization's branch secretary (a grant at it or above does not make a committee a branch). */
export async function assertBranchOf(tx: TTx, actorId: string, organizationPath: string) {
  const grants = await loadGrants(tx, actorId);
  if (!grantsRoleAt(grants, ['BRANCH_SECRETARY'], organizationPath)) throw new AppError('FORBIDDEN', '只有创建单位的支部书记可以申请验收');
}

/** The campaign owner's organization department (ORG_ADMIN at the owner or above). */
export async function assertOrganizerOf(tx: TTx, actorId: string, ownerOrgPath: string) {
  const grants = await loadGrants(tx, actorId);
  if (!grantsRoleAt(grants, ['ORG_ADMIN'], ownerOrgPath)) throw new AppError('FORBIDDEN', '只有主办单位（组织部）可以组织验收');
  return grants;
}
