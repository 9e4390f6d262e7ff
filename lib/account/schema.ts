import { z } from 'zod';

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(200),
    newPassword: z.string().min(8, '新密码至少 8 位').max(128, '密码不能超过 128 位'),
    confirmPassword: z.string().min(1, '请再次输入新密码'),
    /** Asked for after 5 wrong current passwords, like at sign-in. */
    captchaId: z.string().max(100).optional(),
    captchaAnswer: z.string().trim().max(10).optional(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ['confirmPassword'], message: '两次输入的新密码不一致' })
  .refine((value) => value.newPassword !== value.currentPassword, { path: ['newPassword'], message: '新密码不能与当前密码相同' });

export type TChangePassword = z.infer<typeof ZChangePassword>;
