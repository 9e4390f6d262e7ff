// What the public voter's phone form sends; shared by the form (client) and the service (server).
import { z } from 'zod';

export const ZPhone = z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');

export const ZRequestCode = z.object({
  campaignId: z.string().min(1).max(64),
  phone: ZPhone,
  captchaId: z.string().max(64).default(''),
  captchaAnswer: z.string().trim().min(1, '请输入图形验证码').max(8, '图形验证码不正确'),
});
export type TRequestCodeInput = z.input<typeof ZRequestCode>;

export const ZVerifyCode = z.object({
  campaignId: z.string().min(1).max(64),
  phone: ZPhone,
  code: z.string().trim().regex(/^\d{6}$/, '请输入短信中的 6 位数字验证码'),
});
export type TVerifyCodeInput = z.input<typeof ZVerifyCode>;
