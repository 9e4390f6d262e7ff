import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { LedgerEntryForm } from '@/components/cultivation/ledger-entry-form';
import { CorrectEntryButton, DeleteEntryButton, ReportMonthButton } from '@/components/cultivation/ledger-controls';
import { MonthStatusBadge } from '@/components/cultivation/month-status-badge';
import { PairingActivityList } from '@/components/pairing/activity-list';
import { requirePageUser } from '@/lib/http/page';
import { loadLedgerMonth } from '@/lib/cultivation/queries';
import { loadLedgerPairingActivities } from '@/lib/pairing/queries';
import { ledgerDueAt, monthLabel } from '@/lib/cultivation/ledger-schedule';
import { formatDate, formatDateTime } from '@/lib/format';

export const metadata = { title: '台帐' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ month?: string }> };

export default async function LedgerPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['BRANCH_SECRETARY', 'COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { id } = await params;
  const { month: requested } = await searchParams;
  const view = await loadLedgerMonth(user, id, typeof requested === 'string' ? requested : undefined);
  const { target, month, report } = view;
  // 结对共建 activities of the brand's organization this month: recorded once on the pairing, listed here read-only.
  const pairingActivities = await loadLedgerPairingActivities(user, target.id, month);
  const dueAt = ledgerDueAt(month, target.campaign.ledgerDueDay);
  const canWrite = view.keeper && !view.refusal && !!view.dayRange;
  const minDay = view.dayRange?.first ?? view.today;
  const maxDay = view.dayRange?.last ?? view.today;
  const monthFirst = `${month}-01`;
  const defaultDay = view.today.startsWith(month) ? view.today : monthFirst < minDay ? minDay : monthFirst;
  const live = view.entries.filter((entry) => !entry.correctsId).length;

  return (
    <>
      <PageHeader
        title={`${target.brandName} · 台帐`}
        description={`${target.organization.name} · ${target.campaign.title} · 每月${target.campaign.ledgerDueDay}日前上报`}
        actions={<Link href={`/cultivation/${target.id}/plan`} className="text-sm text-brand-700 underline">创建方案</Link>}
      />
      <nav aria-label="月份" className="mb-4 flex gap-2 overflow-x-auto pb-1">
        {view.months.map((candidate) => (
          <Link
            key={candidate.month}
            href={`/cultivation/${target.id}/ledger?month=${candidate.month}`}
            aria-current={candidate.month === month ? 'page' : undefined}
            className={`flex shrink-0 flex-col items-center gap-1 rounded-md border px-3 py-2 text-sm ${candidate.month === month ? 'border-brand-700 bg-brand-50' : 'border-stone-200 bg-white'}`}
          >
            <span>{monthLabel(candidate.month)}</span>
            <MonthStatusBadge status={candidate.status} />
          </Link>
        ))}
      </nav>

      <div className="space-y-4">
        {report ? (
          <Alert tone={report.isLate ? 'warning' : 'success'}>
            {monthLabel(month)}台帐已于 {formatDateTime(report.reportedAt)} 上报（{report.isLate ? '逾期' : '按时'}，{report.entryCount} 条），本月已锁定；如有错误请对原记录提交更正。
          </Alert>
        ) : (
          <Alert tone="info">{monthLabel(month)}台帐应于 {formatDate(new Date(dueAt.getTime() - 1))} 前上报，尚未上报。</Alert>
        )}
        {view.keeper && view.refusal && <Alert tone="warning">{view.refusal}</Alert>}

        {canWrite && !report && (
          <Card title="填写台帐">
            <LedgerEntryForm cultivationId={target.id} minDay={minDay} maxDay={maxDay} defaultDay={defaultDay} />
          </Card>
        )}

        <Card
          title={`${monthLabel(month)}的记录（${live} 条）`}
          actions={canWrite && !report && month <= view.today.slice(0, 7) ? <ReportMonthButton cultivationId={target.id} month={month} monthLabel={monthLabel(month)} entryCount={live} /> : undefined}
        >
          {view.entries.length === 0 ? (
            <EmptyState title="本月还没有台帐记录" />
          ) : (
            <ol className="space-y-3">
              {view.entries.map((entry) => (
                <li key={entry.id} className={`rounded-md border p-3 ${entry.correctedById ? 'border-stone-200 bg-stone-50 text-stone-500' : 'border-stone-200 bg-white'}`}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-medium text-stone-900">
                      {formatDate(`${entry.occurredOn}T00:00:00+08:00`)} · {entry.activity}
                      {entry.correctedById && <span className="ml-2 text-xs text-amber-800">（已更正）</span>}
                      {entry.correctsId && <span className="ml-2 text-xs text-sky-800">（更正记录）</span>}
                    </h3>
                    {canWrite && !report && <DeleteEntryButton entryId={entry.id} activity={entry.activity} />}
                    {canWrite && report && !entry.correctedById && (
                      <CorrectEntryButton entry={entry} cultivationId={target.id} minDay={minDay} maxDay={maxDay} />
                    )}
                  </div>
                  {entry.correctionReason && <p className="mt-1 text-sm text-sky-900">更正理由：{entry.correctionReason}</p>}
                  <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[6rem_1fr]">
                    <dt className="text-stone-500">地点</dt>
                    <dd>{entry.place}</dd>
                    <dt className="text-stone-500">参加人员</dt>
                    <dd>{entry.participants}</dd>
                    <dt className="text-stone-500">活动内容</dt>
                    <dd className="whitespace-pre-wrap">{entry.summary}</dd>
                  </dl>
                  {entry.photos.length > 0 && (
                    <ul className="mt-2 flex flex-wrap gap-2" aria-label="活动照片">
                      {entry.photos.map((photo) => (
                        <li key={photo.id}>
                          <a href={photo.url} target="_blank" rel="noreferrer">
                            {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */}
                            <img src={photo.thumbUrl} alt={photo.name} className="size-20 rounded object-cover" />
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                  {entry.documents.length > 0 && (
                    <ul className="mt-2 space-y-1 text-sm">
                      {entry.documents.map((document) => (
                        <li key={document.id}>
                          <a href={document.url} className="text-brand-700 underline">{document.name}</a>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Card>

        {pairingActivities.length > 0 && (
          <Card title={`${monthLabel(month)}的结对共建活动（${pairingActivities.length} 次）`}>
            <p className="mb-3 text-sm text-stone-600">在结对共建中记录，双方台帐同时列出；只读，不计入本月上报条数。</p>
            <PairingActivityList activities={pairingActivities} onLedger />
          </Card>
        )}
      </div>
    </>
  );
}
