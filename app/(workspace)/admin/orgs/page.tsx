import { PageHeader } from '@/components/ui/card';
import { FieldSummary } from '@/components/organization/field-summary';
import { OrganizationTree } from '@/components/organization/organization-tree';
import { requirePageUser } from '@/lib/http/page';
import { scopeRoots } from '@/lib/auth/scope';
import { countOrganizationsByField, listOrganizationTree } from '@/lib/organization/queries';

export const metadata = { title: '组织架构' };

export default async function OrganizationsPage() {
  const user = await requirePageUser(['ORG_ADMIN']);
  const roots = scopeRoots(user.roles, ['ORG_ADMIN']);
  const paths = roots.map((grant) => grant.organizationPath);
  const [rows, fieldCounts] = await Promise.all([listOrganizationTree(paths), countOrganizationsByField(paths)]);
  return (
    <>
      <PageHeader
        title="组织架构"
        description={`管理范围：${roots.map((grant) => grant.organizationName).join('、')}。停用一个组织会同时停用它的全部下级组织。`}
      />
      <FieldSummary counts={fieldCounts} />
      <OrganizationTree rows={rows} />
    </>
  );
}
