import Link from 'next/link';
import { CreateUserDialog } from '@/components/user/create-user-dialog';
import { UserList } from '@/components/user/user-list';
import { UserSearchForm } from '@/components/user/user-search-form';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { queryString } from '@/lib/format';
import { listScopeOrganizationOptions, listScopedUsers } from '@/lib/user/queries';
import { ZUserSearch } from '@/lib/user/schema';

export const metadata = { title: '用户管理' };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: TSearchParams }) {
  const admin = await requirePageUser(['ORG_ADMIN']);
  const raw = await searchParams;
  const search = ZUserSearch.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const paths = admin.roles.filter((grant) => grant.role === 'ORG_ADMIN').map((grant) => grant.organizationPath);
  const [result, organizations] = await Promise.all([listScopedUsers(paths, search), listScopeOrganizationOptions(paths)]);
  const isFiltered = !!(search.q || search.role);
  return (
    <>
      <PageHeader
        title="用户管理"
        description="您管理范围内的组织中拥有角色的账号"
        actions={
          <>
            <Link href="/admin/import" className={buttonClass('secondary')}>批量导入</Link>
            <CreateUserDialog organizations={organizations} />
          </>
        }
      />
      <UserSearchForm search={search} />
      <div className="mt-4">
        {result.users.length ? (
          <UserList users={result.users} />
        ) : (
          <EmptyState title={isFiltered ? '没有符合条件的用户' : '还没有用户'}>
            {isFiltered ? '换个关键词或角色试试。' : '点“新建用户”逐个添加，或用“批量导入”从 Excel 导入。'}
          </EmptyState>
        )}
      </div>
      {result.total > 0 && (
        <Pagination
          page={result.page}
          pageCount={result.pageCount}
          total={result.total}
          hrefFor={(page) => `/admin/users${queryString({ q: search.q, role: search.role, page })}`}
        />
      )}
    </>
  );
}
