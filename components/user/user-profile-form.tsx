'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { updateUserProfileAction } from '@/lib/user/actions';
import { ZUpdateUserProfile, type TUpdateUserProfile } from '@/lib/user/schema';

export function UserProfileForm({ user }: { user: { id: string; displayName: string; phone: string | null } }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<TUpdateUserProfile>({
    resolver: zodResolver(ZUpdateUserProfile, undefined, { raw: true }),
    defaultValues: { id: user.id, displayName: user.displayName, phone: user.phone ?? '' },
  });

  async function onSubmit(values: TUpdateUserProfile) {
    setMessage(null);
    const result = await updateUserProfileAction(values);
    if (result.ok) {
      setMessage({ tone: 'success', text: '已保存' });
      router.refresh();
      return;
    }
    setMessage({ tone: 'error', text: result.message });
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
      if (field === 'displayName' || field === 'phone') setError(field, { message: text });
    }
  }

  const errors = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field id="profile-displayName" label="姓名" error={errors.displayName?.message} required>
        <TextInput id="profile-displayName" invalid={!!errors.displayName} autoComplete="off" {...register('displayName')} />
      </Field>
      <Field id="profile-phone" label="手机号" error={errors.phone?.message} hint="选填，可用于登录">
        <TextInput id="profile-phone" type="tel" inputMode="numeric" invalid={!!errors.phone} autoComplete="off" {...register('phone')} />
      </Field>
      <Button type="submit" variant="secondary" isLoading={formState.isSubmitting}>保存</Button>
    </form>
  );
}
