'use client';

import { useEffect, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { CaptchaField, useCaptcha } from '@/components/auth/captcha-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import type { TActionResult } from '@/lib/errors';

export type TSendCodeResult = TActionResult<{ maskedPhone: string; resendAfterSeconds: number }>;

type TProps = {
  /** Validates the phone field of the surrounding form; its value, or null when invalid (the form shows why). */
  readPhone: () => Promise<string | null>;
  /** The server action that checks the captcha and sends the code (lib/sms/verification-code.ts behind it). */
  send: (input: { phone: string; captchaId: string; captchaAnswer: string }) => Promise<TSendCodeResult>;
  /** A refusal that is not about the captcha (too many codes, wrong campaign state, network). */
  onError: (message: string | null) => void;
  /** The surrounding form's code field. */
  code: UseFormRegisterReturn<'code'>;
  codeError?: string;
};

/**
 * 图形验证码 + 短信验证码 for public forms (公众投票, 提出异议): loads a captcha, sends the code with it (every send spends
 * the captcha, so a new one loads), counts down to the next send and says where the code went.
 */
export function SmsCodeFields({ readPhone, send, onError, code, codeError }: TProps) {
  const captcha = useCaptcha({ loadNow: true });
  const [captchaAnswer, setCaptchaAnswer] = useState('');
  const [captchaError, setCaptchaError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [wait, setWait] = useState(0);

  async function loadCaptcha() {
    await captcha.load();
    setCaptchaAnswer('');
  }

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  async function sendCode() {
    onError(null);
    setCaptchaError(null);
    const phone = await readPhone();
    if (!phone) return;
    if (!captchaAnswer.trim()) return setCaptchaError(captcha.kind === 'text' ? '请回答验证题' : '请输入图形验证码');
    setSending(true);
    const kind = captcha.kind;
    const result = await send({ phone, captchaId: captcha.id, captchaAnswer: captchaAnswer.trim() }).catch(() => null);
    setSending(false);
    await loadCaptcha();
    if (result?.ok) {
      setSentTo(result.data.maskedPhone);
      setWait(result.data.resendAfterSeconds);
    } else if (result?.fieldErrors?.captchaAnswer) {
      // The refusal's own message says what to do next (a new captcha has loaded); a question gets its own words.
      setCaptchaError(kind === 'text' ? '答案不正确或已过期，已换一道新题，请重新作答' : result.message);
    } else {
      onError(result?.message ?? '网络异常，请重试');
    }
  }

  return (
    <>
      <CaptchaField
        captcha={captcha}
        error={captchaError}
        onChange={() => setCaptchaAnswer('')}
        inputProps={{ value: captchaAnswer, onChange: (event) => setCaptchaAnswer(event.target.value) }}
      />
      {sentTo && <Alert tone="success">验证码已发送至 {sentTo}，5 分钟内有效。</Alert>}
      <Field id="code" label="短信验证码" error={codeError} required>
        <div className="flex items-center gap-3">
          <TextInput id="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} invalid={!!codeError} {...code} />
          <Button variant="secondary" className="shrink-0" isLoading={sending} disabled={wait > 0} onClick={() => void sendCode()}>
            {wait > 0 ? `${wait} 秒后重发` : sentTo ? '重新获取' : '获取验证码'}
          </Button>
        </div>
      </Field>
    </>
  );
}
