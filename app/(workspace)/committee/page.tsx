import { PageHeader } from '@/components/ui/card';
import { RoleCampaigns } from '@/components/workspace/role-campaigns';
import { requirePageUser } from '@/lib/auth/guard';
import { listCampaignsAbove } from '@/lib/campaign/queries';

export const metadata = { title: '推荐工作台' };

export default async function Page() {
  const user = await requirePageUser(['COMMITTEE_ADMIN']);
  const grants = user.roles.filter((grant) => grant.role === 'COMMITTEE_ADMIN');
  const { now, campaigns } = await listCampaignsAbove(grants.map((grant) => grant.organizationPath));
  return (
    <>
      <PageHeader title="推荐工作台" description={`${grants.map((grant) => grant.organizationName).join('、')} · 审核下级党组织的申报并在名额内逐级推荐`} />
      <RoleCampaigns campaigns={campaigns} now={now} note="推荐阶段开始后，可在此查看下级申报、排序并推荐。" />
    </>
  );
}
