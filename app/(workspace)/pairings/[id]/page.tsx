import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { PairingActivityForm } from '@/components/pairing/activity-form';
import { PairingActivityList } from '@/components/pairing/activity-list';
import { PairingReviewForm } from '@/components/pairing/review-form';
import { requirePageUser } from '@/lib/http/page';
import { loadPairingDetail } from '@/lib/pairing/queries';
import { PAIRING_KIND_LABELS, PAIRING_VERDICT_LABELS } from '@/lib/pairing/schema';
import { monthLabel } from '@/lib/cultivation/ledger-schedule';
import { formatDate, formatDateTime } from '@/lib/format';

export const metadata = { title: '结对共建' };

const day = (value: string) => formatDate(`${value}T00:00:00+08:00`);

type TProps = { params: Promise<{ id: string }> };

export default async function PairingPage({ params }: TProps) {
  const user = await requirePageUser(['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { id } = await params;
  const view = await loadPairingDetail(user, id);
  const { target } = view;
  const partner = target.partnerOrg?.name ?? target.partnerName ?? '';
  const active = target.status === 'ACTIVE';
  const started = view.today >= target.startsOn;
  const maxDay = view.today < target.endsOn ? view.today : target.endsOn;
  const total = view.months.reduce((sum, month) => sum + month.activities.length, 0);

  return (
    <>
      <PageHeader
        title={`${target.brandOrg.name} ⇄ ${partner}`}
        description={`${PAIRING_KIND_LABELS[target.kind]} · ${target.committeeOrg.name}组织`}
        actions={<Link href="/pairings" className="text-sm text-brand-700 underline">全部结对</Link>}
      />
      <div className="space-y-4">
        <Card title="结对计划" actions={active ? <Badge tone="info">结对中</Badge> : view.verdict && <Badge tone={view.verdict === 'FAIL' ? 'warning' : 'success'}>{PAIRING_VERDICT_LABELS[view.verdict]}</Badge>}>
          <dl className="grid gap-1 text-sm sm:grid-cols-[6rem_1fr]">
            <dt className="text-stone-500">品牌组织</dt>
            <dd>{target.brandOrg.name}{view.brandName && <>（品牌「{view.brandName}」）</>}</dd>
            <dt className="text-stone-500">结对单位</dt>
            <dd>{partner}{target.kind === 'ENTERPRISE' && '（企业）'}</dd>
            <dt className="text-stone-500">结对期</dt>
            <dd>{day(target.startsOn)}至{day(target.endsOn)}</dd>
            <dt className="text-stone-500">目标与计划</dt>
            <dd className="whitespace-pre-wrap">{view.goals}</dd>
          </dl>
        </Card>

        {!active && (
          <Alert tone={view.verdict === 'FAIL' ? 'warning' : 'success'}>
            期满评议：{view.verdict && PAIRING_VERDICT_LABELS[view.verdict]}（{view.reviewedByName ?? '—'}，{view.reviewedAt && formatDateTime(view.reviewedAt)}）。{view.reviewNote}
          </Alert>
        )}

        {view.side && active && (
          <Card title="记录共建活动">
            {started ? (
              <PairingActivityForm pairingId={target.id} minDay={target.startsOn} maxDay={maxDay} />
            ) : (
              <p className="text-sm text-stone-600">结对期从{day(target.startsOn)}开始，届时可记录共建活动。</p>
            )}
          </Card>
        )}

        <Card title={`共建台帐（${total} 次）`}>
          <p className="mb-3 text-sm text-stone-600">共建活动只记录一次，同时列入双方的台帐：品牌组织在其培育创建台帐的当月看到，结对支部在此按月查看。</p>
          {view.months.length === 0 ? (
            <EmptyState title="还没有共建活动" />
          ) : (
            <div className="space-y-4">
              {view.months.map((month) => (
                <section key={month.month} aria-label={monthLabel(month.month)}>
                  <h3 className="mb-2 text-sm font-semibold text-stone-700">{monthLabel(month.month)}（{month.activities.length} 次）</h3>
                  <PairingActivityList activities={month.activities} />
                </section>
              ))}
            </div>
          )}
        </Card>

        {view.manager && active && (
          <Card title="期满评议">
            <PairingReviewForm pairingId={target.id} beforeEnd={view.today <= target.endsOn} />
          </Card>
        )}
      </div>
    </>
  );
}
