// 我的评分汇总: one expert's own scores across the entries assigned to them, campaign by campaign.
import { db, dbNow } from '@/lib/db';
import { stageStatus } from '@/lib/campaign/stages';

export type TSummaryStatus = 'submitted' | 'closed' | 'todo' | 'scoring';

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Per campaign (each has its own rubric): the criteria, then one row per sheet with its points per criterion (null
 * where not scored yet), the total of what is scored and its state; plus how many are submitted and their mean total.
 * Only the expert's own sheets, in published campaigns.
 */
export async function loadExpertScoreSummary(userId: string) {
  const [now, sheets] = await Promise.all([
    dbNow(),
    db.reviewAssignment.findMany({
      where: { expertId: userId, campaign: { status: 'PUBLISHED' } },
      select: {
        id: true,
        round: true,
        submittedAt: true,
        application: { select: { brandName: true } },
        scores: { select: { criterionId: true, points: true } },
        campaign: {
          select: {
            id: true,
            title: true,
            stages: { where: { kind: 'EXPERT_REVIEW' }, select: { kind: true, isEnabled: true, startsAt: true, endsAt: true } },
            rubric: { select: { criteria: { select: { id: true, name: true, maxPoints: true }, orderBy: { sortOrder: 'asc' } } } },
          },
        },
      },
      orderBy: [{ campaign: { createdAt: 'desc' } }, { round: 'asc' }, { createdAt: 'asc' }],
    }),
  ]);
  const campaigns = new Map<string, (typeof sheets)[number]['campaign']>(sheets.map((sheet) => [sheet.campaign.id, sheet.campaign]));
  return [...campaigns.values()].map((campaign) => {
    const criteria = campaign.rubric?.criteria ?? [];
    const stage = campaign.stages[0] ? stageStatus(campaign.stages[0], now) : 'disabled';
    const rows = sheets
      .filter((sheet) => sheet.campaign.id === campaign.id)
      .map((sheet) => {
        const points = criteria.map((criterion) => {
          const score = sheet.scores.find((row) => row.criterionId === criterion.id);
          return score ? Number(score.points) : null;
        });
        const scored = points.filter((value) => value !== null).length;
        const status: TSummaryStatus = sheet.submittedAt ? 'submitted' : stage === 'closed' ? 'closed' : scored === 0 ? 'todo' : 'scoring';
        return { assignmentId: sheet.id, brandName: sheet.application.brandName, round: sheet.round, points, total: round1(points.reduce<number>((sum, value) => sum + (value ?? 0), 0)), scored, status };
      });
    const submitted = rows.filter((row) => row.status === 'submitted');
    return {
      campaign: { id: campaign.id, title: campaign.title },
      criteria: criteria.map(({ id, name, maxPoints }) => ({ id, name, maxPoints })),
      maxTotal: criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0),
      rows,
      submittedCount: submitted.length,
      submittedMean: submitted.length ? round1(submitted.reduce((sum, row) => sum + row.total, 0) / submitted.length) : null,
    };
  });
}

export type TExpertScoreSummary = Awaited<ReturnType<typeof loadExpertScoreSummary>>;
