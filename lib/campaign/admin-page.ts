import type { TSessionUser } from '@/lib/auth/session';
import { grantsRoleAt } from '@/lib/auth/scope';
import { getCampaignDetail } from '@/lib/campaign/admin-queries';
import { campaignToSetup } from '@/lib/campaign/setup-values';
import { setupLocks } from '@/lib/campaign/setup-locks';
import { dbNow } from '@/lib/db';
import { pageNotFound } from '@/lib/http/page';

/**
 * A campaign for the admin pages, with its setup and locks judged by database time. Campaigns outside
 * the admin's ORG_ADMIN subtrees are reported as missing rather than forbidden.
 */
export async function loadCampaignForAdmin(user: TSessionUser, campaignId: string) {
  const [campaign, now] = await Promise.all([getCampaignDetail(campaignId), dbNow()]);
  if (!campaign || !grantsRoleAt(user.roles, ['ORG_ADMIN'], campaign.ownerOrg.path)) pageNotFound();
  return { campaign, now, setup: campaignToSetup(campaign), locks: setupLocks(campaign, now) };
}
