import { z } from 'zod';
import { downloadResponse, textRefusal } from '@/lib/http/response';
import { route } from '@/lib/http/route';
import { findStaffReviewCampaign } from '@/lib/review/queries';
import { buildVoteResultsWorkbook } from '@/lib/voting/results-export';
import { loadVoteResults } from '@/lib/voting/results';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  campaignId: z.string({ error: '缺少评选活动' }).trim().min(1, '缺少评选活动').max(64, '评选活动编号有误'),
});

/** The 网络投票 results (Excel) for the organizer's staff: the same people who see the review ranking they feed. */
export const GET = route({ access: 'user', query: ZQuery, refusals: 'text' }, async ({ user, query }) => {
  const campaign = await findStaffReviewCampaign(user, query.campaignId);
  // Unknown and not-yours answer alike, so ids cannot be probed.
  if (!campaign) return textRefusal(404, '评选活动不存在或您无权查看');
  const body = await buildVoteResultsWorkbook(campaign.title, await loadVoteResults(campaign));
  return downloadResponse(body, 'xlsx', `${campaign.title}-网络投票结果.xlsx`, 'votes.xlsx');
});
