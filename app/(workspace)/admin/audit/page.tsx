import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { listAuditLogs } from '@/lib/audit-log/queries';
import { ZAuditFilters } from '@/lib/audit-log/schema';
import { queryString } from '@/lib/format';
import { depthOf } from '@/lib/org-tree/tree';

export const metadata = { title: '审计日志' };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const raw = await searchParams;
  const filters = ZAuditFilters.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const grants = user.roles.filter((grant) => grant.role === 'ORG_ADMIN');
  const result = await listAuditLogs(
    { paths: grants.map((grant) => grant.organizationPath), includeSystem: grants.some((grant) => depthOf(grant.organizationPath) === 0) },
    filters,
  );
  return (
    <>
      <PageHeader title="审计日志" description="所有写操作都在同一事务中记录，记录不可修改、不可删除" />
      <AuditFilters filters={filters} actions={result.actions} entityTypes={result.entityTypes} />
      <div className="mt-4">
        <AuditTable rows={result.rows} />
      </div>
      <Pagination
        page={filters.page}
        pageCount={result.pageCount}
        total={result.total}
        hrefFor={(page) => `/admin/audit${queryString({ ...filters, page })}`}
      />
    </>
  );
}
