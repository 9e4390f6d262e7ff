// Who may see and do what in 结对共建, against database state (paths of the organizations, grants read in the
// transaction): the committee that made the pairing (its COMMITTEE_ADMIN / ORG_ADMIN, or an ancestor's) manages and
// reviews it; the secretaries of the brand organization and of the partner branch read it and record joint activities.
// Anyone else learns only that it does not exist.
import type { TTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { grantsRoleAt } from '@/lib/auth/scope';
import type { TRoleGrant } from '@/lib/auth/session';
import type { Role } from '@/lib/generated/prisma/enums';

export const STAFF_ROLES: Role[] = ['COMMITTEE_ADMIN', 'ORG_ADMIN'];

export type TPairingTarget = {
  id: string;
  kind: 'BRANCH' | 'ENTERPRISE';
  status: 'ACTIVE' | 'REVIEWED';
  startsOn: string;
  endsOn: string;
  committeeOrg: { id: string; name: string; path: string };
  brandOrg: { id: string; name: string; path: string };
  partnerOrg: { id: string; name: string; path: string } | null;
  partnerName: string | null;
};

const org = { select: { id: true, name: true, path: true } } as const;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Reads the pairing; with `lock`, takes its row FOR UPDATE so a review and an activity queue up behind each other. */
export async function loadPairing(tx: TTx, pairingId: string, lock = false): Promise<TPairingTarget | null> {
  if (lock) {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM pairings WHERE id = ${pairingId} FOR UPDATE`;
    if (!locked.length) return null;
  }
  const row = await tx.pairing.findUnique({
    where: { id: pairingId },
    select: { id: true, kind: true, status: true, startsOn: true, endsOn: true, partnerName: true, committeeOrg: org, brandOrg: org, partnerOrg: org },
  });
  if (!row) return null;
  return { ...row, startsOn: dayOf(row.startsOn), endsOn: dayOf(row.endsOn) };
}

/** Staff at the pairing's committee or above it. */
export function isPairingManager(grants: readonly TRoleGrant[], target: Pick<TPairingTarget, 'committeeOrg'>): boolean {
  return grantsRoleAt(grants, STAFF_ROLES, target.committeeOrg.path);
}

/** The secretary of the brand organization or of the partner branch. */
export function isPairingSide(grants: readonly TRoleGrant[], target: Pick<TPairingTarget, 'brandOrg' | 'partnerOrg'>): boolean {
  return (
    grantsRoleAt(grants, ['BRANCH_SECRETARY'], target.brandOrg.path) ||
    (!!target.partnerOrg && grantsRoleAt(grants, ['BRANCH_SECRETARY'], target.partnerOrg.path))
  );
}

export function assertCanReadPairing(grants: readonly TRoleGrant[], target: TPairingTarget | null): asserts target is TPairingTarget {
  if (!target || !(isPairingManager(grants, target) || isPairingSide(grants, target))) throw new AppError('NOT_FOUND', '结对共建记录不存在或您无权查看');
}

export function assertPairingManager(grants: readonly TRoleGrant[], target: TPairingTarget | null): asserts target is TPairingTarget {
  assertCanReadPairing(grants, target);
  if (!isPairingManager(grants, target)) throw new AppError('FORBIDDEN', '只有组织结对的党(工)委可以进行期满评议');
}

export function assertPairingSide(grants: readonly TRoleGrant[], target: TPairingTarget | null): asserts target is TPairingTarget {
  assertCanReadPairing(grants, target);
  if (!isPairingSide(grants, target)) throw new AppError('FORBIDDEN', '只有结对双方的党组织书记可以记录共建活动');
}

/** Staff strictly above an organization (flagging 后进 is a superior's judgement, never one's own). */
export function isStaffAbove(grants: readonly TRoleGrant[], path: string): boolean {
  return grants.some((grant) => STAFF_ROLES.includes(grant.role) && path.startsWith(grant.organizationPath) && path !== grant.organizationPath);
}
