import Link from 'next/link';
import { AcceptanceStatusBadge, waitingText } from '@/components/acceptance/request-view';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDate, formatDateTime } from '@/lib/format';
import { listAcceptanceQueue } from '@/lib/acceptance/queries';
import { ACCEPTANCE_STATUS_LABELS } from '@/lib/acceptance/schema';
import { listAcceptanceCampaigns } from '@/lib/acceptance/results';
import { documentHref } from '@/lib/documents/queries';
import { buttonClass } from '@/components/ui/button';

export const metadata = { title: '验收认定' };

/** The organizer's queue: open requests in request order with their waiting time ("成熟一个、验收一个"), then decided ones. */
type TProps = { searchParams: Promise<{ campaign?: string; status?: string }> };

const STATUSES = ['WAITING', 'REVIEWING', 'PASSED', 'FAILED'] as const;

export default async function AcceptanceQueuePage({ searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const query = await searchParams;
  const status = STATUSES.find((value) => value === query.status);
  const campaignId = typeof query.campaign === 'string' && query.campaign.length <= 64 ? query.campaign : undefined;
  const [rows, campaigns] = await Promise.all([listAcceptanceQueue(user, { campaignId, status }), listAcceptanceCampaigns(user.roles)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="验收认定" description="按申请先后逐个组织验收，不等批次：成熟一个、验收一个" />
      {(status || campaignId) && (
        <p className="mb-3 flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm text-stone-700" data-testid="acceptance-filter">
          <span>
            筛选：{campaignId ? '所选评选活动' : '全部活动'}
            {status ? `，最近一次申请为“${ACCEPTANCE_STATUS_LABELS[status]}”` : ''}（共 {rows.length} 件）
          </span>
          <Link href="/admin/acceptance" className="text-brand-700 underline-offset-2 hover:underline">清除</Link>
        </p>
      )}
      {campaigns.length > 0 && (
        <ul className="mb-4 space-y-2 rounded-lg border border-stone-200 bg-white p-3 text-sm shadow-sm" aria-label="验收结果文书">
          {campaigns.map((campaign) => (
            <li key={campaign.id} className="flex flex-wrap items-center gap-2">
              <span className="min-w-0 flex-1 text-stone-800">{campaign.title} · 验收结果</span>
              <a href={documentHref(campaign.id, 'acceptance-results', 'pdf')} download className={buttonClass('secondary')}>
                PDF
              </a>
              <a href={documentHref(campaign.id, 'acceptance-results', 'xlsx')} download className={buttonClass('secondary')}>
                Excel
              </a>
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <EmptyState title="暂无验收申请">品牌创建单位提交验收申请后显示在这里。</EmptyState>
      ) : (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white shadow-sm">
          {rows.map((row) => {
            const open = row.status === 'WAITING' || row.status === 'REVIEWING';
            // 验收完成 (seed 001: 12月上旬) is the campaign's date: the day after it, an open request is late.
            const completeBy = row.cultivation.campaign.acceptanceCompleteBy;
            const late = open && !!completeBy && now.getTime() >= completeBy.getTime() + 16 * 3_600_000;
            return (
              <li key={row.id} className="flex flex-wrap items-start justify-between gap-2 p-3 text-sm">
                <div className="min-w-0 space-y-0.5">
                  <Link href={`/acceptance/requests/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    “{row.cultivation.brand.name}”
                  </Link>
                  <p className="text-stone-600">{row.cultivation.brand.organization.name} · 第 {row.round} 次申请</p>
                  <p className="text-xs text-stone-500">{row.cultivation.campaign.title}</p>
                  <p className="text-xs text-stone-500">
                    {formatDateTime(row.requestedAt)} 申请{open ? `，已等候 ${waitingText(row.requestedAt, now)}` : row.decidedAt ? `，${formatDate(row.decidedAt)} 办结` : ''}
                    {row.status === 'REVIEWING' ? `，验收组 ${row._count.experts} 人` : ''}
                  </p>
                  {open && completeBy && (
                    <p className={late ? 'text-xs font-medium text-red-700' : 'text-xs text-stone-500'}>
                      {late ? `已超过验收完成时间（${formatDate(completeBy)}）` : `须于 ${formatDate(completeBy)} 前完成验收`}
                    </p>
                  )}
                </div>
                <AcceptanceStatusBadge status={row.status} />
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
