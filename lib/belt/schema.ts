// 示范带 and 问题清单 / 提升清单: the zod shapes shared by the forms and the services, and their Chinese labels.
import { z } from 'zod';

export const BELT_LIMITS = { name: 60, description: 2000, factor: 2000, milestones: 2000, reason: 500, title: 100, detail: 2000, ownerName: 50, closureNote: 2000, evidence: 10 } as const;

export const BELT_STATUS_LABELS = { DRAFT: '草稿', SUBMITTED: '待立项审批', APPROVED: '已立项', RETURNED: '已退回' } as const;
export const IMPROVEMENT_KIND_LABELS = { PROBLEM: '问题清单', IMPROVEMENT: '提升清单' } as const;
export const IMPROVEMENT_STATUS_LABELS = { OPEN: '未销号', CLOSED: '已销号' } as const;

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期');

export const ZCreateBelt = z.object({
  programId: id,
  ownerOrgId: z.string({ error: '请选择建设单位' }).min(1, '请选择建设单位').max(64),
  name: z.string().trim().min(1, '请填写示范带名称').max(BELT_LIMITS.name, `名称不能超过 ${BELT_LIMITS.name} 个字`),
  description: z.string().trim().max(BELT_LIMITS.description, `简介不能超过 ${BELT_LIMITS.description} 个字`).default(''),
});
export type TCreateBeltInput = z.input<typeof ZCreateBelt>;

export const ZPlanRow = z.object({
  year: z.number().int().min(2000).max(2100),
  milestones: z.string().max(BELT_LIMITS.milestones, `年度节点不能超过 ${BELT_LIMITS.milestones} 个字`).default(''),
  done: z.boolean().default(false),
});
export type TBeltPlanRow = z.output<typeof ZPlanRow>;

/** Autosave of the 立项 content and the three-year plan, from the revision (the belt's updatedAt) the form started from. */
export const ZSaveBelt = z.object({
  beltId: id,
  revision: z.string().min(1).max(40),
  name: z.string().trim().min(1, '请填写示范带名称').max(BELT_LIMITS.name, `名称不能超过 ${BELT_LIMITS.name} 个字`),
  description: z.string().max(BELT_LIMITS.description, `简介不能超过 ${BELT_LIMITS.description} 个字`).default(''),
  factors: z.record(z.string().max(40), z.string().max(BELT_LIMITS.factor, `每项不能超过 ${BELT_LIMITS.factor} 个字`)).default({}),
  plan: z.array(ZPlanRow).max(10).default([]),
});
export type TSaveBeltInput = z.input<typeof ZSaveBelt>;

export const ZBeltRef = z.object({ beltId: id });
export const ZBeltSite = z.object({ beltId: id, siteId: z.string({ error: '请选择示范点' }).min(1, '请选择示范点').max(64) });
export type TBeltSiteInput = z.input<typeof ZBeltSite>;
export const ZMoveBeltSite = ZBeltSite.extend({ direction: z.enum(['up', 'down']) });
export type TMoveBeltSiteInput = z.input<typeof ZMoveBeltSite>;

export const ZDecideBelt = z
  .object({
    beltId: id,
    decision: z.enum(['approve', 'return']),
    reason: z.string().trim().max(BELT_LIMITS.reason, `退回理由不能超过 ${BELT_LIMITS.reason} 个字`).default(''),
  })
  .refine((value) => value.decision === 'approve' || value.reason.length > 0, { message: '退回时请写明理由', path: ['reason'] });
export type TDecideBeltInput = z.input<typeof ZDecideBelt>;

export const ZCreateImprovement = z
  .object({
    beltId: id.optional(),
    siteId: id.optional(),
    kind: z.enum(['PROBLEM', 'IMPROVEMENT'], { error: '请选择清单类别' }),
    title: z.string().trim().min(1, '请填写事项').max(BELT_LIMITS.title, `事项不能超过 ${BELT_LIMITS.title} 个字`),
    detail: z.string().trim().max(BELT_LIMITS.detail, `说明不能超过 ${BELT_LIMITS.detail} 个字`).default(''),
    ownerName: z.string().trim().min(1, '请填写责任人').max(BELT_LIMITS.ownerName, `责任人不能超过 ${BELT_LIMITS.ownerName} 个字`),
    ownerUserId: z.string().max(64).nullish().transform((value) => value || null),
    dueOn: day,
  })
  .refine((value) => !!value.beltId !== !!value.siteId, { message: '事项须属于一条示范带或一个示范点', path: ['beltId'] });
export type TCreateImprovementInput = z.input<typeof ZCreateImprovement>;

export const ZCloseImprovement = z.object({
  itemId: id,
  closureNote: z.string().trim().min(1, '请填写整改情况').max(BELT_LIMITS.closureNote, `整改情况不能超过 ${BELT_LIMITS.closureNote} 个字`),
  evidenceFileIds: z.array(id).min(1, '请上传至少一份整改佐证材料').max(BELT_LIMITS.evidence, `佐证材料最多 ${BELT_LIMITS.evidence} 份`),
});
export type TCloseImprovementInput = z.input<typeof ZCloseImprovement>;

/** The plan rows a belt of this program has: one per program year, keeping what was written for each. */
export function planForYears(startYear: number, years: number, saved: unknown): TBeltPlanRow[] {
  const rows = Array.isArray(saved) ? (saved as Partial<TBeltPlanRow>[]) : [];
  return Array.from({ length: years }, (_, index) => {
    const year = startYear + index;
    const row = rows.find((candidate) => candidate?.year === year);
    return { year, milestones: typeof row?.milestones === 'string' ? row.milestones : '', done: row?.done === true };
  });
}

/** The 立项 factors of a belt, one text per program factor (in the program's order). */
export function factorsFor(programFactors: readonly string[], saved: unknown): Record<string, string> {
  const record = saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Record<string, unknown>) : {};
  return Object.fromEntries(programFactors.map((factor) => [factor, typeof record[factor] === 'string' ? (record[factor] as string) : '']));
}

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export function shanghaiDayOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The day after a 'YYYY-MM-DD' (the first overdue day of an item due then). */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
