import Link from 'next/link';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { ExportButton } from '@/components/ui/export-button';
import { inputClass } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { MONTH_STATUS_CLASSES } from '@/components/cultivation/month-status-badge';
import { requirePageUser } from '@/lib/http/page';
import { listGridCampaigns, loadGridScope } from '@/lib/cultivation/queries';
import { loadComplianceGrid, loadGridCampaign } from '@/lib/cultivation/ledger-grid';
import { monthLabel, MONTH_STATUS_LABELS, type TMonthStatus } from '@/lib/cultivation/ledger-schedule';
import { queryString } from '@/lib/format';
import { documentHref } from '@/lib/documents/queries';

export const metadata = { title: '台帐上报情况' };

type TProps = { searchParams: Promise<{ campaign?: string; org?: string; page?: string }> };

const SHORT: Record<TMonthStatus, string> = { 'on-time': '按时', late: '逾期', missing: '未报', 'not-due': '未到' };

export default async function LedgerGridPage({ searchParams }: TProps) {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const query = await searchParams;
  const campaigns = await listGridCampaigns(user);
  const scope = await loadGridScope(user, typeof query.org === 'string' ? query.org : undefined);
  const campaignId = typeof query.campaign === 'string' && campaigns.some((campaign) => campaign.id === query.campaign) ? query.campaign : campaigns[0]?.id;
  if (!campaignId || !scope) {
    return (
      <>
        <PageHeader title="台帐上报情况" />
        <EmptyState title="本单位范围内还没有培育创建中的品牌" />
      </>
    );
  }
  const page = Math.max(1, Number(query.page) || 1);
  const grid = await loadComplianceGrid({ campaign: await loadGridCampaign(campaignId), subtreePath: scope.selected.path, page });
  const hrefFor = (target: number) => `/cultivation/grid${queryString({ campaign: campaignId, org: scope.selected.id, page: target })}`;

  return (
    <>
      <PageHeader
        title="台帐上报情况"
        description={`${scope.selected.name}范围内 ${grid.total} 个品牌 · 每月${grid.campaign.ledgerDueDay}日前上报`}
        actions={
          <>
            <ExportButton href={`/api/cultivation/grid/export${queryString({ campaign: campaignId, org: scope.selected.id })}`} fileName="ledger-grid.xlsx" />
            <a className={buttonClass('secondary')} href={documentHref(campaignId, 'ledger-compliance', 'pdf', scope.selected.id)} download>
              台帐上报情况文书（PDF）
            </a>
            <a className={buttonClass('secondary')} href={documentHref(campaignId, 'ledger-compliance', 'xlsx', scope.selected.id)} download>
              文书（Excel）
            </a>
          </>
        }
      />
      <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <label className="space-y-1 text-sm">
          <span className="font-medium text-stone-800">活动</span>
          <select name="campaign" defaultValue={campaignId} className={inputClass}>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>{campaign.title}</option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="font-medium text-stone-800">范围</span>
          <select name="org" defaultValue={scope.selected.id} className={inputClass}>
            {scope.options.map((option) => (
              <option key={option.id} value={option.id}>{option.name}</option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass('primary')}>查看</button>
      </form>
      <p className="mb-2 flex flex-wrap gap-2 text-xs" aria-label="图例">
        {(Object.keys(MONTH_STATUS_LABELS) as TMonthStatus[]).map((status) => (
          <span key={status} className={`rounded px-1.5 py-0.5 ring-1 ring-inset ${MONTH_STATUS_CLASSES[status]}`}>{MONTH_STATUS_LABELS[status]}</span>
        ))}
      </p>
      <Card>
        {grid.rows.length === 0 ? (
          <EmptyState title="该范围内没有培育创建中的品牌" />
        ) : (
          <div className="-m-4 overflow-x-auto">
            <table className="min-w-full border-collapse text-sm">
              <thead>
                <tr className="bg-stone-50 text-left">
                  <th scope="col" className="sticky left-0 z-10 bg-stone-50 px-3 py-2 font-medium">组织 / 品牌</th>
                  {grid.campaign.months.map((month, index) => (
                    <th key={month} scope="col" className="whitespace-nowrap px-2 py-2 text-center font-medium">
                      {index === 0 || month.endsWith('-01') ? monthLabel(month) : `${Number(month.slice(5))}月`}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row) => (
                  <tr key={row.cultivationId} className="border-t border-stone-200">
                    <th scope="row" className="sticky left-0 z-10 max-w-40 bg-white px-3 py-2 text-left font-normal">
                      <span className="block truncate font-medium text-stone-900">{row.organizationName}</span>
                      <span className="block truncate text-xs text-stone-500">{row.brandName}</span>
                    </th>
                    {row.cells.map((cell) => (
                      <td key={cell.month} className="px-1 py-1 text-center">
                        <Link
                          href={`/cultivation/${row.cultivationId}/ledger?month=${cell.month}`}
                          className={`block rounded px-1 py-1 text-xs ring-1 ring-inset ${MONTH_STATUS_CLASSES[cell.status]}`}
                          aria-label={`${row.organizationName} ${cell.month} ${MONTH_STATUS_LABELS[cell.status]}，${cell.entries} 条`}
                          data-status={cell.status}
                        >
                          {SHORT[cell.status]}
                          <span className="block text-[10px] opacity-80">{cell.entries} 条</span>
                        </Link>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <div className="mt-4">
        <Pagination page={grid.page} pageCount={Math.max(1, Math.ceil(grid.total / grid.pageSize))} total={grid.total} hrefFor={hrefFor} />
      </div>
    </>
  );
}
