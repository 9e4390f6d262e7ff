'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { OrganizationSelect } from '@/components/user/organization-select';
import { TemporaryPassword } from '@/components/user/temporary-password';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, TextInput, inputClass } from '@/components/ui/field';
import { ROLE_LABELS, ROLE_ORDER } from '@/lib/auth/roles';
import { createUserAction } from '@/lib/user/actions';
import type { TOrganizationOption } from '@/lib/user/queries';
import { ZCreateUser, type TCreateUser } from '@/lib/user/schema';

type TCreated = { userId: string; loginName: string; temporaryPassword: string };

export function CreateUserDialog({ organizations }: { organizations: TOrganizationOption[] }) {
  const router = useRouter();
  const formId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [created, setCreated] = useState<TCreated | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<TCreateUser>({
    resolver: zodResolver(ZCreateUser, undefined, { raw: true }),
    defaultValues: { loginName: '', displayName: '', phone: '', role: 'BRANCH_SECRETARY', organizationId: '' },
  });

  function close() {
    setIsOpen(false);
    setFormError(null);
    if (created) {
      setCreated(null);
      reset();
      router.refresh();
    }
  }

  async function onSubmit(values: TCreateUser) {
    setFormError(null);
    const result = await createUserAction(values);
    if (result.ok) {
      setCreated(result.data);
      return;
    }
    setFormError(result.message);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field in ZCreateUser.shape) setError(field as keyof TCreateUser, { message });
    }
  }

  const errors = formState.errors;
  const id = (name: string) => `${formId}-${name}`;
  return (
    <>
      <Button onClick={() => setIsOpen(true)}>新建用户</Button>
      <Dialog
        open={isOpen}
        onClose={close}
        title={created ? '用户已创建' : '新建用户'}
        footer={
          created ? (
            <>
              <Link href={`/admin/users/${created.userId}`} className={buttonClass('secondary')}>查看用户</Link>
              <Button onClick={close}>完成</Button>
            </>
          ) : (
            <>
              <Button variant="secondary" onClick={close} disabled={formState.isSubmitting}>取消</Button>
              <Button type="submit" form={formId} isLoading={formState.isSubmitting}>创建</Button>
            </>
          )
        }
      >
        {created ? (
          <TemporaryPassword loginName={created.loginName} password={created.temporaryPassword} />
        ) : (
          <form id={formId} method="post" onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
            {formError && <Alert tone="error">{formError}</Alert>}
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id={id('loginName')} label="登录名" error={errors.loginName?.message} hint="字母开头，可含数字、-、_、." required>
                <TextInput id={id('loginName')} invalid={!!errors.loginName} autoComplete="off" className={`${inputClass} font-mono`} {...register('loginName')} />
              </Field>
              <Field id={id('displayName')} label="姓名" error={errors.displayName?.message} required>
                <TextInput id={id('displayName')} invalid={!!errors.displayName} autoComplete="off" {...register('displayName')} />
              </Field>
            </div>
            <Field id={id('phone')} label="手机号" error={errors.phone?.message} hint="选填，可用于登录">
              <TextInput id={id('phone')} type="tel" inputMode="numeric" invalid={!!errors.phone} autoComplete="off" {...register('phone')} />
            </Field>
            <Field id={id('role')} label="角色" error={errors.role?.message} required>
              <select id={id('role')} className={inputClass} {...register('role')}>
                {ROLE_ORDER.map((role) => (
                  <option key={role} value={role}>{ROLE_LABELS[role]}</option>
                ))}
              </select>
            </Field>
            <Field id={id('organizationId')} label="所属组织" error={errors.organizationId?.message} required>
              <OrganizationSelect id={id('organizationId')} options={organizations} invalid={!!errors.organizationId} {...register('organizationId')} />
            </Field>
            <p className="text-xs text-stone-500">系统会生成临时密码，创建后显示一次；用户首次登录须修改密码。</p>
          </form>
        )}
      </Dialog>
    </>
  );
}
