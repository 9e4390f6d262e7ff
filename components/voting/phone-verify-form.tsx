'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTypedBeforeHydration } from '@/components/ui/use-typed-before-hydration';
import { z } from 'zod';
import { SmsCodeFields } from '@/components/sms/sms-code-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ZPhone } from '@/lib/voting/phone-schema';
import { requestVoteCodeAction, verifyVoteCodeAction } from '@/lib/voting/public-actions';

const ZForm = z.object({
  phone: ZPhone,
  code: z.string().trim().regex(/^\d{6}$/, '请输入短信中的 6 位数字验证码'),
});
type TForm = z.infer<typeof ZForm>;

/** 公众投票: phone → captcha → SMS code → back to the vote. */
export function PhoneVerifyForm({ campaignId, next }: { campaignId: string; next: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, setValue, handleSubmit, formState, trigger, getValues } = useForm<TForm>({ resolver: zodResolver(ZForm) });
  const formId = useTypedBeforeHydration(setValue);

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
    <form id={formId} onSubmit={handleSubmit(onSubmit)} className="space-y-4" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="phone" label="手机号码" error={errors.phone?.message} required>
        <TextInput id="phone" type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} invalid={!!errors.phone} {...register('phone')} />
      </Field>
      <SmsCodeFields
        readPhone={async () => ((await trigger('phone')) ? getValues('phone') : null)}
        send={(input) => requestVoteCodeAction({ campaignId, ...input })}
        onError={setFormError}
        code={register('code')}
        codeError={errors.code?.message}
      />
      <Button type="submit" className="w-full" isLoading={formState.isSubmitting}>
        验证并去投票
      </Button>
    </form>
  );
}
