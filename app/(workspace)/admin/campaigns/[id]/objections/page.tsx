import Link from 'next/link';
import { ObjectionOutcomeBadge, ObjectionStatusBadge } from '@/components/objections/objection-status-badge';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { formatDateTime, queryString } from '@/lib/format';
import { listCampaignObjections } from '@/lib/objections/queries';
import { ZObjectionListSearch, type TObjectionFilter } from '@/lib/objections/schema';
import { OBJECTION_STATUS_LABELS, OPEN_OBJECTION_STATUSES } from '@/lib/objections/status';
import { loadReviewCampaignForPage } from '@/lib/review/admin-page';

export const metadata = { title: '异议处理' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const cell = 'px-3 py-2 align-top';
const STATUSES = ['RECEIVED', 'ACCEPTED', 'INVESTIGATING', 'ANSWERED', 'DECLINED'] as const;

export default async function ObjectionsAdminPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const campaign = await loadReviewCampaignForPage(user, id);
  const search = ZObjectionListSearch.parse(raw);
  const list = await listCampaignObjections(campaign.id, search);
  const base = `/admin/campaigns/${campaign.id}/objections`;
  const open = OPEN_OBJECTION_STATUSES.reduce((sum, status) => sum + (list.byStatus[status] ?? 0), 0);
  const filters: { value?: TObjectionFilter; label: string; count: number }[] = [
    { label: '全部', count: list.all },
    { value: 'open', label: '未办结', count: open },
    ...STATUSES.map((status) => ({ value: status, label: OBJECTION_STATUS_LABELS[status], count: list.byStatus[status] ?? 0 })),
  ];

  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}/publicity`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">← 返回公示与表彰</Link>
      <PageHeader title="异议处理" description={`${campaign.title} · 受理、调查核实、答复；有未办结异议的品牌暂缓表彰`} />
      <div className="space-y-4">
        <Card title="暂缓表彰的品牌">
          {list.onHold.length === 0 ? (
            <p className="text-sm text-stone-600">目前没有因异议暂缓的品牌。</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="entries-on-hold">
              {list.onHold.map((entry) => (
                <li key={entry.applicationId} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-stone-900">{entry.brandName}</span>
                  {entry.open > 0 && <Badge tone="warning">{entry.open} 件异议未办结</Badge>}
                  {entry.upheld && <Badge tone="warning">异议成立，暂缓表彰</Badge>}
                </li>
              ))}
            </ul>
          )}
        </Card>

        <nav aria-label="按状态筛选" className="flex flex-wrap gap-2">
          {filters.map((filter) => {
            const current = search.status === filter.value;
            return (
              <Link
                key={filter.label}
                href={`${base}${queryString({ status: filter.value })}`}
                aria-current={current ? 'page' : undefined}
                className={`rounded-full border px-3 py-1 text-sm ${current ? 'border-brand-700 bg-brand-700 text-white' : 'border-stone-300 bg-white text-stone-700 hover:bg-stone-100'}`}
              >
                {filter.label} {filter.count}
              </Link>
            );
          })}
        </nav>

        {list.rows.length === 0 ? (
          <EmptyState title={list.all === 0 ? '还没有收到异议' : '没有符合条件的异议'}>公示期间群众可在公示页面实名提出异议。</EmptyState>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <caption className="sr-only">异议列表</caption>
              <thead className="bg-stone-50 text-left text-stone-600">
                <tr>
                  <th scope="col" className={cell}>提交时间</th>
                  <th scope="col" className={cell}>异议对象</th>
                  <th scope="col" className={cell}>异议人</th>
                  <th scope="col" className={cell}>状态</th>
                  <th scope="col" className={cell}>品牌状态</th>
                  <th scope="col" className={cell}><span className="sr-only">操作</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {list.rows.map((row) => (
                  <tr key={row.id} data-testid="objection-row">
                    <td className={`${cell} whitespace-nowrap text-stone-600`}>{formatDateTime(row.createdAt)}</td>
                    <td className={cell}>
                      <span className="font-medium text-stone-900">{row.application.brandName}</span>
                      <span className="block text-xs text-stone-500">{row.application.organization.name}</span>
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>{row.name}</td>
                    <td className={`${cell} whitespace-nowrap`}>
                      <span className="flex flex-wrap gap-1">
                        <ObjectionStatusBadge status={row.status} />
                        {row.outcome && <ObjectionOutcomeBadge outcome={row.outcome} />}
                      </span>
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>{row.hold ? <Badge tone="warning">暂缓表彰</Badge> : <span className="text-stone-600">正常</span>}</td>
                    <td className={`${cell} whitespace-nowrap text-right`}>
                      <Link href={`${base}/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline" aria-label={`办理 ${row.name} 对 ${row.application.brandName} 的异议`}>
                        {OPEN_OBJECTION_STATUSES.includes(row.status) ? '办理' : '查看'}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={search.page} pageCount={list.pageCount} total={list.total} hrefFor={(page) => `${base}${queryString({ status: search.status, page })}`} />
      </div>
    </>
  );
}
