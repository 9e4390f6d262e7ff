// Pure rules of 逐级推荐: which organizations an entry passes on its way up, and where it stands now.
import type { TRoleGrant } from '@/lib/auth/session';
import { isRecommendingDepth } from '@/lib/campaign/quota';

/** Staff of a recommending organization act for it: a COMMITTEE_ADMIN grant on that very organization (not an ancestor). */
export function actsFor(grants: readonly TRoleGrant[], organizationId: string): boolean {
  return grants.some((grant) => grant.role === 'COMMITTEE_ADMIN' && grant.organizationId === organizationId);
}

type TDecision = 'PENDING' | 'RECOMMENDED' | 'NOT_RECOMMENDED';

/**
 * The recommending organizations of an entry, nearest first: the ancestors of the declaring organization strictly
 * below the campaign's owner, at the depths the campaign names (empty = every level). Ids come from the
 * materialized path, so index = depth. Empty when the declaring organization sits right under the owner, or when the
 * owner is not above it (no way up).
 */
export function recommendingChain(applicantPath: string, ownerOrgId: string, recommendingDepths: readonly number[]): string[] {
  const ids = applicantPath.split('/').filter(Boolean);
  const ownerIndex = ids.indexOf(ownerOrgId);
  if (ownerIndex < 0) return [];
  const chain: string[] = [];
  for (let depth = ids.length - 2; depth > ownerIndex; depth--) {
    if (isRecommendingDepth(recommendingDepths, depth)) chain.push(ids[depth]);
  }
  return chain;
}

export type TEntryPosition =
  /** Waiting for this organization's decision (it may have ranked or annotated it). */
  | { kind: 'AT_LEVEL'; organizationId: string; levelIndex: number }
  /** This organization did not recommend it; it stops there. */
  | { kind: 'STOPPED'; organizationId: string; levelIndex: number }
  /** Every level recommended it (or there is no level): the organization department's 资格审查. */
  | { kind: 'QUALIFICATION' };

/** Where a submitted entry stands, from its chain and the decisions taken so far. */
export function entryPosition(chain: readonly string[], decisions: ReadonlyMap<string, TDecision>): TEntryPosition {
  for (const [levelIndex, organizationId] of chain.entries()) {
    const decision = decisions.get(organizationId) ?? 'PENDING';
    if (decision === 'PENDING') return { kind: 'AT_LEVEL', organizationId, levelIndex };
    if (decision === 'NOT_RECOMMENDED') return { kind: 'STOPPED', organizationId, levelIndex };
  }
  return { kind: 'QUALIFICATION' };
}

/** Whether the entry has reached the level at `levelIndex`: every level below it recommended it. */
export function hasReachedLevel(chain: readonly string[], decisions: ReadonlyMap<string, TDecision>, levelIndex: number): boolean {
  return levelIndex >= 0 && chain.slice(0, levelIndex).every((id) => decisions.get(id) === 'RECOMMENDED');
}

/** Whether the organization at `levelIndex` may still change its decision: the next level has not acted on it. */
export function isDecisionOpen(chain: readonly string[], decisions: ReadonlyMap<string, TDecision>, levelIndex: number, qualified: boolean): boolean {
  const next = chain[levelIndex + 1];
  if (next === undefined) return !qualified;
  return (decisions.get(next) ?? 'PENDING') === 'PENDING';
}
