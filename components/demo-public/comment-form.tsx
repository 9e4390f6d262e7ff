'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { SmsCodeFields } from '@/components/sms/sms-code-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass, TextInput } from '@/components/ui/field';
import { useTypedBeforeHydration } from '@/components/ui/use-typed-before-hydration';
import { COMMENT_MAX_LENGTH } from '@/lib/demo-public/comment-rules';
import { requestCommentCodeAction, submitCommentAction } from '@/lib/demo-public/public-actions';
import { ZCommentForm, type TCommentFormInput } from '@/lib/demo-public/schema';

type TProps = { subject: { beltId: string } | { siteId: string }; backHref: string };

/** 让群众提出意见: a phone proved by captcha + SMS code and the comment (≤ 500 字, no links); shown after moderation. */
export function CommentForm({ subject, backHref }: TProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<TCommentFormInput>({ resolver: zodResolver(ZCommentForm), defaultValues: { phone: '', code: '', body: '' } });
  const { register, handleSubmit, formState, trigger, getValues, setError, setValue, watch } = form;
  const formId = useTypedBeforeHydration(setValue);
  const errors = formState.errors;
  const length = (watch('body') ?? '').trim().length;

  async function onSubmit(values: TCommentFormInput) {
    setFormError(null);
    const result = await submitCommentAction({ ...subject, ...values }).catch(() => null);
    if (result?.ok) {
      setDone(true);
      window.scrollTo({ top: 0 });
      return;
    }
    for (const [path, message] of Object.entries(result?.fieldErrors ?? {})) {
      if (path === 'phone' || path === 'code' || path === 'body') setError(path, { message });
    }
    setFormError(result?.message ?? '网络异常，提交未完成，请重试');
  }

  if (done) {
    return (
      <div className="space-y-4">
        <Alert tone="success">已提交，审核后显示。感谢您的意见！</Alert>
        <a href={backHref} className="inline-block text-sm text-brand-700 underline underline-offset-2">← 返回页面</a>
      </div>
    );
  }

  return (
    <form id={formId} onSubmit={handleSubmit(onSubmit)} className="space-y-5" noValidate>
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="body" label="您的意见" error={errors.body?.message} hint={`${COMMENT_MAX_LENGTH} 字以内，不能包含网址或链接；已填 ${length} 字`} required>
        <textarea
          id="body"
          rows={6}
          maxLength={COMMENT_MAX_LENGTH}
          className={inputClass}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? 'body-error' : 'body-hint'}
          {...register('body')}
        />
      </Field>
      <Field id="phone" label="手机号码" error={errors.phone?.message} hint="仅用于验证，不会公开，也不以明文保存" required>
        <TextInput id="phone" type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} invalid={!!errors.phone} {...register('phone')} />
      </Field>
      <SmsCodeFields
        readPhone={async () => ((await trigger('phone')) ? getValues('phone') : null)}
        send={(input) => requestCommentCodeAction({ ...subject, ...input })}
        onError={setFormError}
        code={register('code')}
        codeError={errors.code?.message}
      />
      <p className="text-sm text-stone-600">意见经工作人员审核后以“群众”署名公开显示，工作人员可能在意见下方答复。</p>
      <Button type="submit" className="w-full" isLoading={formState.isSubmitting}>
        提交意见
      </Button>
    </form>
  );
}
