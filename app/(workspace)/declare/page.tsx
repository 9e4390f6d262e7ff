import { RoleHome } from '@/components/workspace/role-home';
import { requirePageUser } from '@/lib/auth/guard';

export const metadata = { title: '品牌申报' };

export default async function DeclareHomePage() {
  const user = await requirePageUser(['BRANCH_SECRETARY']);
  return <RoleHome user={user} role="BRANCH_SECRETARY" title="品牌申报" description="填写《党建品牌选树申报表》，保存草稿并提交" note="申报阶段开放期间，可在此填写并提交本支部的申报表。" />;
}
