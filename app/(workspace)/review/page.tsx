import { PageHeader } from '@/components/ui/card';
import { RoleCampaigns } from '@/components/workspace/role-campaigns';
import { requirePageUser } from '@/lib/auth/guard';
import { listCampaignsAbove } from '@/lib/campaign/queries';

export const metadata = { title: '评审任务' };

export default async function Page() {
  const user = await requirePageUser(['EXPERT']);
  const grants = user.roles.filter((grant) => grant.role === 'EXPERT');
  const { now, campaigns } = await listCampaignsAbove(grants.map((grant) => grant.organizationPath));
  return (
    <>
      <PageHeader title="评审任务" description={`${grants.map((grant) => grant.organizationName).join('、')} · 按“四有一好”标准为分配给您的品牌评分`} />
      <RoleCampaigns campaigns={campaigns} now={now} note="专家评审阶段开始后，分配给您的评审任务会显示在这里。" />
    </>
  );
}
