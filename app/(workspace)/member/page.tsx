import { RoleHome } from '@/components/workspace/role-home';
import { StandingSummary } from '@/components/workspace/standing-summary';
import { formatDateTime } from '@/lib/format';
import { requirePageUser } from '@/lib/http/page';
import { memberStanding } from '@/lib/todo/standing';

export const metadata = { title: '参与投票' };

export default async function MemberHomePage() {
  const user = await requirePageUser(['MEMBER']);
  const standing = await memberStanding(user);
  return (
    <RoleHome
      user={user}
      role="MEMBER"
      title="参与投票"
      description="为身边的优秀党建品牌投票"
      note="网络投票阶段开始后，可在此为品牌投票。"
      summary={
        <StandingSummary
          title="我的投票"
          items={[
            { label: '进行中的投票', value: `${standing.openVotes} 个`, tone: standing.openVotes ? 'alert' : undefined, note: standing.nextEnd ? `${formatDateTime(standing.nextEnd)} 截止` : undefined },
            { label: '今日已投', value: `${standing.votesToday} 票` },
            { label: '累计已投', value: `${standing.votes} 票`, note: '有效票' },
          ]}
        />
      }
    />
  );
}
