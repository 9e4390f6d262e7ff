import { ExpertScoreSummary } from '@/components/review/expert-score-summary';
import { ExpertSheetList } from '@/components/review/expert-sheet-list';
import { RoleHome } from '@/components/workspace/role-home';
import { StandingSummary } from '@/components/workspace/standing-summary';
import { PageHeader } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format';
import { requirePageUser } from '@/lib/http/page';
import { loadExpertScoreSummary } from '@/lib/review/expert-summary';
import { countRubricCriteria } from '@/lib/review/queries';
import { listSheetsForExpert } from '@/lib/review/scoring';
import { expertStanding } from '@/lib/todo/standing';

export const metadata = { title: '评审任务' };

export default async function ReviewHomePage() {
  const user = await requirePageUser(['EXPERT']);
  const rows = await listSheetsForExpert(user.id);
  // Before any assignment the expert sees the campaigns they may be asked to review, as on every role's home page.
  if (rows.length === 0) {
    return (
      <RoleHome
        user={user}
        role="EXPERT"
        title="评审任务"
        description="按评分标准为分配给您的品牌评分"
        note="组织部分配评审任务后，您的评分表会显示在这里。"
        summary={<StandingSummary title="我的评审进度" items={[{ label: '待评分', value: '0 份', note: '尚未分配评审任务' }]} />}
      />
    );
  }
  const [criteriaCounts, summaries] = await Promise.all([countRubricCriteria(rows.map((row) => row.campaign.id)), loadExpertScoreSummary(user.id)]);
  const standing = expertStanding(rows);
  return (
    <>
      <PageHeader title="评审任务" description="按评分标准为分配给您的品牌打分，评分自动保存，全部评完后提交" />
      <StandingSummary
        title="我的评审进度"
        items={[
          { label: '待评分', value: `${standing.toScore} 份`, tone: standing.toScore ? 'alert' : undefined, note: standing.nextDeadline ? `截止 ${formatDateTime(standing.nextDeadline)}` : undefined },
          { label: '已提交', value: `${standing.submitted} 份`, note: `共 ${rows.length} 份` },
          ...(standing.upcoming ? [{ label: '尚未开始', value: `${standing.upcoming} 份`, note: '评审阶段开始后可评分' }] : []),
        ]}
      />
      <div className="space-y-8">
        <ExpertSheetList rows={rows} criteriaCounts={criteriaCounts} />
        <ExpertScoreSummary summaries={summaries} />
      </div>
    </>
  );
}
