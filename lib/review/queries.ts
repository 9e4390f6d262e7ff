import { db } from '@/lib/db';
import { conflictOf } from '@/lib/review/conflicts';
import { loadAssignmentInputs, type TReviewCampaign } from '@/lib/review/pool';

/** The assignment board of one round: every entry with its experts and their sheets, and the pool with loads. */
export async function loadAssignmentBoard(campaign: TReviewCampaign, round = 1) {
  const inputs = await loadAssignmentInputs(db, campaign, round);
  const sheets = await db.reviewAssignment.findMany({
    where: { campaignId: campaign.id, round },
    select: { id: true, applicationId: true, expertId: true, source: true, reason: true, submittedAt: true, reopenReason: true, _count: { select: { scores: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const criteriaCount = campaign.rubric?.criteria.length ?? 0;
  const names = new Map(inputs.experts.map((expert) => [expert.id, expert.name]));
  const otherExperts = sheets.filter((sheet) => !names.has(sheet.expertId)).map((sheet) => sheet.expertId);
  if (otherExperts.length) {
    for (const user of await db.user.findMany({ where: { id: { in: otherExperts } }, select: { id: true, displayName: true } })) names.set(user.id, user.displayName);
  }
  const entries = inputs.entries.map((entry) => {
    const assign = inputs.assignEntries.find((candidate) => candidate.id === entry.id)!;
    return {
      id: entry.id,
      brandName: entry.brandName,
      organizationName: entry.organization.name,
      fieldName: campaign.fields.find((field) => field.id === entry.fieldId)?.name ?? '未分领域',
      sheets: sheets
        .filter((sheet) => sheet.applicationId === entry.id)
        .map((sheet) => ({
          id: sheet.id,
          expertId: sheet.expertId,
          expertName: names.get(sheet.expertId) ?? '（已不在专家库）',
          source: sheet.source,
          reason: sheet.reason,
          state: sheet.submittedAt ? ('SUBMITTED' as const) : sheet._count.scores > 0 ? ('DRAFT' as const) : ('NEW' as const),
          scored: sheet._count.scores,
          reopenReason: sheet.reopenReason,
        })),
      /** Experts who could still be added by hand: in the pool, not assigned, no conflict. */
      candidates: inputs.experts
        .filter((expert) => !assign.assigned.includes(expert.id) && !conflictOf({ id: expert.id, homePath: expert.home?.path ?? null }, assign, campaign.ownerOrgId, inputs.declared))
        .map((expert) => ({ id: expert.id, name: expert.name, isFieldMatch: !!entry.fieldId && expert.fieldIds.includes(entry.fieldId) })),
    };
  });
  // A 复议 round concerns only the entries sent to it.
  const shown = round > 1 ? entries.filter((entry) => entry.sheets.length > 0) : entries;
  const rounds = await db.reviewAssignment.groupBy({ by: ['round'], where: { campaignId: campaign.id }, orderBy: { round: 'asc' } });
  const loads = Object.fromEntries(inputs.experts.map((expert) => [expert.id, sheets.filter((sheet) => sheet.expertId === expert.id).length]));
  const submittedCount = sheets.filter((sheet) => sheet.submittedAt).length;
  return { entries: shown, experts: inputs.experts, loads, criteriaCount, rounds: rounds.map((row) => row.round), totals: { sheets: sheets.length, submitted: submittedCount } };
}

export type TAssignmentBoard = Awaited<ReturnType<typeof loadAssignmentBoard>>;
