import { ExpertScoreSummary } from '@/components/review/expert-score-summary';
import { ExpertSheetList } from '@/components/review/expert-sheet-list';
import { RoleHome } from '@/components/workspace/role-home';
import { PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { loadExpertScoreSummary } from '@/lib/review/expert-summary';
import { countRubricCriteria } from '@/lib/review/queries';
import { listSheetsForExpert } from '@/lib/review/scoring';

export const metadata = { title: '评审任务' };

export default async function ReviewHomePage() {
  const user = await requirePageUser(['EXPERT']);
  const rows = await listSheetsForExpert(user.id);
  // Before any assignment the expert sees the campaigns they may be asked to review, as on every role's home page.
  if (rows.length === 0) {
    return <RoleHome user={user} role="EXPERT" title="评审任务" description="按评分标准为分配给您的品牌评分" note="组织部分配评审任务后，您的评分表会显示在这里。" />;
  }
  const [criteriaCounts, summaries] = await Promise.all([countRubricCriteria(rows.map((row) => row.campaign.id)), loadExpertScoreSummary(user.id)]);
  return (
    <>
      <PageHeader title="评审任务" description="按评分标准为分配给您的品牌打分，评分自动保存，全部评完后提交" />
      <div className="space-y-8">
        <ExpertSheetList rows={rows} criteriaCounts={criteriaCounts} />
        <ExpertScoreSummary summaries={summaries} />
      </div>
    </>
  );
}
