// A site's quantified annual assessment on the program's score sheet, by the staff over the site. Assessing a year
// again adds version n+1 (the site row is locked, so parallel assessments get consecutive versions); the sheet is
// copied into the row, scores are checked against each criterion's maximum and the total is computed here.
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { recordAudit, type TAuditContext } from '@/lib/audit/record';
import { loadActorGrants } from '@/lib/checklist/subject';
import type { TScoreCriterion } from '@/lib/demo/templates';
import { assertManageSite } from '@/lib/demo-site/access';
import { ZAssessSite, type TAssessSiteInput } from '@/lib/demo-site/schema';
import { assertActive, lockSite } from '@/lib/demo-site/site-service';

type TContext = TAuditContext & { actorId: string };

export function parseScoreSheet(value: unknown): TScoreCriterion[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    const { name, maxPoints } = (row ?? {}) as Record<string, unknown>;
    return typeof name === 'string' && typeof maxPoints === 'number' ? [{ name, maxPoints }] : [];
  });
}

/** Per-criterion errors keyed scores.<i>, or the total. */
export function scoreSheetTotal(sheet: readonly TScoreCriterion[], scores: readonly number[]): { total: number } | { errors: Record<string, string> } {
  if (scores.length !== sheet.length) return { errors: { scores: `考评表有 ${sheet.length} 项，请逐项打分` } };
  const errors: Record<string, string> = {};
  sheet.forEach((criterion, index) => {
    const score = scores[index];
    if (!Number.isInteger(score) || score < 0 || score > criterion.maxPoints) errors[`scores.${index}`] = `“${criterion.name}”的得分须在 0 至 ${criterion.maxPoints} 分之间`;
  });
  return Object.keys(errors).length ? { errors } : { total: scores.reduce((sum, score) => sum + score, 0) };
}

export async function assessDemoSite(input: TAssessSiteInput, context: TContext) {
  const data = ZAssessSite.parse(input);
  return db.$transaction(async (tx) => {
    const site = await lockSite(tx, data.siteId);
    assertManageSite(await loadActorGrants(tx, context.actorId), site.organization.path);
    assertActive(site);
    const { startYear, years } = site.program;
    if (data.year < startYear || data.year >= startYear + years) {
      throw new AppError('INVALID_INPUT', `考评年度须在 ${startYear} 至 ${startYear + years - 1} 年之间`, { year: '考评年度不在建设期内' });
    }
    const sheet = parseScoreSheet(site.program.scoreSheet);
    const result = scoreSheetTotal(sheet, data.scores);
    if ('errors' in result) throw new AppError('INVALID_INPUT', Object.values(result.errors)[0], result.errors);
    const latest = await tx.siteAssessment.findFirst({ where: { siteId: site.id, year: data.year }, orderBy: { version: 'desc' }, select: { version: true } });
    const version = (latest?.version ?? 0) + 1;
    const assessment = await tx.siteAssessment.create({
      data: { siteId: site.id, year: data.year, version, criteria: sheet, scores: data.scores, total: result.total, comment: data.comment, assessedById: context.actorId },
      select: { id: true },
    });
    await recordAudit(tx, context, {
      action: 'assess-demo-site',
      entityType: 'SiteAssessment',
      entityId: assessment.id,
      after: { site: site.name, year: data.year, version, scores: data.scores, total: result.total, comment: data.comment },
    });
    return { id: assessment.id, version, total: result.total };
  });
}
