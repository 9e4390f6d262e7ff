import { notFound } from 'next/navigation';
import type { TSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { loadReviewCampaign } from '@/lib/review/pool';

/** The campaign for the review, on-site and decision pages; outside the admin's scope it does not exist. */
export async function loadReviewCampaignForPage(user: TSessionUser, campaignId: string) {
  const campaign = await loadReviewCampaign(db, campaignId, user.roles).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
    throw error;
  });
  if (!campaign) notFound();
  return campaign;
}
