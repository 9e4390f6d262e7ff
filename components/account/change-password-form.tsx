'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTypedBeforeHydration } from '@/components/ui/use-typed-before-hydration';
import { changePasswordAction } from '@/lib/account/actions';
import { ZChangePassword, type TChangePassword } from '@/lib/account/schema';
import { CaptchaField, useCaptcha } from '@/components/auth/captcha-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword', 'captchaAnswer'] as const;
type TField = (typeof FIELDS)[number];

export function ChangePasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const captcha = useCaptcha();
  const { register, handleSubmit, formState, setError, setValue } = useForm<TChangePassword>({ resolver: zodResolver(ZChangePassword) });
  const formId = useTypedBeforeHydration(setValue);

  async function onSubmit(values: TChangePassword) {
    setFormError(null);
    const result = await changePasswordAction({ ...values, captchaId: captcha.id || undefined });
    if (result.ok) {
      await signOut({ callbackUrl: '/login?changed=1' });
      return;
    }
    setFormError(result.message);
    // After repeated wrong current passwords the server asks for a captcha, as at sign-in; each challenge is single-use.
    if (result.fieldErrors?.captchaAnswer || captcha.challenge) {
      await captcha.load();
      setValue('captchaAnswer', '');
    }
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (FIELDS.includes(field as TField)) setError(field as TField, { message });
    }
  }

  const errors = formState.errors;
  return (
    <form id={formId} method="post" onSubmit={handleSubmit(onSubmit)} className="max-w-md space-y-4" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="currentPassword" label="当前密码" error={errors.currentPassword?.message} required>
        <TextInput id="currentPassword" type="password" autoComplete="current-password" invalid={!!errors.currentPassword} {...register('currentPassword')} />
      </Field>
      <Field id="newPassword" label="新密码" error={errors.newPassword?.message} hint="至少 8 位，同时包含字母和数字，不能与登录名相同" required>
        <TextInput id="newPassword" type="password" autoComplete="new-password" invalid={!!errors.newPassword} {...register('newPassword')} />
      </Field>
      <Field id="confirmPassword" label="确认新密码" error={errors.confirmPassword?.message} required>
        <TextInput id="confirmPassword" type="password" autoComplete="new-password" invalid={!!errors.confirmPassword} {...register('confirmPassword')} />
      </Field>
      {captcha.challenge && (
        <CaptchaField captcha={captcha} imageLabel="验证码" error={errors.captchaAnswer?.message} onChange={() => setValue('captchaAnswer', '')} inputProps={register('captchaAnswer')} />
      )}
      <Button type="submit" isLoading={formState.isSubmitting}>修改密码</Button>
      <p className="text-xs text-stone-500">修改成功后，您在所有设备上的登录都会失效，请用新密码重新登录。</p>
    </form>
  );
}
