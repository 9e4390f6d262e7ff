import { PageHeader } from '@/components/ui/card';
import { RoleCampaigns } from '@/components/workspace/role-campaigns';
import { requirePageUser } from '@/lib/auth/guard';
import { listCampaignsAbove } from '@/lib/campaign/queries';

export const metadata = { title: '参与投票' };

export default async function Page() {
  const user = await requirePageUser(['MEMBER']);
  const grants = user.roles.filter((grant) => grant.role === 'MEMBER');
  const { now, campaigns } = await listCampaignsAbove(grants.map((grant) => grant.organizationPath));
  return (
    <>
      <PageHeader title="参与投票" description={`${grants.map((grant) => grant.organizationName).join('、')} · 为身边的优秀党建品牌投票`} />
      <RoleCampaigns campaigns={campaigns} now={now} note="网络投票阶段开始后，可在此为品牌投票。" />
    </>
  );
}
