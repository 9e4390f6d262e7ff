import { z } from 'zod';
import { downloadRequest } from '@/lib/files/download';
import { db } from '@/lib/db';
import { downloadResponse, textRefusal } from '@/lib/files/http';
import { findReviewCampaign } from '@/lib/review/pool';
import { buildVoteResultsWorkbook } from '@/lib/voting/results-export';
import { loadVoteResults } from '@/lib/voting/results';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  campaignId: z.string({ error: '缺少评选活动' }).trim().min(1, '缺少评选活动').max(64, '评选活动编号有误'),
});

/** The 网络投票 results (Excel) for the organizer's staff: the same people who see the review ranking they feed. */
export async function GET(request: Request) {
  const started = await downloadRequest(request, ZQuery);
  if (started instanceof Response) return started;
  const { user, query } = started;
  const campaign = await findReviewCampaign(db, query.campaignId, user.roles);
  // Unknown and not-yours answer alike, so ids cannot be probed.
  if (!campaign) return textRefusal(404, '评选活动不存在或您无权查看');
  const results = await loadVoteResults(campaign);
  const body = await buildVoteResultsWorkbook(campaign.title, results);
  return downloadResponse(body, 'xlsx', `${campaign.title}-网络投票结果.xlsx`, 'votes.xlsx');
}
