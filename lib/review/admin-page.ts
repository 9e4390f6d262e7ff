import type { TSessionUser } from '@/lib/auth/session';
import { db, dbNow } from '@/lib/db';
import { findReviewCampaign } from '@/lib/review/pool';
import { pageNotFound } from '@/lib/http/page';

/** The campaign for the review, on-site and decision pages; outside the admin's scope it does not exist. */
export async function loadReviewCampaignForPage(user: TSessionUser, campaignId: string) {
  const campaign = await findReviewCampaign(db, campaignId, user.roles);
  if (!campaign) pageNotFound();
  return campaign;
}

/** The same campaign with the database time its stages are judged by (a page never reads the server clock). */
export async function loadReviewCampaignWithNow(user: TSessionUser, campaignId: string) {
  const [campaign, now] = await Promise.all([loadReviewCampaignForPage(user, campaignId), dbNow()]);
  return { campaign, now };
}
