// What the 公示 and 表彰决定 forms send; shared by the forms (zodResolver) and the services.
import { z } from 'zod';
import { normalizePhone } from '@/lib/phone';

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期');

/**
 * A phone people can call about the 公示: a mobile, a landline with its area code (extension allowed), a 400/800
 * number or the 12380 reporting line, typed with spaces, dashes or brackets and stored normalised (lib/phone).
 */
export const ZContactPhone = z
  .string()
  .trim()
  .min(1, '请填写联系电话')
  .max(30, '联系电话不能超过 30 个字符')
  .transform((value, context) => {
    const phone = normalizePhone(value, { hotlines: true });
    if (phone) return phone;
    context.addIssue({ code: 'custom', message: '联系电话格式不正确：请填写手机号或带区号的固定电话，如 0571-88886666' });
    return z.NEVER;
  });

const ZPublicityFields = z.object({
  /** Calendar days in Asia/Shanghai: open from the start day's 00:00 to the end day's 24:00. */
  startsOn: ZDay,
  endsOn: ZDay,
  contactPhone: ZContactPhone,
  contactAddress: z.string().trim().min(5, '请填写受理异议的通讯地址（至少 5 个字）').max(100, '通讯地址不能超过 100 个字'),
  notice: z.string().trim().max(1000, '公示说明不能超过 1000 个字').default(''),
});

const endsAfterStart = (value: { startsOn: string; endsOn: string }) => value.endsOn >= value.startsOn;
const endsAfterStartIssue = { message: '公示结束日期不能早于开始日期', path: ['endsOn'] };

/** The staff form's fields (the campaign comes from the page). */
export const ZPublishPublicityForm = ZPublicityFields.refine(endsAfterStart, endsAfterStartIssue);

export const ZPublishPublicity = ZPublicityFields.extend({ campaignId: z.string().min(1) }).refine(endsAfterStart, endsAfterStartIssue);

export const ZFinaliseForm = z.object({
  title: z.string().trim().min(4, '请填写表彰决定标题').max(100, '标题不能超过 100 个字'),
  /** 文号: a 表彰决定 is an official document and carries one (GB/T 9704). */
  documentNo: z.string().trim().min(1, '请填写文号，如：示范市委组织部〔2026〕12号').max(50, '文号不能超过 50 个字'),
  preamble: z.string().trim().min(10, '请填写表彰决定正文（至少 10 个字）').max(3000, '正文不能超过 3000 个字'),
  issuedOn: ZDay,
});

export const ZFinalise = ZFinaliseForm.extend({ campaignId: z.string().min(1) });

export type TPublishPublicityInput = z.input<typeof ZPublishPublicity>;
export type TFinaliseInput = z.input<typeof ZFinalise>;

/**
 * The notice as published: the staff's text, then the phone and address for objections on lines of their own, so the
 * 公示 page and the objection form show the same contact (the notice column is what both read).
 */
export function publicityNotice(value: { notice: string; contactPhone: string; contactAddress: string }): string {
  return [value.notice, `联系电话：${value.contactPhone}`, `通讯地址：${value.contactAddress}`].filter(Boolean).join('\n');
}
