'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, TextInput, inputClass } from '@/components/ui/field';
import { createOrganizationAction, updateOrganizationAction } from '@/lib/organization/actions';
import { ORG_FIELD_LABELS, ORG_FIELDS } from '@/lib/org-tree/fields';
import type { TOrgTreeRow } from '@/lib/organization/queries';
import { ZOrganizationFields, type TOrganizationFields } from '@/lib/organization/schema';

type TMode = 'create' | 'edit';

type TProps = {
  open: boolean;
  mode: TMode;
  /** The parent when creating, the organization itself when editing. */
  org: TOrgTreeRow | null;
  onClose: () => void;
  onDone: (message: string, expandId?: string) => void;
};

const LEVEL_SUGGESTIONS = ['党委', '党工委', '党总支', '党支部', '联合党支部', '党小组'];

export function OrganizationFormDialog({ open, mode, org, onClose, onDone }: TProps) {
  const formId = useId();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const title = mode === 'create' ? '新建下级组织' : '编辑组织';
  return (
    <Dialog
      open={open && !!org}
      onClose={onClose}
      title={title}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={isSubmitting}>取消</Button>
          <Button type="submit" form={formId} isLoading={isSubmitting}>{mode === 'create' ? '新建' : '保存'}</Button>
        </>
      }
    >
      {org && <OrganizationForm formId={formId} mode={mode} org={org} onSubmitting={setIsSubmitting} onDone={onDone} />}
    </Dialog>
  );
}

function defaultsFor(mode: TMode, org: TOrgTreeRow): TOrganizationFields {
  if (mode === 'create') return { name: '', shortName: '', code: '', levelLabel: '', field: org.field, memberCount: 0, secretaryName: '', secretaryPhone: '' };
  return {
    name: org.name,
    shortName: org.shortName ?? '',
    code: org.code,
    levelLabel: org.levelLabel,
    field: org.field,
    memberCount: org.memberCount,
    secretaryName: org.secretaryName ?? '',
    secretaryPhone: org.secretaryPhone ?? '',
  };
}

type TFormProps = {
  formId: string;
  mode: TMode;
  org: TOrgTreeRow;
  onSubmitting: (value: boolean) => void;
  onDone: TProps['onDone'];
};

function OrganizationForm({ formId, mode, org, onSubmitting, onDone }: TFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  // raw: the server parses the same schema again, so it gets the values as typed.
  const { register, handleSubmit, formState, setError } = useForm<TOrganizationFields>({
    resolver: zodResolver(ZOrganizationFields, undefined, { raw: true }),
    defaultValues: defaultsFor(mode, org),
  });

  async function onSubmit(values: TOrganizationFields) {
    setFormError(null);
    onSubmitting(true);
    const result = mode === 'create' ? await createOrganizationAction({ ...values, parentId: org.id }) : await updateOrganizationAction({ ...values, id: org.id });
    onSubmitting(false);
    if (result.ok) {
      onDone(mode === 'create' ? `已在「${org.name}」下新建「${values.name.trim()}」` : `已保存「${values.name.trim()}」`, mode === 'create' ? org.id : undefined);
      return;
    }
    setFormError(result.message);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
      if (field in ZOrganizationFields.shape) setError(field as keyof TOrganizationFields, { message });
    }
  }

  const errors = formState.errors;
  const id = (name: string) => `${formId}-${name}`;
  return (
    <form id={formId} onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {mode === 'create' && (
        <p className="text-sm text-stone-600">
          上级组织：<span className="font-medium text-stone-900">{org.name}</span>
        </p>
      )}
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id={id('name')} label="组织全称" error={errors.name?.message} required>
        <TextInput id={id('name')} invalid={!!errors.name} autoComplete="off" {...register('name')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={id('shortName')} label="简称" error={errors.shortName?.message}>
          <TextInput id={id('shortName')} invalid={!!errors.shortName} autoComplete="off" {...register('shortName')} />
        </Field>
        <Field id={id('code')} label="组织代码" error={errors.code?.message} hint="唯一，批量导入时用它识别组织" required>
          <TextInput id={id('code')} invalid={!!errors.code} autoComplete="off" className={`${inputClass} font-mono`} {...register('code')} />
        </Field>
        <Field id={id('levelLabel')} label="层级" error={errors.levelLabel?.message} hint="如 党委、党支部、党小组" required>
          <TextInput id={id('levelLabel')} invalid={!!errors.levelLabel} list={id('levels')} autoComplete="off" {...register('levelLabel')} />
        </Field>
        <datalist id={id('levels')}>
          {LEVEL_SUGGESTIONS.map((level) => <option key={level} value={level} />)}
        </datalist>
        <Field id={id('field')} label="领域" error={errors.field?.message}>
          <select
            id={id('field')}
            className={inputClass}
            aria-invalid={!!errors.field || undefined}
            {...register('field', { setValueAs: (value) => (value ? value : null) })}
          >
            <option value="">（未设置）</option>
            {ORG_FIELDS.map((field) => <option key={field} value={field}>{ORG_FIELD_LABELS[field]}</option>)}
          </select>
        </Field>
        <Field id={id('memberCount')} label="党员人数" error={errors.memberCount?.message} required>
          <TextInput id={id('memberCount')} type="number" inputMode="numeric" min={0} invalid={!!errors.memberCount} {...register('memberCount')} />
        </Field>
        <Field id={id('secretaryName')} label="书记姓名" error={errors.secretaryName?.message}>
          <TextInput id={id('secretaryName')} invalid={!!errors.secretaryName} autoComplete="off" {...register('secretaryName')} />
        </Field>
        <Field id={id('secretaryPhone')} label="书记手机号" error={errors.secretaryPhone?.message}>
          <TextInput id={id('secretaryPhone')} type="tel" inputMode="numeric" invalid={!!errors.secretaryPhone} autoComplete="off" {...register('secretaryPhone')} />
        </Field>
      </div>
    </form>
  );
}
