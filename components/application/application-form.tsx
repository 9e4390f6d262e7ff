'use client';

import { useCallback, useMemo, useState, type FocusEvent, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { FormProvider, useForm, useWatch, type FieldPath, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field, TextInput, inputClass } from '@/components/ui/field';
import { TEXT_SECTIONS, textLimit } from '@/components/application/application-sections';
import { LongTextField } from '@/components/application/long-text-field';
import { SaveIndicator } from '@/components/application/save-indicator';
import { DraftConflictDialog } from '@/components/application/draft-conflict-dialog';
import { useDraftAutosave } from '@/components/application/use-draft-autosave';
import { useTypedBeforeHydration } from '@/components/ui/use-typed-before-hydration';
import { SimilarNames } from '@/components/application/similar-names';
import { submitApplicationAction } from '@/lib/application/actions';
import { TEXT_LIMITS, draftFieldSchemas, draftSelfAssessmentSchema, submitSchema, type TApplicationValues, type TFormRules } from '@/lib/application/schema';
import { formatDateTime } from '@/lib/format';
import { PHONE_HINT, PHONE_INPUT_MAX_LENGTH, normalizePhone } from '@/lib/phone';

type TSectionEntry = { id: string; title: string; done?: boolean };

/** A row of links to each section (the form is long on a phone), ticked once its required fields are filled. */
function SectionIndex({ sections }: { sections: TSectionEntry[] }) {
  return (
    <nav aria-label="申报表目录" className="sticky top-0 z-10 -mx-4 border-b border-stone-200 bg-stone-50/95 px-4 py-2 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
      <ol className="flex gap-2 overflow-x-auto whitespace-nowrap text-sm [scrollbar-width:none]">
        {sections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              className={`relative inline-flex min-h-9 items-center gap-1 rounded-full border px-3 ${section.done ? 'border-brand-100 bg-brand-50 text-brand-800' : 'border-stone-300 bg-white text-stone-700'} hover:border-brand-600`}
            >
              {section.done && <span aria-hidden>✓</span>}
              {section.title}
              {section.done && <span className="sr-only">（已填写）</span>}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

type TApplicationFormProps = {
  applicationId: string;
  revision: number;
  values: TApplicationValues;
  rules: TFormRules;
  organizationName: string;
  fields: readonly { id: string; name: string }[];
  criteria: readonly { id: string; name: string; maxPoints: number; guidance: string }[];
  /** The logo and attachments section, saved on its own. */
  attachments?: ReactNode;
};

export function ApplicationForm({ applicationId, revision, values, rules, organizationName, fields, criteria, attachments }: TApplicationFormProps) {
  const router = useRouter();
  const methods = useForm<TApplicationValues>({
    resolver: zodResolver(submitSchema(rules)) as unknown as Resolver<TApplicationValues>,
    defaultValues: values,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, control, formState, getValues, setValue, setError, clearErrors, setFocus, handleSubmit } = methods;
  const watched = useWatch({ control }) as Partial<TApplicationValues>;
  const brandName = watched.brandName;

  const [confirmOpen, setConfirmOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const formId = useTypedBeforeHydration(setValue);
  const defaults = formState.defaultValues;

  const showServerErrors = useCallback(
    (fieldErrors: Record<string, string>) => {
      const names = Object.keys(fieldErrors) as FieldPath<TApplicationValues>[];
      for (const name of names) setError(name, { message: fieldErrors[name] });
      if (names[0]) setFocus(names[0]);
    },
    [setError, setFocus],
  );

  /**
   * Draft errors (a field over its cap, a half-typed phone) are shown where they are, never focused: the user may
   * be typing elsewhere. The server saved every other field; the error goes as soon as the value is fixed.
   */
  const draftSchemas = useMemo(() => draftFieldSchemas(rules), [rules]);
  const showDraftErrors = useCallback(
    (fieldErrors: Record<string, string>) => {
      for (const [name, message] of Object.entries(fieldErrors)) setError(name as FieldPath<TApplicationValues>, { type: 'draft', message });
    },
    [setError],
  );
  const recheckDraftField = useCallback(
    (name: string) => {
      const value = getValues(name as FieldPath<TApplicationValues>);
      const schema = name.startsWith('selfAssessment.') ? draftSelfAssessmentSchema : draftSchemas[name as keyof typeof draftSchemas];
      if (!schema) return;
      const parsed = schema.safeParse(value);
      const current = methods.getFieldState(name as FieldPath<TApplicationValues>).error;
      if (!parsed.success) setError(name as FieldPath<TApplicationValues>, { type: 'draft', message: parsed.error.issues[0]?.message });
      else if (current?.type === 'draft') clearErrors(name as FieldPath<TApplicationValues>);
    },
    [clearErrors, draftSchemas, getValues, methods, setError],
  );

  const draft = useDraftAutosave({
    applicationId,
    revision,
    values,
    methods,
    criteria,
    fields,
    onFieldChange: recheckDraftField,
    onFieldErrors: showDraftErrors,
  });

  async function submit() {
    setSubmitting(true);
    setSubmitError(null);
    if (!(await draft.settle())) {
      setSubmitting(false);
      setConfirmOpen(false);
      return;
    }
    const result = await submitApplicationAction({ applicationId, revision: draft.revisionRef.current, values: getValues() }).catch(() => null);
    setSubmitting(false);
    if (result?.ok) {
      draft.forgetCopy();
      setConfirmOpen(false);
      router.refresh();
      return;
    }
    if (result?.code === 'CONFLICT') {
      setConfirmOpen(false);
      draft.enterConflict(result.message);
      draft.openDialog();
      return;
    }
    if (result?.fieldErrors) {
      setConfirmOpen(false);
      showServerErrors(result.fieldErrors);
      return;
    }
    setSubmitError(result?.message ?? '网络异常，提交未完成，请重试');
  }

  const errors = formState.errors;
  const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0;
  const index: TSectionEntry[] = [
    { id: 'section-basic', title: '基本信息', done: [watched.fieldId, watched.secretaryName, watched.contactName, watched.contactPhone].every(filled) },
    { id: 'section-brand', title: '品牌名称', done: filled(watched.brandName) && filled(watched.slogan) },
    ...(attachments ? [{ id: 'section-files', title: '标识与附件' }] : []),
    ...TEXT_SECTIONS.map((section) => ({ id: `section-${section.key}`, title: section.title, done: section.required ? filled(watched[section.key]) : undefined })),
    ...(criteria.length ? [{ id: 'section-self', title: '自评', done: criteria.every((criterion) => filled(watched.selfAssessment?.[criterion.id])) }] : []),
  ];
  const brandLength = Array.from(brandName ?? '').length;

  return (
    <FormProvider {...methods}>
      <form
        id={formId}
        noValidate
        onSubmit={handleSubmit(() => setConfirmOpen(true))}
        onBlur={() => void draft.save()}
        className="space-y-4 pb-24"
      >
        {draft.conflict && (
          <Alert tone="warning">
            <p>申报表已在其他窗口或设备上修改，本窗口的修改暂未保存。你填写的内容仍在表单里，并已保存在本设备上，不会丢失。</p>
            <Button variant="secondary" className="mt-2" onClick={draft.openDialog}>
              查看并处理
            </Button>
          </Alert>
        )}
        {draft.restoredAt && !draft.conflict && <Alert tone="info">已恢复本设备上 {formatDateTime(draft.restoredAt)} 填写、尚未保存的内容，并将自动保存。</Alert>}

        <SectionIndex sections={index} />

        <Card id="section-basic" title="基本信息" className="scroll-mt-16">
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <p className="text-sm text-stone-600">申报单位：<span className="font-medium text-stone-900">{organizationName}</span></p>
            </div>
            <Field id="field-fieldId" label="所属领域" required error={errors.fieldId?.message}>
              <select id="field-fieldId" className={inputClass} aria-invalid={errors.fieldId ? true : undefined} defaultValue={defaults?.fieldId ?? ''} {...register('fieldId')}>
                <option value="">请选择</option>
                {fields.map((field) => (
                  <option key={field.id} value={field.id}>{field.name}</option>
                ))}
              </select>
            </Field>
            <Field id="field-secretaryName" label="党组织书记" required error={errors.secretaryName?.message}>
              <TextInput id="field-secretaryName" autoComplete="off" maxLength={TEXT_LIMITS.secretaryName} invalid={!!errors.secretaryName} defaultValue={defaults?.secretaryName ?? ''} {...register('secretaryName')} />
            </Field>
            <Field id="field-contactName" label="联系人" required error={errors.contactName?.message}>
              <TextInput id="field-contactName" autoComplete="name" maxLength={TEXT_LIMITS.contactName} invalid={!!errors.contactName} defaultValue={defaults?.contactName ?? ''} {...register('contactName')} />
            </Field>
            <Field id="field-contactPhone" label="联系电话" required error={errors.contactPhone?.message} hint={PHONE_HINT}>
              <TextInput
                id="field-contactPhone"
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                maxLength={PHONE_INPUT_MAX_LENGTH}
                invalid={!!errors.contactPhone}
                defaultValue={defaults?.contactPhone ?? ''}
                {...register('contactPhone', {
                  onBlur: (event: FocusEvent<HTMLInputElement>) => {
                    const phone = normalizePhone(event.target.value);
                    if (phone && phone !== event.target.value) setValue('contactPhone', phone, { shouldDirty: true });
                  },
                })}
              />
            </Field>
          </div>
        </Card>

        <Card id="section-brand" title="品牌名称与口号" className="scroll-mt-16">
          <div className="space-y-4">
            <Field id="field-brandName" label="品牌名称" required error={errors.brandName?.message} hint={`不超过 ${rules.nameMaxLength} 个字`}>
              <TextInput id="field-brandName" autoComplete="off" maxLength={rules.nameMaxLength} invalid={!!errors.brandName} defaultValue={defaults?.brandName ?? ''} {...register('brandName')} />
              <p className={`text-right text-xs tabular-nums ${brandLength > rules.nameMaxLength ? 'font-semibold text-red-700' : 'text-stone-500'}`}>
                {brandLength} / {rules.nameMaxLength}
              </p>
              <SimilarNames name={brandName ?? ''} applicationId={applicationId} />
            </Field>
            <LongTextField name="slogan" label="品牌口号" max={TEXT_LIMITS.slogan} rows={2} required />
          </div>
        </Card>

        {attachments}

        {TEXT_SECTIONS.map((section) => (
          <Card key={section.key} id={`section-${section.key}`} title={section.title} className="scroll-mt-16">
            <LongTextField name={section.key} label={section.title} hint={section.hint} max={textLimit(section.key)} required={section.required} rows={8} />
          </Card>
        ))}

        {criteria.length > 0 && (
          <Card id="section-self" title="自评" className="scroll-mt-16">
            <div className="space-y-4">
              {criteria.map((criterion) => (
                <LongTextField
                  key={criterion.id}
                  name={`selfAssessment.${criterion.id}`}
                  label={`${criterion.name}（${criterion.maxPoints} 分）`}
                  hint={criterion.guidance || undefined}
                  max={TEXT_LIMITS.selfAssessment}
                  rows={3}
                  required
                />
              ))}
            </div>
          </Card>
        )}

        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-2 border-t border-stone-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
          <SaveIndicator state={draft.saveState} onRetry={() => void draft.save()} onResolve={draft.openDialog} />
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => void draft.save().then((outcome) => outcome === 'conflict' && draft.openDialog())} disabled={!!draft.conflict}>
              保存草稿
            </Button>
            <Button type="submit" disabled={!!draft.conflict}>提交</Button>
          </div>
        </div>
      </form>

      <ConfirmDialog
        open={confirmOpen}
        title="提交申报表"
        confirmLabel="确认提交"
        tone="primary"
        isLoading={submitting}
        onConfirm={() => void submit()}
        onCancel={() => setConfirmOpen(false)}
      >
        <p>提交后将不能再修改，上级党组织审核时如需修改会退回。确认提交“{brandName}”的申报表吗？</p>
        {submitError && <p role="alert" className="text-red-700">{submitError}</p>}
      </ConfirmDialog>

      {draft.conflict && (
        <DraftConflictDialog
          open={draft.dialogOpen}
          onClose={draft.closeDialog}
          message={draft.conflict.message}
          rows={draft.conflict.rows}
          busy={draft.conflict.resolving}
          onOverwrite={() => void draft.overwrite()}
          onDiscard={draft.discard}
        />
      )}
    </FormProvider>
  );
}
