import { z } from 'zod';

export const QUALIFICATION_REASON_MIN = 5;
export const QUALIFICATION_REASON_MAX = 500;
export const BULK_PASS_LIMIT = 200;

const id = z.string().trim().min(1).max(64);

export const ZQualifyInput = z
  .object({
    applicationId: id,
    checks: z.record(z.string().max(200), z.boolean()),
    result: z.enum(['PASSED', 'FAILED'], { error: '请选择审查结果' }),
    reason: z.string().trim().max(QUALIFICATION_REASON_MAX, `审查意见不能超过 ${QUALIFICATION_REASON_MAX} 个字`).optional().default(''),
  })
  .superRefine((value, context) => {
    if (value.result === 'FAILED' && [...value.reason].length < QUALIFICATION_REASON_MIN) {
      context.addIssue({ code: 'custom', path: ['reason'], message: `不通过时请写明理由，至少 ${QUALIFICATION_REASON_MIN} 个字；申报单位会看到这段话` });
    }
  });
export type TQualifyInput = z.input<typeof ZQualifyInput>;

export const ZBulkPassInput = z.object({
  campaignId: id,
  applicationIds: z
    .array(id)
    .min(1, '请至少勾选一条申报')
    .max(BULK_PASS_LIMIT, `一次最多批量通过 ${BULK_PASS_LIMIT} 条`)
    .transform((ids) => [...new Set(ids)]),
});
export type TBulkPassInput = z.input<typeof ZBulkPassInput>;

export const ZRevokeInput = z.object({ applicationId: id });
export type TRevokeInput = z.input<typeof ZRevokeInput>;

/** Filters of the qualification page, from the URL; bad values are ignored. */
export const ZQualificationSearch = z.object({
  state: z.enum(['PENDING', 'PASSED', 'FAILED']).optional().catch(undefined),
  field: z.string().trim().max(64).optional().catch(undefined).transform((value) => value || undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TQualificationSearch = z.infer<typeof ZQualificationSearch>;

export const QUALIFICATION_STATE_LABELS = { PENDING: '待审查', PASSED: '已通过', FAILED: '未通过' } as const;

export const CHECKLIST_MAX_ITEMS = 12;

/** The campaign's 资格审查 conditions, one per line in the editor. */
export const ZChecklistInput = z.object({
  campaignId: id,
  items: z
    .array(z.string().trim().min(2, '每个审查项至少 2 个字').max(60, '每个审查项不能超过 60 个字'))
    .min(1, '至少保留一个审查项')
    .max(CHECKLIST_MAX_ITEMS, `审查项不能超过 ${CHECKLIST_MAX_ITEMS} 个`)
    .refine((items) => new Set(items).size === items.length, '审查项不能重复'),
});
export type TChecklistInput = z.input<typeof ZChecklistInput>;
