// What the objection forms send: the public filing form (client and server share these) and the staff steps.
import { z } from 'zod';
import { ZPhone } from '@/lib/voting/phone-schema';

/** One phone may file this many objections in one campaign's 公示. */
export const MAX_OBJECTIONS_PER_PHONE = 3;
export const MAX_OBJECTION_FILES = 3;
/**
 * All attachments of one filing together (each file also follows the declaration's own rules). They travel with the
 * form in one server action, whose body Next limits to 6 MB (next.config.mjs).
 */
export const OBJECTION_FILES_MAX_BYTES = 5 * 1024 * 1024;
/** Files a staff member may attach to one step. */
export const MAX_STEP_FILES = 5;

/** 查询码: no 0/O or 1/I, so it survives being read aloud or copied by hand. */
export const TRACKING_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 12;

/** Full-width letters, lower case, spaces and dashes typed around a code all land on the stored form. */
export function normaliseTrackingCode(value: string): string {
  return value.normalize('NFKC').toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 40);
}

export const isTrackingCode = (value: string) => value.length === TRACKING_CODE_LENGTH && [...value].every((char) => TRACKING_CODE_ALPHABET.includes(char));

const ZId = z.string().min(1).max(64);

export const ZRequestObjectionCode = z.object({
  campaignId: ZId,
  phone: ZPhone,
  captchaId: z.string().max(64).default(''),
  captchaAnswer: z.string().trim().min(1, '请输入图形验证码').max(8, '图形验证码不正确'),
});
export type TRequestObjectionCodeInput = z.input<typeof ZRequestObjectionCode>;

/** The fields of the public form (the attachments travel beside them). */
export const ZObjectionForm = z.object({
  applicationId: z.string().min(1, '请选择异议对象').max(64, '请选择异议对象'),
  name: z
    .string()
    .trim()
    .min(2, '请填写真实姓名（2 至 20 个字）')
    .max(20, '姓名不能超过 20 个字')
    .regex(/^[\p{L}·•. ]+$/u, '姓名只能包含文字'),
  phone: ZPhone,
  code: z.string().trim().regex(/^\d{6}$/, '请输入短信中的 6 位数字验证码'),
  contact: z.string().trim().max(100, '其他联系方式不能超过 100 个字').default(''),
  facts: z.string().trim().min(20, '请具体写明异议的事实和理由（至少 20 个字）').max(2000, '异议事实不能超过 2000 个字'),
});
export type TObjectionFormInput = z.input<typeof ZObjectionForm>;

export const ZFileObjection = ZObjectionForm.extend({ campaignId: ZId });
export type TFileObjectionInput = z.input<typeof ZFileObjection>;

const ZFileIds = z.array(ZId).max(MAX_STEP_FILES, `每次最多附 ${MAX_STEP_FILES} 个文件`).default([]);

export const ZAcceptObjection = z.object({
  objectionId: ZId,
  note: z.string().trim().max(1000, '受理说明不能超过 1000 个字').default(''),
});

export const ZInvestigateObjection = z.object({
  objectionId: ZId,
  note: z.string().trim().min(5, '请写明调查安排（至少 5 个字）').max(2000, '调查说明不能超过 2000 个字'),
  fileIds: ZFileIds,
});

export const ZNoteObjection = z.object({
  objectionId: ZId,
  note: z.string().trim().min(5, '请填写工作记录（至少 5 个字）').max(2000, '工作记录不能超过 2000 个字'),
  fileIds: ZFileIds,
});

export const ZAnswerObjection = z.object({
  objectionId: ZId,
  outcome: z.enum(['UPHELD', 'DISMISSED'], { message: '请选择办理结果' }),
  answer: z.string().trim().min(10, '请填写答复意见（至少 10 个字）').max(2000, '答复意见不能超过 2000 个字'),
});

export const ZDeclineObjection = z.object({
  objectionId: ZId,
  reason: z.string().trim().min(5, '请写明不予受理的理由（至少 5 个字）').max(1000, '理由不能超过 1000 个字'),
});

export type TAcceptObjectionInput = z.input<typeof ZAcceptObjection>;
export type TInvestigateObjectionInput = z.input<typeof ZInvestigateObjection>;
export type TNoteObjectionInput = z.input<typeof ZNoteObjection>;
export type TAnswerObjectionInput = z.input<typeof ZAnswerObjection>;
export type TDeclineObjectionInput = z.input<typeof ZDeclineObjection>;

/** The staff list's status filter: one status, or all open ones. */
export const OBJECTION_FILTERS = ['open', 'RECEIVED', 'ACCEPTED', 'INVESTIGATING', 'ANSWERED', 'DECLINED'] as const;
export type TObjectionFilter = (typeof OBJECTION_FILTERS)[number];

export const ZObjectionListSearch = z.object({
  status: z.enum(OBJECTION_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
