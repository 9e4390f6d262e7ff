import Link from 'next/link';
import { RankingTable } from '@/components/review/ranking-table';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { ExportButton } from '@/components/ui/export-button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { AGGREGATION_LABELS } from '@/lib/review/aggregate';
import { loadReviewCampaignForPage } from '@/lib/review/admin-page';
import { loadRanking } from '@/lib/review/results';

export const metadata = { title: '评审结果与排名' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewResultsPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const campaign = await loadReviewCampaignForPage(user, id);
  const ranking = await loadRanking(campaign);
  const basePath = `/admin/campaigns/${campaign.id}/review/results`;
  const fieldId = typeof search.field === 'string' ? search.field : '';
  const fields = [...new Map(ranking.rows.map((row) => [row.fieldId ?? '', row.fieldName])).entries()];
  const rows = fieldId ? ranking.rows.filter((row) => (row.fieldId ?? '') === fieldId) : ranking.rows;
  const disputed = ranking.rows.filter((row) => row.isDisputed).length;
  const showVotes = ranking.votingEnabled && ranking.voteWeight > 0;

  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}/review`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回专家评审
      </Link>
      <PageHeader
        title="评审结果与排名"
        description={campaign.title}
        actions={
          <>
            <ExportButton href={`/api/reviews/export?campaign=${campaign.id}&format=xlsx`} fileName="review-results.xlsx" />
            <a href={`/api/reviews/export?campaign=${campaign.id}&format=pdf`} className={buttonClass('secondary')} download>导出 PDF</a>
            <Link href={`/admin/campaigns/${campaign.id}/decisions`} className={buttonClass('secondary')}>初评与审定</Link>
          </>
        }
      />
      <div className="space-y-4">
        <Card title="计分方法">
          <div className="space-y-1 text-sm text-stone-700">
            <p>
              综合得分 = 专家评分 ÷ {ranking.rubricMax}（评分标准满分）× {ranking.expertWeight}
              {showVotes ? ` + 有效票数 ÷ ${ranking.topVotes}（最高票数）× ${ranking.voteWeight}` : ''}，满分 {ranking.expertWeight + (showVotes ? ranking.voteWeight : 0)}。
            </p>
            <p>专家评分：{AGGREGATION_LABELS[ranking.aggregation]}；只计已提交的评分表，复议后以最新一轮为准。分数相同者并列。</p>
            {!ranking.votingEnabled && <p className="text-stone-500">本活动未启用网络投票，投票部分计 0 分。</p>}
            {ranking.votingEnabled && ranking.topVotes === 0 && <p className="text-amber-800">尚无有效投票：投票部分暂计 0 分，投票结束后排名会变化。</p>}
          </div>
        </Card>
        {disputed > 0 && <Alert tone="warning">{disputed} 个品牌的专家评分极差超过 {campaign.disputeSpread} 分，建议组织复议。</Alert>}
        {ranking.rows.length === 0 ? (
          <EmptyState title="还没有评审结果">品牌清单发布并完成专家评分后，排名会显示在这里。</EmptyState>
        ) : (
          <>
            <nav aria-label="按领域查看" className="flex flex-wrap gap-1.5">
              <Link href={basePath} aria-current={!fieldId ? 'page' : undefined} className={`rounded-md px-3 py-2 text-sm ${!fieldId ? 'bg-brand-700 text-white' : 'bg-white ring-1 ring-inset ring-stone-200'}`}>
                总排名
              </Link>
              {fields.map(([value, name]) => (
                <Link key={value} href={`${basePath}?field=${encodeURIComponent(value)}`} aria-current={fieldId === value ? 'page' : undefined} className={`rounded-md px-3 py-2 text-sm ${fieldId === value ? 'bg-brand-700 text-white' : 'bg-white ring-1 ring-inset ring-stone-200'}`}>
                  {name}
                </Link>
              ))}
            </nav>
            <RankingTable rows={rows} useFieldRank={!!fieldId} showVotes={showVotes} campaignId={campaign.id} canDispute={campaign.status === 'PUBLISHED'} />
          </>
        )}
      </div>
    </>
  );
}
