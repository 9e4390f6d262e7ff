import { PageHeader } from '@/components/ui/card';
import { RecommendingLevels } from '@/components/recommendation/recommending-levels';
import { requirePageUser } from '@/lib/http/page';
import { listRecommendingLevels } from '@/lib/recommendation/queries';

export const metadata = { title: '推荐工作台' };

export default async function CommitteeHomePage() {
  const user = await requirePageUser(['COMMITTEE_ADMIN']);
  const levels = await listRecommendingLevels(user.roles);
  const names = user.roles.filter((grant) => grant.role === 'COMMITTEE_ADMIN').map((grant) => grant.organizationName);
  return (
    <>
      <PageHeader title="推荐工作台" description={`${names.join('、')} · 审核下级党组织的申报，排序并在名额内逐级推荐`} />
      <RecommendingLevels levels={levels} />
    </>
  );
}
