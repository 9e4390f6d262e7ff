import { PageHeader } from '@/components/ui/card';
import { RecommendingLevels } from '@/components/recommendation/recommending-levels';
import { requirePageUser } from '@/lib/http/page';
import { listRecommendingLevels } from '@/lib/recommendation/queries';
import { DashboardSection } from '@/components/dashboard/dashboard-section';
import { loadDashboardScope } from '@/lib/dashboard/scope';
import { getStaffDashboard } from '@/lib/dashboard/staff-dashboard';

export const metadata = { title: '推荐工作台' };

type TProps = { searchParams: Promise<{ campaign?: string; org?: string }> };

export default async function CommitteeHomePage({ searchParams }: TProps) {
  const user = await requirePageUser(['COMMITTEE_ADMIN']);
  const query = await searchParams;
  const scope = await loadDashboardScope(user, 'COMMITTEE_ADMIN', { campaign: typeof query.campaign === 'string' ? query.campaign : undefined, org: typeof query.org === 'string' ? query.org : undefined });
  const [levels, board] = await Promise.all([
    listRecommendingLevels(user.roles),
    scope?.campaign ? getStaffDashboard({ campaignId: scope.campaign.id, rootOrgId: scope.root.id }) : null,
  ]);
  const names = user.roles.filter((grant) => grant.role === 'COMMITTEE_ADMIN').map((grant) => grant.organizationName);
  return (
    <>
      <PageHeader title="推荐工作台" description={`${names.join('、')} · 审核下级党组织的申报，排序并在名额内逐级推荐`} />
      {scope && <DashboardSection scope={scope} board={board} audience="committee" basePath="/committee" />}
      <RecommendingLevels levels={levels} />
    </>
  );
}
