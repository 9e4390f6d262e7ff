'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ZPhone } from '@/lib/voting/phone-schema';
import { requestVoteCodeAction, verifyVoteCodeAction } from '@/lib/voting/public-actions';

const ZForm = z.object({
  phone: ZPhone,
  captchaAnswer: z.string().trim().max(8, '图形验证码不正确'),
  code: z.string().trim().regex(/^\d{6}$/, '请输入短信中的 6 位数字验证码'),
});
type TForm = z.infer<typeof ZForm>;
type TCaptcha = { id: string; svg: string };

/** 公众投票: phone → captcha → SMS code → back to the vote. The captcha is spent by every send; a new one loads. */
export function PhoneVerifyForm({ campaignId, next }: { campaignId: string; next: string }) {
  const router = useRouter();
  const [captcha, setCaptcha] = useState<TCaptcha | null>(null);
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [wait, setWait] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, trigger, getValues, setValue, setError } = useForm<TForm>({ resolver: zodResolver(ZForm) });

  async function loadCaptcha() {
    const response = await fetch('/api/captcha', { method: 'POST' }).catch(() => null);
    if (response?.ok) setCaptcha(await response.json());
    setValue('captchaAnswer', '');
  }

  useEffect(() => {
    void loadCaptcha();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on first render
  }, []);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  async function sendCode() {
    setFormError(null);
    if (!(await trigger(['phone', 'captchaAnswer']))) return;
    const { phone, captchaAnswer } = getValues();
    if (!captchaAnswer) return setError('captchaAnswer', { message: '请输入图形验证码' });
    setSending(true);
    const result = await requestVoteCodeAction({ campaignId, phone, captchaId: captcha?.id ?? '', captchaAnswer }).catch(() => null);
    setSending(false);
    await loadCaptcha();
    if (result?.ok) {
      setSentTo(result.data.maskedPhone);
      setWait(result.data.resendAfterSeconds);
    } else {
      setFormError(result?.message ?? '网络异常，请重试');
    }
  }

  async function onSubmit(values: TForm) {
    setFormError(null);
    const result = await verifyVoteCodeAction({ campaignId, phone: values.phone, code: values.code }).catch(() => null);
    if (result?.ok) {
      router.replace(next);
      router.refresh();
      return;
    }
    setFormError(result?.message ?? '网络异常，请重试');
  }

  const errors = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} className="space-y-4" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      {sentTo && !formError && <Alert tone="success">验证码已发送至 {sentTo}，5 分钟内有效。</Alert>}
      <Field id="phone" label="手机号码" error={errors.phone?.message} required>
        <TextInput id="phone" type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} invalid={!!errors.phone} {...register('phone')} />
      </Field>
      <Field id="captchaAnswer" label="图形验证码" error={errors.captchaAnswer?.message} hint="看不清？点击图片换一张" required>
        <div className="flex items-center gap-3">
          <TextInput id="captchaAnswer" autoComplete="off" maxLength={6} invalid={!!errors.captchaAnswer} {...register('captchaAnswer')} />
          <button type="button" onClick={() => void loadCaptcha()} className="h-[50px] w-[150px] shrink-0 rounded border border-stone-300 bg-stone-50" aria-label="换一张图形验证码">
            {captcha && (
              // eslint-disable-next-line @next/next/no-img-element -- server-generated SVG, shown as an image
              <img src={`data:image/svg+xml;utf8,${encodeURIComponent(captcha.svg)}`} alt="图形验证码" width={150} height={50} />
            )}
          </button>
        </div>
      </Field>
      <Field id="code" label="短信验证码" error={errors.code?.message} required>
        <div className="flex items-center gap-3">
          <TextInput id="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} invalid={!!errors.code} {...register('code')} />
          <Button variant="secondary" className="shrink-0" isLoading={sending} disabled={wait > 0} onClick={() => void sendCode()}>
            {wait > 0 ? `${wait} 秒后重发` : sentTo ? '重新获取' : '获取验证码'}
          </Button>
        </div>
      </Field>
      <Button type="submit" className="w-full" isLoading={formState.isSubmitting}>
        验证并去投票
      </Button>
    </form>
  );
}
