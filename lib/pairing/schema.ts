// Inputs of 结对共建 and 后进党支部 (zod, Chinese messages); dates are Shanghai calendar days 'YYYY-MM-DD'.
import { z } from 'zod';

export const PAIRING_LIMITS = { goals: 2000, partnerName: 100, note: 500, activity: 100, place: 100, participants: 500, summary: 2000, photos: 9, documents: 5 } as const;

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const id = z.string().min(1).max(64);
const ids = (max: number, label: string) => z.array(id).max(max, `${label}最多 ${max} 个`).default([]);

/** A real calendar day ('2026-02-30' is refused). */
export const day = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `请选择${label}`)
    .refine((value) => {
      const parsed = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
    }, `${label}不正确`);

export const ZLaggingInput = z.discriminatedUnion('lagging', [
  z.object({ organizationId: id, lagging: z.literal(true), note: text('后进原因', PAIRING_LIMITS.note) }),
  z.object({ organizationId: id, lagging: z.literal(false), note: z.string().max(PAIRING_LIMITS.note).optional() }),
]);
export type TLaggingInput = z.input<typeof ZLaggingInput>;

export const ZPairingInput = z
  .object({
    committeeOrgId: id,
    brandOrgId: id,
    brandId: id.nullish(),
    kind: z.enum(['BRANCH', 'ENTERPRISE'], { message: '请选择结对类型' }),
    partnerOrgId: id.nullish(),
    partnerName: z.string().trim().max(PAIRING_LIMITS.partnerName, `结对单位名称不能超过 ${PAIRING_LIMITS.partnerName} 个字`).nullish(),
    goals: text('结对目标', PAIRING_LIMITS.goals),
    startsOn: day('开始日期'),
    endsOn: day('结束日期'),
  })
  .superRefine((value, context) => {
    if (value.endsOn < value.startsOn) context.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开始日期' });
    if (value.kind === 'BRANCH' && !value.partnerOrgId) context.addIssue({ code: 'custom', path: ['partnerOrgId'], message: '请选择结对的后进党支部' });
    if (value.kind === 'ENTERPRISE' && !value.partnerName) context.addIssue({ code: 'custom', path: ['partnerName'], message: '请填写结对单位名称' });
  });
export type TPairingInput = z.input<typeof ZPairingInput>;

export const ZPairingActivityInput = z.object({
  pairingId: id,
  occurredOn: day('活动日期'),
  activity: text('活动名称', PAIRING_LIMITS.activity),
  place: text('地点', PAIRING_LIMITS.place),
  participants: text('参加人员', PAIRING_LIMITS.participants),
  summary: text('活动内容', PAIRING_LIMITS.summary),
  photoIds: ids(PAIRING_LIMITS.photos, '照片'),
  documentIds: ids(PAIRING_LIMITS.documents, '附件'),
});
export type TPairingActivityInput = z.input<typeof ZPairingActivityInput>;

export const PAIRING_VERDICT_LABELS = { EXCELLENT: '优秀', GOOD: '良好', PASS: '合格', FAIL: '不合格' } as const;
export const PAIRING_KIND_LABELS = { BRANCH: '结对后进党支部', ENTERPRISE: '机关与企业结对帮扶' } as const;

export const ZPairingReviewInput = z.object({
  pairingId: id,
  verdict: z.enum(['EXCELLENT', 'GOOD', 'PASS', 'FAIL'], { message: '请选择评议结果' }),
  note: text('评议意见', PAIRING_LIMITS.note),
  /** 期满前评议 needs this set (the note then says why). */
  early: z.boolean().default(false),
});
export type TPairingReviewInput = z.input<typeof ZPairingReviewInput>;
