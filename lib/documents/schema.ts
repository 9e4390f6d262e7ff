import { z } from 'zod';
import { SERIAL_PLACEHOLDER } from '@/lib/documents/numbering-format';

const ZId = z.string({ error: '缺少评选活动' }).trim().min(1, '缺少评选活动').max(64, '评选活动编号有误');

/** 文书设置 of a campaign: the 文号 pattern (empty = the owner's short name and the year) and the issuing organization. */
export const ZDocumentSettingsInput = z.object({
  campaignId: ZId,
  documentNumberPattern: z
    .string({ error: '请填写文号格式' })
    .trim()
    .max(40, '文号格式不能超过 40 个字')
    .refine((value) => !/[\r\n]/.test(value), '文号格式不能换行')
    .refine((value) => value.split(SERIAL_PLACEHOLDER).length <= 2, `文号格式中的 ${SERIAL_PLACEHOLDER} 只能出现一次`)
    .refine((value) => !/\d+号$/.test(value), '文号格式只写到序号之前（如：示范市委组织部〔2026〕），序号由系统按顺序编排'),
  documentIssuer: z.string({ error: '请填写发文单位' }).trim().max(60, '发文单位不能超过 60 个字').refine((value) => !/[\r\n]/.test(value), '发文单位不能换行'),
});
export type TDocumentSettingsInput = z.input<typeof ZDocumentSettingsInput>;
