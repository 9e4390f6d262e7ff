'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ZSignIn, signInErrorMessage, type TSignIn } from '@/lib/auth/schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';

type TCaptcha = { id: string; svg: string };

/** `next`: a same-site path to return to after signing in (e.g. the voting page), checked by the login page. */
export function SignInForm({ next }: { next?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [captcha, setCaptcha] = useState<TCaptcha | null>(null);
  const { register, handleSubmit, formState, setValue } = useForm<TSignIn>({ resolver: zodResolver(ZSignIn) });

  async function loadCaptcha() {
    const response = await fetch('/api/captcha', { method: 'POST' });
    if (response.ok) setCaptcha(await response.json());
    setValue('captchaAnswer', '');
  }

  async function onSubmit(values: TSignIn) {
    setFormError(null);
    const result = await signIn('credentials', {
      redirect: false,
      identifier: values.identifier,
      password: values.password,
      captchaId: captcha?.id ?? '',
      captchaAnswer: values.captchaAnswer ?? '',
    });
    if (result?.ok && !result.error) {
      router.replace(next ?? '/dashboard');
      router.refresh();
      return;
    }
    const { message, needsCaptcha } = signInErrorMessage(result?.error);
    setFormError(message);
    if (needsCaptcha || captcha) await loadCaptcha();
  }

  const errors = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} className="space-y-4" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="identifier" label="登录名或手机号" error={errors.identifier?.message} required>
        <TextInput id="identifier" autoComplete="username" invalid={!!errors.identifier} {...register('identifier')} />
      </Field>
      <Field id="password" label="密码" error={errors.password?.message} required>
        <TextInput id="password" type="password" autoComplete="current-password" invalid={!!errors.password} {...register('password')} />
      </Field>
      {captcha && (
        <Field id="captchaAnswer" label="验证码" error={errors.captchaAnswer?.message} hint="看不清？点击图片换一张" required>
          <div className="flex items-center gap-3">
            <TextInput id="captchaAnswer" autoComplete="off" inputMode="text" maxLength={6} {...register('captchaAnswer')} />
            <button type="button" onClick={loadCaptcha} className="shrink-0 rounded border border-stone-300" aria-label="换一张验证码">
              {/* eslint-disable-next-line @next/next/no-img-element -- server-generated SVG, shown as an image */}
              <img src={`data:image/svg+xml;utf8,${encodeURIComponent(captcha.svg)}`} alt="验证码图片" width={150} height={50} />
            </button>
          </div>
        </Field>
      )}
      <Button type="submit" className="w-full" isLoading={formState.isSubmitting}>
        登录
      </Button>
    </form>
  );
}
