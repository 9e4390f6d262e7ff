import { PageHeader } from '@/components/ui/card';
import { Pagination, queryString } from '@/components/ui/pagination';
import { ScopeApplicationList } from '@/components/application/scope-application-list';
import { requirePageUser } from '@/lib/auth/guard';
import { listApplicationsInScope } from '@/lib/application/queries';

export const metadata = { title: '下级申报' };

export default async function CommitteeApplicationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser(['COMMITTEE_ADMIN', 'ORG_ADMIN']);
  const { page } = await searchParams;
  const result = await listApplicationsInScope(user.roles, Number(page) || 1);
  return (
    <>
      <PageHeader title="下级申报" description="下级党组织已提交的申报表；需要修改的可退回重新申报" />
      <ScopeApplicationList rows={result.rows} />
      {result.pageCount > 1 && <Pagination page={result.page} pageCount={result.pageCount} total={result.total} hrefFor={(target) => `/committee/applications${queryString({ page: target })}`} />}
    </>
  );
}
