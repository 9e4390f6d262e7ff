'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTypedBeforeHydration } from '@/components/ui/use-typed-before-hydration';
import { changePasswordAction } from '@/lib/account/actions';
import { ZChangePassword, type TChangePassword } from '@/lib/account/schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';

export function ChangePasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, setValue, handleSubmit, formState, setError } = useForm<TChangePassword>({ resolver: zodResolver(ZChangePassword) });
  const formId = useTypedBeforeHydration(setValue);

  async function onSubmit(values: TChangePassword) {
    setFormError(null);
    const result = await changePasswordAction(values);
    if (result.ok) {
      await signOut({ callbackUrl: '/login?changed=1' });
      return;
    }
    setFormError(result.message);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field in values) setError(field as keyof TChangePassword, { message });
    }
  }

  const errors = formState.errors;
  return (
    <form id={formId} onSubmit={handleSubmit(onSubmit)} className="max-w-md space-y-4" noValidate>
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
      <Button type="submit" isLoading={formState.isSubmitting}>修改密码</Button>
      <p className="text-xs text-stone-500">修改成功后，您在所有设备上的登录都会失效，请用新密码重新登录。</p>
    </form>
  );
}
