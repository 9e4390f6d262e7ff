import { z } from 'zod';

export const ZSignIn = z.object({
  identifier: z.string().trim().min(1, '请输入登录名或手机号').max(100, '登录名过长'),
  password: z.string().min(1, '请输入密码').max(200, '密码过长'),
  captchaAnswer: z.string().trim().max(10).optional(),
});

export type TSignIn = z.infer<typeof ZSignIn>;

/** Sign-in failures arrive from next-auth as "CODE|detail". */
export function signInErrorMessage(raw: string | null | undefined): { message: string; needsCaptcha: boolean } {
  const [code, detail] = String(raw ?? '').split('|');
  switch (code) {
    case 'INVALID_CREDENTIALS':
      return { message: '账号或密码错误', needsCaptcha: false };
    case 'DISABLED':
      return { message: '该账号已停用，请联系管理员', needsCaptcha: false };
    case 'LOCKED':
      return { message: '连续输错密码次数过多，账号已锁定 15 分钟；如需立即解锁请联系管理员', needsCaptcha: false };
    case 'CAPTCHA_REQUIRED':
      return { message: '密码已连续输错多次，请输入图中的验证码后重试', needsCaptcha: true };
    case 'TOO_EARLY':
      return { message: `尝试过于频繁，请 ${detail || '几'} 秒后再试`, needsCaptcha: true };
    case 'IP_LIMIT':
      return { message: '本网络登录失败次数过多，请一分钟后再试', needsCaptcha: false };
    default:
      return { message: '登录失败，请稍后重试', needsCaptcha: false };
  }
}
