import { RoleHome } from '@/components/workspace/role-home';
import { requirePageUser } from '@/lib/http/page';

export const metadata = { title: '参与投票' };

export default async function MemberHomePage() {
  const user = await requirePageUser(['MEMBER']);
  return <RoleHome user={user} role="MEMBER" title="参与投票" description="为身边的优秀党建品牌投票" note="网络投票阶段开始后，可在此为品牌投票。" />;
}
