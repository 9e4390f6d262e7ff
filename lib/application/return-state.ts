import type { Prisma } from '@/lib/generated/prisma/client';
import type { TEntryFacts } from '@/lib/campaign/lifecycle';

/**
 * What `returnRefusal` needs to know of an entry, as a Prisma select: its status and whether it went past the point of
 * no return (a submitted score sheet, a signed 初评/审定, an honour). Whether it is listed or recommended does not
 * change the answer, so those facts are not read here.
 */
export const RETURN_STATE_SELECT = {
  status: true,
  awardedHonors: { select: { revokedAt: true } },
  decisionItems: { where: { decision: { signedAt: { not: null } } }, select: { decisionId: true }, take: 1 },
  reviewAssignments: { where: { submittedAt: { not: null } }, select: { id: true }, take: 1 },
} satisfies Prisma.ApplicationSelect;

type TReturnStateRow = Prisma.ApplicationGetPayload<{ select: typeof RETURN_STATE_SELECT }>;

export function returnFactsOf(row: TReturnStateRow): TEntryFacts {
  const isHonoured = row.awardedHonors.some((honor) => !honor.revokedAt);
  return {
    status: row.status,
    isReviewed: row.reviewAssignments.length > 0,
    isDecided: row.decisionItems.length > 0,
    isHonoured,
    isRevoked: !isHonoured && row.awardedHonors.length > 0,
  };
}
