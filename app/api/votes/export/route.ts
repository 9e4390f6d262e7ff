import { z } from 'zod';
import { requireUser } from '@/lib/auth/guard';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { downloadResponse, textRefusal } from '@/lib/files/http';
import { loadReviewCampaign } from '@/lib/review/pool';
import { buildVoteResultsWorkbook } from '@/lib/voting/results-export';
import { loadVoteResults } from '@/lib/voting/results';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  campaignId: z.string({ error: '缺少评选活动' }).trim().min(1, '缺少评选活动').max(64, '评选活动编号有误'),
});

/** The 网络投票 results (Excel) for the organizer's staff: the same people who see the review ranking they feed. */
export async function GET(request: Request) {
  let user;
  try {
    user = await requireUser();
  } catch (error) {
    if (error instanceof AppError) return textRefusal(error.code === 'UNAUTHENTICATED' ? 401 : 403, error.message);
    throw error;
  }
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return textRefusal(400, query.error.issues[0]?.message ?? '参数有误');
  const campaign = await loadReviewCampaign(db, query.data.campaignId, user.roles).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
    throw error;
  });
  // Unknown and not-yours answer alike, so ids cannot be probed.
  if (!campaign) return textRefusal(404, '评选活动不存在或您无权查看');
  const results = await loadVoteResults(campaign);
  const body = await buildVoteResultsWorkbook(campaign.title, results);
  return downloadResponse(body, 'xlsx', `${campaign.title}-网络投票结果.xlsx`, 'votes.xlsx');
}
