import { z } from 'zod';
import { downloadRequest } from '@/lib/files/download';
import { db } from '@/lib/db';
import { downloadResponse, textRefusal } from '@/lib/files/http';
import { getDecision } from '@/lib/review/decision-queries';
import { buildDecisionWorkbook, buildReviewWorkbook, renderDecisionPdf, renderReviewPdf } from '@/lib/review/export';
import { findReviewCampaign } from '@/lib/review/pool';
import { loadRanking } from '@/lib/review/results';

export const dynamic = 'force-dynamic';

const ZQuery = z.object({
  campaign: z.string({ error: '缺少评选活动' }).trim().min(1, '缺少评选活动').max(64, '评选活动编号有误'),
  format: z.enum(['xlsx', 'pdf'], { error: '导出格式只能是 xlsx 或 pdf' }),
  decision: z.string().trim().max(64, '决定编号有误').optional(),
});

/** The review's score tables and ranking (Excel), or one decision sheet (Excel or A4 PDF), for the organizer's staff. */
export async function GET(request: Request) {
  const started = await downloadRequest(request, ZQuery);
  if (started instanceof Response) return started;
  const { user, query } = started;
  const { campaign: campaignId, format, decision: decisionId } = query;
  const campaign = await findReviewCampaign(db, campaignId, user.roles);
  // Unknown and not-yours answer alike, so ids cannot be probed.
  if (!campaign) return textRefusal(404, '评选活动不存在或您无权查看');
  let body: Buffer;
  let name: string;
  if (decisionId) {
    const decision = await getDecision(decisionId, campaign.id);
    if (!decision) return textRefusal(404, '决定不存在或您无权查看');
    const awards = await db.award.findMany({ where: { campaignId: campaign.id }, select: { id: true, name: true } });
    const awardName = new Map(awards.map((award) => [award.id, award.name]));
    body = format === 'pdf' ? await renderDecisionPdf(campaign.title, decision, awardName) : await buildDecisionWorkbook(campaign.title, decision, awardName);
    name = `${campaign.title}-${decision.kind === 'FINAL' ? '领导小组审定' : '部务会初评'}-第${decision.version}版.${format}`;
  } else {
    const ranking = await loadRanking(campaign);
    body = format === 'pdf' ? await renderReviewPdf(campaign, ranking) : await buildReviewWorkbook(campaign, ranking);
    name = `${campaign.title}-专家评审结果.${format}`;
  }
  return downloadResponse(body, format, name, `review.${format}`);
}
