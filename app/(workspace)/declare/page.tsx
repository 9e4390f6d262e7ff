import { PageHeader } from '@/components/ui/card';
import { RoleCampaigns } from '@/components/workspace/role-campaigns';
import { requirePageUser } from '@/lib/auth/guard';
import { listCampaignsAbove } from '@/lib/campaign/queries';

export const metadata = { title: '品牌申报' };

export default async function Page() {
  const user = await requirePageUser(['BRANCH_SECRETARY']);
  const grants = user.roles.filter((grant) => grant.role === 'BRANCH_SECRETARY');
  const { now, campaigns } = await listCampaignsAbove(grants.map((grant) => grant.organizationPath));
  return (
    <>
      <PageHeader title="品牌申报" description={`${grants.map((grant) => grant.organizationName).join('、')} · 填写《党建品牌选树申报表》，保存草稿并提交`} />
      <RoleCampaigns campaigns={campaigns} now={now} note="申报阶段开放期间，可在此填写并提交本支部的申报表。" />
    </>
  );
}
