import Link from 'next/link';
import { QualificationBoard } from '@/components/qualification/qualification-board';
import { QualificationFilters } from '@/components/qualification/qualification-filters';
import { StageWindowNotice } from '@/components/qualification/stage-window-notice';
import { buttonClass } from '@/components/ui/button';
import { ExportButton } from '@/components/ui/export-button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { ChecklistEditor } from '@/components/qualification/checklist-editor';
import { loadCampaignForAdmin } from '@/lib/campaign/admin-page';
import { formatDateTime, queryString } from '@/lib/format';
import { isOperationAllowed } from '@/lib/campaign/lifecycle';
import { qualificationStatus } from '@/lib/qualification/access';
import { getQualificationPage, parseQualificationSearch } from '@/lib/qualification/queries';

export const metadata = { title: '资格审查' };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QualificationPage({ params, searchParams }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const { campaign, now } = await loadCampaignForAdmin(user, id);
  const search = parseQualificationSearch(raw);
  const data = await getQualificationPage(campaign, search);
  const status = qualificationStatus(campaign.stages, now);
  const life = { status: campaign.status, program: campaign.program, stages: campaign.stages, now };
  const basePath = `/admin/campaigns/${campaign.id}/qualification`;
  const isFiltered = !!(search.state || search.field);
  const rows = data.rows.map((row) => ({
    id: row.id,
    brandName: row.brandName,
    organizationName: row.organizationName,
    regionName: row.regionName,
    fieldName: row.fieldName,
    isPassed: row.result === 'PASSED',
    isFailed: row.result === 'FAILED',
    checks: row.checks,
    reason: row.reason,
    reviewerName: row.reviewerName,
    reviewedAtText: row.reviewedAt ? formatDateTime(row.reviewedAt) : null,
    resubmittedAfter: row.resubmittedAfter,
  }));
  return (
    <>
      <Link href={`/admin/campaigns/${campaign.id}`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回{campaign.title}
      </Link>
      <PageHeader
        title="资格审查"
        description="逐级推荐完成的申报在这里逐项审查：通过的进入品牌清单，不通过的退回申报单位重新申报。"
        actions={
          <>
            {data.counts.total > 0 && (
              <ExportButton href={`/api/campaigns/${campaign.id}/qualification/export`} fileName="qualification.xlsx" />
            )}
            <Link href={`/admin/campaigns/${campaign.id}/brand-list`} className={buttonClass('secondary')}>品牌清单</Link>
          </>
        }
      />
      <div className="space-y-4">
        <StageWindowNotice stages={campaign.stages} status={status} purpose="qualify" />
        <details className="rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm">
          <summary className="cursor-pointer font-medium text-stone-800">审查项（{data.checklist.length} 项，全部符合才能通过）</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-stone-700">
            {data.checklist.map((item) => <li key={item}>{item}</li>)}
          </ol>
          {isOperationAllowed('edit-qualification-checklist', life) && <ChecklistEditor campaignId={campaign.id} items={data.checklist} />}
        </details>
        {data.counts.total > 0 && (
          <QualificationFilters basePath={basePath} search={search} counts={data.counts} fields={[...campaign.fields].sort((a, b) => a.sortOrder - b.sortOrder)} />
        )}
        {rows.length ? (
          <QualificationBoard campaignId={campaign.id} rows={rows} checklist={data.checklist} canAct={isOperationAllowed('qualify', life)} />
        ) : data.counts.total === 0 ? (
          <EmptyState title="还没有进入资格审查的申报">各级党(工)委逐级推荐完成后，申报会出现在这里。</EmptyState>
        ) : (
          <EmptyState title={isFiltered ? '没有符合条件的申报' : '暂无申报'}>
            {search.state === 'PENDING' ? '所有申报都已审查完毕。' : search.state === 'FAILED' ? '没有资格审查未通过、仍待申报单位重新申报的申报。' : '换个筛选条件试试。'}
          </EmptyState>
        )}
        {data.total > 0 && data.pageCount > 1 && (
          <Pagination page={data.page} pageCount={data.pageCount} total={data.total} hrefFor={(page) => `${basePath}${queryString({ state: search.state, field: search.field, page })}`} />
        )}
      </div>
    </>
  );
}
