import type { Prisma } from '@/lib/generated/prisma/client';
import type { TReturnableEntry } from '@/lib/campaign/entry-operations';

/** What `returnRefusal` needs to know of an entry beyond its status, as a Prisma select. */
export const RETURN_STATE_SELECT = {
  status: true,
  awardedHonors: { where: { revokedAt: null }, select: { id: true }, take: 1 },
  decisionItems: { where: { decision: { signedAt: { not: null } } }, select: { decisionId: true }, take: 1 },
} satisfies Prisma.ApplicationSelect;

type TReturnStateRow = Prisma.ApplicationGetPayload<{ select: typeof RETURN_STATE_SELECT }>;

export function returnableEntryOf(row: TReturnStateRow): TReturnableEntry {
  return { status: row.status, isHonoured: row.awardedHonors.length > 0, isInSignedDecision: row.decisionItems.length > 0 };
}
