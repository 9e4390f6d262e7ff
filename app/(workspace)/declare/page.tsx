import { PageHeader } from '@/components/ui/card';
import { DeclarationList } from '@/components/application/declaration-list';
import { requirePageUser } from '@/lib/auth/guard';
import { listDeclarations } from '@/lib/application/queries';

export const metadata = { title: '品牌申报' };

export default async function DeclareHomePage() {
  const user = await requirePageUser(['BRANCH_SECRETARY']);
  const { rows } = await listDeclarations(user.roles);
  return (
    <>
      <PageHeader title="品牌申报" description="填写《党建品牌选树申报表》，自动保存草稿，申报阶段开放期间提交" />
      <DeclarationList rows={rows} />
    </>
  );
}
