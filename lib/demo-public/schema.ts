// What the public comment form and the moderation steps send; shared by the forms (client) and the services.
import { z } from 'zod';
import { MOBILE_PATTERN } from '@/lib/phone';
import { commentBodyProblem, COMMENT_MAX_LENGTH } from '@/lib/demo-public/comment-rules';

const ZId = z.string().min(1).max(64);
const ZPhone = z.string().trim().regex(MOBILE_PATTERN, '请输入 11 位手机号码');

/** A comment is on a belt or on a site: exactly one of the two ids. */
const ZSubject = z.object({ beltId: ZId.optional(), siteId: ZId.optional() });
const oneSubject = (value: { beltId?: string; siteId?: string }) => !!value.beltId !== !!value.siteId;

export const ZRequestCommentCode = ZSubject.extend({
  phone: ZPhone,
  captchaId: z.string().max(64).default(''),
  captchaAnswer: z.string().trim().min(1, '请输入图形验证码').max(8, '图形验证码不正确'),
}).refine(oneSubject, { message: '请从示范点或示范带页面提出意见', path: ['beltId'] });
export type TRequestCommentCodeInput = z.input<typeof ZRequestCommentCode>;

/** The form's own fields (the subject travels beside them). */
export const ZCommentForm = z.object({
  phone: ZPhone,
  code: z.string().trim().regex(/^\d{6}$/, '请输入短信中的 6 位数字验证码'),
  body: z
    .string()
    .max(COMMENT_MAX_LENGTH * 4, `意见内容不能超过 ${COMMENT_MAX_LENGTH} 字`)
    .superRefine((body, context) => {
      const problem = commentBodyProblem(body);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .transform((body) => body.trim()),
});
export type TCommentFormInput = z.input<typeof ZCommentForm>;

export const ZSubmitComment = ZSubject.merge(ZCommentForm).refine(oneSubject, { message: '请从示范点或示范带页面提出意见', path: ['beltId'] });
export type TSubmitCommentInput = z.input<typeof ZSubmitComment>;

export const ZApproveComment = z.object({ commentId: ZId });
export type TApproveCommentInput = z.input<typeof ZApproveComment>;

export const ZRejectComment = z.object({
  commentId: ZId,
  reason: z.string().trim().min(5, '请写明不予显示的理由（至少 5 个字）').max(200, '理由不超过 200 字'),
});
export type TRejectCommentInput = z.input<typeof ZRejectComment>;

export const ZReplyComment = z.object({
  commentId: ZId,
  reply: z.string().trim().min(2, '请填写回复内容（至少 2 个字）').max(COMMENT_MAX_LENGTH, `回复不超过 ${COMMENT_MAX_LENGTH} 字`),
});
export type TReplyCommentInput = z.input<typeof ZReplyComment>;
