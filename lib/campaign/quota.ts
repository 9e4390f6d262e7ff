/** The recommendation cap of an organization: its own quota row, else the campaign's default. */
export function effectiveQuota(
  campaign: { defaultQuota: number },
  organizationId: string,
  quotas: readonly { organizationId: string; limit: number | null }[],
): number {
  return quotas.find((quota) => quota.organizationId === organizationId)?.limit ?? campaign.defaultQuota;
}

/** Whether an organization at `depth` recommends upward in a campaign (empty list = every level). */
export function isRecommendingDepth(recommendingDepths: readonly number[], depth: number): boolean {
  return recommendingDepths.length === 0 || recommendingDepths.includes(depth);
}
