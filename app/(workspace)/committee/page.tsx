import { RoleHome } from '@/components/workspace/role-home';
import { requirePageUser } from '@/lib/auth/guard';

export const metadata = { title: '推荐工作台' };

export default async function CommitteeHomePage() {
  const user = await requirePageUser(['COMMITTEE_ADMIN']);
  return <RoleHome user={user} role="COMMITTEE_ADMIN" title="推荐工作台" description="审核下级党组织的申报并在名额内逐级推荐" note="推荐阶段开始后，可在此查看下级申报、排序并推荐。" />;
}
