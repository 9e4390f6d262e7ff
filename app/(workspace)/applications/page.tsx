import { StaffApplicationList } from '@/components/application/staff-application-list';
import { StaffSearchForm } from '@/components/application/staff-search-form';
import { ExportButton } from '@/components/ui/export-button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { findSimilarForApplications } from '@/lib/application/similar-names';
import { listStaffApplications, listStaffFilterOptions, parseStaffSearch, staffScopePaths } from '@/lib/application/staff-queries';
import { queryString } from '@/lib/format';
import { FUNNEL_STAGE_LABELS } from '@/lib/application/funnel';
import Link from 'next/link';

export const metadata = { title: '申报列表' };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function StaffApplicationsPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const search = parseStaffSearch(await searchParams);
  const paths = staffScopePaths(user.roles);
  const [result, options] = await Promise.all([listStaffApplications(paths, search), listStaffFilterOptions(paths, search.campaign)]);
  const similar = await findSimilarForApplications(result.rows.map((row) => row.id));
  const filters = { campaign: search.campaign, status: search.status, field: search.field, org: search.org, q: search.q, stage: search.stage, within: search.within };
  const isFiltered = Object.values(filters).some(Boolean);
  const showCommitteeLink = user.roles.some((grant) => grant.role === 'COMMITTEE_ADMIN');
  return (
    <>
      <PageHeader
        title="申报列表"
        description="您管理范围内各组织已提交或已退回的申报表"
        actions={result.total > 0 && <ExportButton href={`/api/applications/export${queryString(filters)}`} fileName="applications.xlsx" />}
      />
      {(search.stage || search.within) && (
        <p className="mb-3 flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm text-stone-700" data-testid="dashboard-filter">
          <span>
            来自评选概况的筛选：{search.stage && search.campaign ? `已到“${FUNNEL_STAGE_LABELS[search.stage]}”环节` : ''}
            {search.within ? `${search.stage ? '，' : ''}限所选组织及其下级` : ''}（共 {result.total} 个）
          </span>
          <Link href={`/applications${queryString({ ...filters, stage: undefined, within: undefined })}`} className="text-brand-700 underline-offset-2 hover:underline">
            清除
          </Link>
        </p>
      )}
      <StaffSearchForm search={search} campaigns={options.campaigns} fields={options.fields} />
      <div className="mt-4">
        {result.rows.length ? (
          <StaffApplicationList rows={result.rows} similar={similar} showCommitteeLink={showCommitteeLink} />
        ) : (
          <EmptyState title={isFiltered ? '没有符合条件的申报' : '还没有收到申报'}>
            {isFiltered ? '换个筛选条件试试。' : '支部提交申报表后会显示在这里。'}
          </EmptyState>
        )}
      </div>
      {result.total > 0 && (
        <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(page) => `/applications${queryString({ ...filters, page })}`} />
      )}
    </>
  );
}
