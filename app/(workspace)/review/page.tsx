import { RoleHome } from '@/components/workspace/role-home';
import { requirePageUser } from '@/lib/auth/guard';

export const metadata = { title: '评审任务' };

export default async function ReviewHomePage() {
  const user = await requirePageUser(['EXPERT']);
  return <RoleHome user={user} role="EXPERT" title="评审任务" description="按“四有一好”标准为分配给您的品牌评分" note="专家评审阶段开始后，分配给您的评审任务会显示在这里。" />;
}
