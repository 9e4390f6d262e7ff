'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react';
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
import { SaveIndicator, type TSaveState } from '@/components/application/save-indicator';
import { SimilarNames } from '@/components/application/similar-names';
import { saveDraftAction, submitApplicationAction } from '@/lib/application/actions';
import { TEXT_LIMITS, draftFieldSchemas, draftSelfAssessmentSchema, submitSchema, type TApplicationValues, type TFormRules } from '@/lib/application/schema';
import { PHONE_HINT, PHONE_INPUT_MAX_LENGTH, normalizePhone } from '@/lib/phone';

const AUTOSAVE_DELAY_MS = 2000;

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

  const revisionRef = useRef(revision);
  const dirtyRef = useRef(false);
  const conflictRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlightRef = useRef<Promise<boolean> | null>(null);
  const [saveState, setSaveState] = useState<TSaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<string | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

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

  const saveOnce = useCallback(async (): Promise<boolean> => {
    dirtyRef.current = false;
    setSaveState({ kind: 'saving' });
    const result = await saveDraftAction({ applicationId, revision: revisionRef.current, values: getValues() }).catch(() => null);
    if (result?.ok) {
      revisionRef.current = result.data.revision;
      const unsaved = Object.keys(result.data.fieldErrors);
      showDraftErrors(result.data.fieldErrors);
      setSaveState({ kind: 'saved', at: result.data.savedAt, unsaved: unsaved.length });
      return true;
    }
    dirtyRef.current = true;
    if (result?.code === 'CONFLICT') {
      conflictRef.current = true;
      setConflict(result.message);
      setSaveState({ kind: 'idle' });
    } else {
      if (result?.fieldErrors) showDraftErrors(result.fieldErrors);
      setSaveState({ kind: 'error', message: result?.message ?? '网络异常，未能保存' });
    }
    return false;
  }, [applicationId, getValues, showDraftErrors]);

  /** One save at a time: a change made while saving is saved right after, with the new revision. */
  const save = useCallback(async (): Promise<boolean> => {
    clearTimeout(timerRef.current);
    while (inFlightRef.current) await inFlightRef.current;
    if (conflictRef.current) return false;
    if (!dirtyRef.current) return true;
    const attempt = saveOnce();
    inFlightRef.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlightRef.current = null;
    }
  }, [saveOnce]);

  useEffect(() => {
    const subscription = methods.watch((_values, { name }) => {
      if (name) recheckDraftField(name);
      dirtyRef.current = true;
      clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timerRef.current);
    };
  }, [methods, recheckDraftField, save]);

  async function submit() {
    setSubmitting(true);
    setSubmitError(null);
    clearTimeout(timerRef.current);
    while (inFlightRef.current) await inFlightRef.current;
    if (conflictRef.current) {
      setSubmitting(false);
      setConfirmOpen(false);
      return;
    }
    const result = await submitApplicationAction({ applicationId, revision: revisionRef.current, values: getValues() }).catch(() => null);
    setSubmitting(false);
    if (result?.ok) {
      dirtyRef.current = false;
      setConfirmOpen(false);
      router.refresh();
      return;
    }
    if (result?.code === 'CONFLICT') {
      conflictRef.current = true;
      setConflict(result.message);
      setConfirmOpen(false);
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
        noValidate
        onSubmit={handleSubmit(() => setConfirmOpen(true))}
        onBlur={() => {
          if (dirtyRef.current) void save();
        }}
        className="space-y-4 pb-24"
      >
        {conflict && (
          <Alert tone="error">
            <p>{conflict}</p>
            <Button variant="secondary" className="mt-2" onClick={() => window.location.reload()}>
              刷新页面
            </Button>
          </Alert>
        )}

        <SectionIndex sections={index} />

        <Card id="section-basic" title="基本信息" className="scroll-mt-16">
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <p className="text-sm text-stone-600">申报单位：<span className="font-medium text-stone-900">{organizationName}</span></p>
            </div>
            <Field id="field-fieldId" label="所属领域" required error={errors.fieldId?.message}>
              <select id="field-fieldId" className={inputClass} aria-invalid={errors.fieldId ? true : undefined} {...register('fieldId')}>
                <option value="">请选择</option>
                {fields.map((field) => (
                  <option key={field.id} value={field.id}>{field.name}</option>
                ))}
              </select>
            </Field>
            <Field id="field-secretaryName" label="党组织书记" required error={errors.secretaryName?.message}>
              <TextInput id="field-secretaryName" autoComplete="off" maxLength={TEXT_LIMITS.secretaryName} invalid={!!errors.secretaryName} {...register('secretaryName')} />
            </Field>
            <Field id="field-contactName" label="联系人" required error={errors.contactName?.message}>
              <TextInput id="field-contactName" autoComplete="name" maxLength={TEXT_LIMITS.contactName} invalid={!!errors.contactName} {...register('contactName')} />
            </Field>
            <Field id="field-contactPhone" label="联系电话" required error={errors.contactPhone?.message} hint={PHONE_HINT}>
              <TextInput
                id="field-contactPhone"
                type="tel"
                inputMode="tel"
                autoComplete="tel"
                maxLength={PHONE_INPUT_MAX_LENGTH}
                invalid={!!errors.contactPhone}
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
              <TextInput id="field-brandName" autoComplete="off" maxLength={rules.nameMaxLength} invalid={!!errors.brandName} {...register('brandName')} />
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
          <SaveIndicator state={saveState} onRetry={() => void save()} />
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => void save()} disabled={!!conflict}>保存草稿</Button>
            <Button type="submit" disabled={!!conflict}>提交</Button>
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
    </FormProvider>
  );
}
