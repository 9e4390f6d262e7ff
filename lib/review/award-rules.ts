// Which awards one entry may hold together. Pure: the decision draft, its signing and the editor all ask it.
//
// The campaign's awards come in two kinds. 等次奖 (示范、十大、优秀) rank the entries: an entry holds at most one.
// 单项奖 (最佳人气、最佳创意、最佳XX领域 and the campaign's own awards) honour one quality and may come on top of a
// 等次奖 or of each other, so the brand most voted for can be 十大党建品牌 and 最佳人气党建品牌 at once. Each award goes to
// an entry once, and a 最佳XX领域 award only to an entry of that field.
import type { AwardKind } from '@/lib/generated/prisma/enums';

export const GRADE_AWARD_KINDS: readonly AwardKind[] = ['DEMONSTRATION', 'TOP_TEN', 'EXCELLENT'];

export const isGradeAward = (kind: AwardKind) => GRADE_AWARD_KINDS.includes(kind);

/** The rule in words, shown beside the decision editor. */
export const AWARD_RULES_TEXT = '每个品牌至多获得一个等次奖（示范、十大、优秀）；最佳人气、最佳创意、最佳领域等单项奖可与等次奖兼得；最佳领域奖只授予本领域的品牌。';

export type TRuleAward = { id: string; name: string; kind: AwardKind; fieldId: string | null };
export type TRuleEntry = { brandName: string; fieldId: string | null };

/** Whether `award` can go to an entry of `fieldId` at all: a 最佳XX领域 award only to its own field. */
export const fitsField = (award: Pick<TRuleAward, 'kind' | 'fieldId'>, fieldId: string | null) => award.kind !== 'BEST_IN_FIELD' || award.fieldId === fieldId;

/** Why one entry may not hold `awards` together (empty when it may). `fieldName` names a campaign field. */
export function entryAwardProblems(entry: TRuleEntry, awards: readonly TRuleAward[], fieldName: (fieldId: string | null) => string): string[] {
  const brand = `“${entry.brandName || '未命名品牌'}”`;
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const award of awards) {
    if (seen.has(award.id)) problems.push(`${brand}重复选择了“${award.name}”`);
    seen.add(award.id);
    if (!fitsField(award, entry.fieldId)) problems.push(`“${award.name}”只能授予${fieldName(award.fieldId)}领域的品牌，${brand}属于${fieldName(entry.fieldId)}`);
  }
  const grades = awards.filter((award) => isGradeAward(award.kind));
  if (grades.length > 1) problems.push(`${brand}只能获得一个等次奖，不能同时获得${grades.map((award) => `“${award.name}”`).join('和')}`);
  return problems;
}
