import { z } from 'zod';

const ZId = z.string().trim().min(1).max(64);

/** What a checklist belongs to: a 示范点 or a 示范带 (exactly one). */
export const ZChecklistSubject = z.union([z.object({ siteId: ZId }).strict(), z.object({ beltId: ZId }).strict()]);
export type TChecklistSubject = z.infer<typeof ZChecklistSubject>;

const ZItemRef = z.object({
  subject: ZChecklistSubject,
  listKey: z.string().trim().min(1).max(40),
  itemIndex: z.number().int().min(0).max(99),
});

export const ZSetVerdict = ZItemRef.extend({
  verdict: z.enum(['PENDING', 'MET', 'NOT_MET']),
  note: z.string().trim().max(500, '说明不超过 500 字').default(''),
});
export type TSetVerdictInput = z.input<typeof ZSetVerdict>;

export const ZAddEvidence = ZItemRef.extend({ fileIds: z.array(ZId).min(1, '请先上传佐证材料').max(10, '一次至多添加 10 个文件') });
export type TAddEvidenceInput = z.input<typeof ZAddEvidence>;

export const ZRemoveEvidence = ZItemRef.extend({ fileId: ZId });
export type TRemoveEvidenceInput = z.input<typeof ZRemoveEvidence>;
