import Link from 'next/link';
import { CreateDecisionButton } from '@/components/review/create-decision-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDate, formatDateTime } from '@/lib/format';
import { loadReviewCampaignForPage } from '@/lib/review/admin-page';
import { DECISION_KIND_LABELS, listDecisions, loadAwardProposal, loadDeliberationState } from '@/lib/review/decision-queries';

export const metadata = { title: '初评与审定' };

type TProps = { params: Promise<{ id: string }> };

export default async function DecisionsPage({ params }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { id } = await params;
  const campaign = await loadReviewCampaignForPage(user, id);
  const [decisions, proposal, state] = await Promise.all([listDecisions(campaign.id), loadAwardProposal(campaign.id), loadDeliberationState(campaign)]);
  const basePath = `/admin/campaigns/${campaign.id}/decisions`;
  const of = (kind: 'PRELIMINARY' | 'FINAL') => decisions.filter((decision) => decision.kind === kind);
  const hasDraft = (kind: 'PRELIMINARY' | 'FINAL') => of(kind).some((decision) => !decision.signedAt);
  const hasSigned = (kind: 'PRELIMINARY' | 'FINAL') => of(kind).some((decision) => decision.signedAt);
  /** Why a new version of `kind` cannot be started now (a correction when one is signed), or null. */
  const refusalFor = (kind: 'PRELIMINARY' | 'FINAL') => (hasSigned(kind) ? state.correction : state.first);

  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}/review/results`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回评审结果与排名
      </Link>
      <PageHeader title="初评与审定" description={`${campaign.title} · 部务会初评后报领导小组审定，审定结果即拟表彰名单`} />
      <div className="space-y-4">
        <Card title="拟表彰名单" actions={proposal && <a href={`/api/reviews/export?campaign=${campaign.id}&format=pdf&decision=${proposal.decision.id}`} className={buttonClass('secondary')} download>审定表（PDF）</a>}>
          {proposal ? (
            <div className="space-y-2 text-sm">
              <p className="text-stone-600">依据领导小组审定（第 {proposal.decision.version} 版，{formatDate(proposal.decision.meetingDate)} 会议）。</p>
              <ol className="divide-y divide-stone-100">
                {proposal.items.map((item) => (
                  <li key={`${item.application.id}:${item.award.id}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-medium text-stone-900">{item.application.brandName}</span>
                      <span className="ml-2 text-xs text-stone-500">{item.application.organization.name}</span>
                    </span>
                    <Badge tone="brand">{item.award.name}</Badge>
                  </li>
                ))}
              </ol>
            </div>
          ) : (
            <p className="text-sm text-stone-500">领导小组审定签署后，拟表彰名单会显示在这里，供公示阶段发布。</p>
          )}
        </Card>

        {(['PRELIMINARY', 'FINAL'] as const).map((kind) => (
          <Card
            key={kind}
            title={DECISION_KIND_LABELS[kind]}
            actions={
              !refusalFor(kind) &&
              !hasDraft(kind) &&
              (kind === 'PRELIMINARY' || hasSigned('PRELIMINARY')) && (
                <CreateDecisionButton campaignId={campaign.id} kind={kind} label={hasSigned(kind) ? `更正${DECISION_KIND_LABELS[kind]}` : `开始${DECISION_KIND_LABELS[kind]}`} isCorrection={hasSigned(kind)} />
              )
            }
          >
            {refusalFor(kind) && (hasDraft(kind) || kind === 'PRELIMINARY' || hasSigned('PRELIMINARY')) && (
              <Alert tone="info">{hasDraft(kind) ? `草稿暂不能保存或签署：${refusalFor(kind)}` : refusalFor(kind)}</Alert>
            )}
            {of(kind).length === 0 ? (
              <EmptyState title={`尚未进行${DECISION_KIND_LABELS[kind]}`}>
                {kind === 'PRELIMINARY' ? '专家评审完成后，依据排名开始部务会初评。' : '部务会初评签署后，报领导小组审定。'}
              </EmptyState>
            ) : (
              <ul className="divide-y divide-stone-100">
                {of(kind).map((decision) => (
                  <li key={decision.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                    <div className="space-y-1">
                      <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                        第 {decision.version} 版
                        {decision.signedAt ? <Badge tone="success">已签署</Badge> : <Badge tone="warning">草稿</Badge>}
                      </p>
                      <p className="text-xs text-stone-500">
                        会议 {formatDate(decision.meetingDate)}
                        {decision.signedAt && ` · ${decision.signedBy?.displayName ?? ''} 签署于 ${formatDateTime(decision.signedAt)}`}
                        {decision.correctionReason && ` · 更正理由：${decision.correctionReason}`}
                      </p>
                    </div>
                    <Link href={`${basePath}/${decision.id}`} className={buttonClass(decision.signedAt ? 'secondary' : 'primary')}>
                      {decision.signedAt ? '查看' : '继续填写'}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))}
      </div>
    </>
  );
}
