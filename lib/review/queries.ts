import type { TSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { conflictOf } from '@/lib/review/conflicts';
import { findReviewCampaign, loadAssignmentInputs, type TReviewCampaign } from '@/lib/review/pool';

/** The assignment board of one round: every entry with its experts and their sheets, the pool, and the planning inputs. */
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
  const sheetsOf = new Map<string, typeof sheets>();
  for (const sheet of sheets) sheetsOf.set(sheet.applicationId, [...(sheetsOf.get(sheet.applicationId) ?? []), sheet]);
  const fieldNames = new Map(campaign.fields.map((field) => [field.id, field.name]));
  // loadAssignmentInputs builds assignEntries in the order of entries.
  const entries = inputs.entries.map((entry, index) => {
    const assign = inputs.assignEntries[index];
    return {
      id: entry.id,
      brandName: entry.brandName,
      organizationName: entry.organization.name,
      fieldName: (entry.fieldId && fieldNames.get(entry.fieldId)) || '未分领域',
      sheets: (sheetsOf.get(entry.id) ?? []).map((sheet) => ({
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
  const submittedCount = sheets.filter((sheet) => sheet.submittedAt).length;
  return { entries: shown, experts: inputs.experts, inputs, criteriaCount, rounds: rounds.map((row) => row.round), totals: { sheets: sheets.length, submitted: submittedCount } };
}

/** How many criteria each campaign's rubric has, by campaign id (an expert's task list shows progress against it). */
export async function countRubricCriteria(campaignIds: readonly string[]): Promise<Record<string, number>> {
  const rubrics = await db.rubric.findMany({ where: { campaignId: { in: [...new Set(campaignIds)] } }, select: { campaignId: true, _count: { select: { criteria: true } } } });
  return Object.fromEntries(rubrics.map((rubric) => [rubric.campaignId, rubric._count.criteria]));
}

export type TAssignmentBoard = Awaited<ReturnType<typeof loadAssignmentBoard>>;

/** For downloads: the campaign when the user is ORG_ADMIN over its owner; unknown and not-yours are both null. */
export function findStaffReviewCampaign(user: TSessionUser, campaignId: string) {
  return findReviewCampaign(db, campaignId, user.roles);
}

/** The campaign's award names by id, for the decision sheets. */
export async function awardNamesOf(campaignId: string): Promise<Map<string, string>> {
  const awards = await db.award.findMany({ where: { campaignId }, select: { id: true, name: true } });
  return new Map(awards.map((award) => [award.id, award.name]));
}
