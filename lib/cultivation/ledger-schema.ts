import { z } from 'zod';

export const LEDGER_LIMITS = { activity: 100, place: 100, participants: 500, summary: 2000, reason: 500, photos: 9, documents: 5 } as const;

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期');
const ids = (max: number, label: string) => z.array(z.string().min(1).max(64)).max(max, `${label}最多 ${max} 个`).default([]);

export const ZLedgerEntryInput = z.object({
  cultivationId: z.string().min(1).max(64),
  occurredOn: day,
  activity: text('活动名称', LEDGER_LIMITS.activity),
  place: text('地点', LEDGER_LIMITS.place),
  participants: text('参加人员', LEDGER_LIMITS.participants),
  summary: text('活动内容', LEDGER_LIMITS.summary),
  photoIds: ids(LEDGER_LIMITS.photos, '照片'),
  documentIds: ids(LEDGER_LIMITS.documents, '附件'),
});
export type TLedgerEntryInput = z.input<typeof ZLedgerEntryInput>;

/** A correction replaces one entry of a reported month; it keeps the original's month (its date stays in that month). */
export const ZLedgerCorrectionInput = ZLedgerEntryInput.omit({ cultivationId: true }).extend({
  correctsId: z.string().min(1).max(64),
  reason: text('更正理由', LEDGER_LIMITS.reason),
});
export type TLedgerCorrectionInput = z.input<typeof ZLedgerCorrectionInput>;

export const ZLedgerEntryRef = z.object({ entryId: z.string().min(1).max(64) });

export const ZReportMonthInput = z.object({
  cultivationId: z.string().min(1).max(64),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不正确'),
});
export type TReportMonthInput = z.input<typeof ZReportMonthInput>;
