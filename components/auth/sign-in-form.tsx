'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTypedBeforeHydration } from '@/components/ui/use-typed-before-hydration';
import { ZSignIn, signInErrorMessage, type TSignIn } from '@/lib/auth/schema';
import { CaptchaField, useCaptcha } from '@/components/auth/captcha-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';

/** `next`: a same-site path to return to after signing in (e.g. the voting page), checked by the login page. */
export function SignInForm({ next }: { next?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const captcha = useCaptcha();
  const { register, handleSubmit, formState, setValue } = useForm<TSignIn>({ resolver: zodResolver(ZSignIn) });
  const formId = useTypedBeforeHydration(setValue);

  async function loadCaptcha() {
    await captcha.load();
    setValue('captchaAnswer', '');
  }

  async function onSubmit(values: TSignIn) {
    setFormError(null);
    const result = await signIn('credentials', {
      redirect: false,
      identifier: values.identifier,
      password: values.password,
      captchaId: captcha.id,
      captchaAnswer: values.captchaAnswer ?? '',
    });
    if (result?.ok && !result.error) {
      router.replace(next ?? '/dashboard');
      router.refresh();
      return;
    }
    const { message, needsCaptcha } = signInErrorMessage(result?.error);
    setFormError(message);
    if (needsCaptcha || captcha.challenge) await loadCaptcha();
  }

  const errors = formState.errors;
  return (
    <form id={formId} method="post" onSubmit={handleSubmit(onSubmit)} className="space-y-4" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="identifier" label="登录名或手机号" error={errors.identifier?.message} required>
        <TextInput id="identifier" autoComplete="username" invalid={!!errors.identifier} {...register('identifier')} />
      </Field>
      <Field id="password" label="密码" error={errors.password?.message} required>
        <TextInput id="password" type="password" autoComplete="current-password" invalid={!!errors.password} {...register('password')} />
      </Field>
      {captcha.challenge && (
        <CaptchaField captcha={captcha} imageLabel="验证码" error={errors.captchaAnswer?.message} onChange={() => setValue('captchaAnswer', '')} inputProps={register('captchaAnswer')} />
      )}
      <Button type="submit" className="w-full" isLoading={formState.isSubmitting}>
        登录
      </Button>
    </form>
  );
}
