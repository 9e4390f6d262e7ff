import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DecisionEditor } from '@/components/review/decision-editor';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDate, formatDateTime } from '@/lib/format';
import { loadReviewCampaignForPage } from '@/lib/review/admin-page';
import { DECISION_KIND_LABELS, getDecision, listCampaignAwards } from '@/lib/review/decision-queries';

export const metadata = { title: '会议决定' };

type TProps = { params: Promise<{ id: string; decisionId: string }> };

export default async function DecisionPage({ params }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { id, decisionId } = await params;
  const campaign = await loadReviewCampaignForPage(user, id);
  const decision = await getDecision(decisionId, campaign.id);
  if (!decision) notFound();
  const awards = await listCampaignAwards(campaign.id);
  const awardName = new Map(awards.map((award) => [award.id, award.name]));
  const title = DECISION_KIND_LABELS[decision.kind];
  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}/decisions`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回初评与审定
      </Link>
      <PageHeader
        title={`${title}（第 ${decision.version} 版）`}
        description={campaign.title}
        actions={
          decision.signedAt && (
            <>
              <a href={`/api/reviews/export?campaign=${campaign.id}&format=xlsx&decision=${decision.id}`} className={buttonClass('secondary')} download>导出 Excel</a>
              <a href={`/api/reviews/export?campaign=${campaign.id}&format=pdf&decision=${decision.id}`} className={buttonClass('secondary')} download>决定表（PDF）</a>
            </>
          )
        }
      />
      <div className="space-y-4">
        {decision.correctionReason && <Alert tone="warning">本版为更正版本，更正理由：{decision.correctionReason}</Alert>}
        {decision.signedAt ? (
          <>
            <Alert tone="success">
              {decision.signedBy?.displayName} 于 {formatDateTime(decision.signedAt)} 签署，不可修改。会议日期 {formatDate(decision.meetingDate)}；参会人员：{decision.attendees}
            </Alert>
            {decision.notes && <p className="whitespace-pre-wrap text-sm text-stone-700">{decision.notes}</p>}
            <ol className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
              {decision.items.map((item) => (
                <li key={item.applicationId} className="flex flex-wrap items-start justify-between gap-2 px-4 py-3 text-sm">
                  <span className="flex gap-3">
                    <span className="w-8 font-semibold tabular-nums">{item.rank}</span>
                    <span>
                      <span className="font-medium text-stone-900">{item.application.brandName}</span>
                      <span className="block text-xs text-stone-500">{item.application.organization.name} · 综合 {item.score.toFixed(2)}</span>
                      {item.changeReason && <span className="block text-xs text-amber-900">调整理由：{item.changeReason}</span>}
                    </span>
                  </span>
                  {item.awardIds.length ? (
                    <span className="flex flex-wrap gap-1">
                      {item.awardIds.map((awardId) => (
                        <Badge key={awardId} tone="brand">{awardName.get(awardId)}</Badge>
                      ))}
                    </span>
                  ) : (
                    <span className="text-xs text-stone-500">不授奖</span>
                  )}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <DecisionEditor
            decisionId={decision.id}
            title={title}
            awards={awards.map((award) => ({ id: award.id, name: award.name, kind: award.kind, count: award.count, fieldId: award.fieldId }))}
            proposalLabel={decision.kind === 'PRELIMINARY' ? '按排名建议' : '初评结果'}
            initial={{
              meetingDate: decision.meetingDate.toISOString().slice(0, 10),
              attendees: decision.attendees,
              notes: decision.notes,
              items: decision.items.map((item) => ({
                applicationId: item.applicationId,
                brandName: item.application.brandName,
                organizationName: item.application.organization.name,
                fieldId: item.application.fieldId,
                fieldName: item.application.field?.name ?? '未分领域',
                rank: item.rank,
                score: item.score,
                proposedAwardIds: item.proposedAwardIds,
                awardIds: item.awardIds,
                changeReason: item.changeReason ?? '',
              })),
            }}
          />
        )}
      </div>
    </>
  );
}
