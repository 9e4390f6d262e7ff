import { notFound } from 'next/navigation';
import type { TSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { findReviewCampaign } from '@/lib/review/pool';

/** The campaign for the review, on-site and decision pages; outside the admin's scope it does not exist. */
export async function loadReviewCampaignForPage(user: TSessionUser, campaignId: string) {
  const campaign = await findReviewCampaign(db, campaignId, user.roles);
  if (!campaign) notFound();
  return campaign;
}
