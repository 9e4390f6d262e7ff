import { z } from 'zod';

const id = z.string().trim().min(1).max(64);
const part = (label: string) => z.string().trim().min(1, `请填写${label}`).max(5000, `${label}不能超过 5000 个字`);

/** 验收申请: the 成果报告 in the seed's three parts, plus evidence files already uploaded through /api/files. */
export const ZRequestAcceptance = z.object({
  cultivationId: id,
  background: part('创建背景'),
  measures: part('主要措施'),
  results: part('工作成效'),
  evidenceFileIds: z.array(id).max(20, '证明材料不超过 20 个').default([]),
});
export type TRequestAcceptanceInput = z.input<typeof ZRequestAcceptance>;

/** 组成验收组: experts of the 专家库 (at least one), an optional 实地核验 note. */
export const ZFormAcceptanceGroup = z.object({
  requestId: id,
  expertIds: z.array(id).min(1, '请至少选择一位验收专家').max(9, '验收组不超过 9 位专家').transform((ids) => [...new Set(ids)]),
});
export type TFormAcceptanceGroupInput = z.input<typeof ZFormAcceptanceGroup>;

/** An expert's acceptance sheet: points per rubric criterion (in order), a comment; `submit` locks it. */
export const ZAcceptanceSheet = z.object({
  requestId: id,
  scores: z.array(z.number().int('分数须为整数').min(0, '分数不能为负').nullable()).max(10),
  comment: z.string().trim().max(1000, '验收意见不能超过 1000 个字').default(''),
  submit: z.boolean().default(false),
});
export type TAcceptanceSheetInput = z.input<typeof ZAcceptanceSheet>;

/** 验收结论: 通过 → 认定, 不通过 → written findings (required), 实地核验 note optional. */
export const ZDecideAcceptance = z
  .object({
    requestId: id,
    outcome: z.enum(['PASS', 'FAIL']),
    findings: z.string().trim().max(3000, '验收意见不能超过 3000 个字').default(''),
    onsiteNote: z.string().trim().max(2000, '实地核验情况不能超过 2000 个字').default(''),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'FAIL' && !value.findings) ctx.addIssue({ code: 'custom', path: ['findings'], message: '验收不通过须写明验收意见（存在的问题和改进要求）' });
  });
export type TDecideAcceptanceInput = z.input<typeof ZDecideAcceptance>;

export const ACCEPTANCE_STATUS_LABELS = {
  WAITING: '待验收',
  REVIEWING: '验收中',
  PASSED: '验收通过（已认定）',
  FAILED: '验收不通过',
} as const;

export type TCriterion = { name: string; maxPoints: number };
