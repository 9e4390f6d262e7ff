'use client';

import type { ReactNode } from 'react';
import { get, useFormContext, type FieldPath } from 'react-hook-form';
import { Field, inputClass } from '@/components/ui/field';
import type { TCampaignSetupInput } from '@/lib/campaign/schema';

export type TSetupPath = FieldPath<TCampaignSetupInput>;

export const idOf = (name: string) => `setup-${name.replaceAll('.', '-')}`;

/** The message for a path; for list-level rules react-hook-form files it under `.root`. */
export function useErrorOf(name: string): string | undefined {
  const { formState } = useFormContext<TCampaignSetupInput>();
  const error: { message?: string; root?: { message?: string } } | undefined = get(formState.errors, name);
  return error?.message ?? error?.root?.message;
}

function describedBy(name: string, error?: string) {
  return `${idOf(name)}-${error ? 'error' : 'hint'}`;
}

type TControlProps = { name: TSetupPath; label: string; hint?: ReactNode; required?: boolean };

export function TextField({ name, label, hint, required, maxLength }: TControlProps & { maxLength?: number }) {
  const { register } = useFormContext<TCampaignSetupInput>();
  const error = useErrorOf(name);
  return (
    <Field id={idOf(name)} label={label} error={error} hint={hint} required={required}>
      <input id={idOf(name)} className={inputClass} maxLength={maxLength} aria-invalid={!!error || undefined} aria-describedby={describedBy(name, error)} {...register(name)} />
    </Field>
  );
}

export function TextAreaField({ name, label, hint, rows = 3 }: TControlProps & { rows?: number }) {
  const { register } = useFormContext<TCampaignSetupInput>();
  const error = useErrorOf(name);
  return (
    <Field id={idOf(name)} label={label} error={error} hint={hint}>
      <textarea id={idOf(name)} rows={rows} className={inputClass} aria-invalid={!!error || undefined} aria-describedby={describedBy(name, error)} {...register(name)} />
    </Field>
  );
}

/** A whole number; `isOptional` turns an empty box into null instead of an error. */
export function NumberField({ name, label, hint, required, min, max, isOptional, suffix }: TControlProps & { min?: number; max?: number; isOptional?: boolean; suffix?: string }) {
  const { register } = useFormContext<TCampaignSetupInput>();
  const error = useErrorOf(name);
  const options = isOptional ? { setValueAs: (value: unknown) => (value === '' || value === null ? null : Number(value)) } : { valueAsNumber: true as const };
  return (
    <Field id={idOf(name)} label={label} error={error} hint={hint} required={required}>
      <div className="flex items-center gap-2">
        <input
          id={idOf(name)}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          className={`${inputClass} max-w-32`}
          aria-invalid={!!error || undefined}
          aria-describedby={describedBy(name, error)}
          {...register(name, options)}
        />
        {suffix && <span className="text-sm text-stone-600">{suffix}</span>}
      </div>
    </Field>
  );
}

/** A plain date (YYYY-MM-DD); empty is null. */
export function DateField({ name, label, hint }: Omit<TControlProps, 'required'>) {
  const { register } = useFormContext<TCampaignSetupInput>();
  const error = useErrorOf(name);
  return (
    <Field id={idOf(name)} label={label} error={error} hint={hint}>
      <input
        id={idOf(name)}
        type="date"
        className={`${inputClass} max-w-48`}
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy(name, error)}
        {...register(name, { setValueAs: (value: unknown) => (value === '' || value === null ? null : value) })}
      />
    </Field>
  );
}

export function CheckboxField({ name, label, hint, disabled }: Omit<TControlProps, 'required'> & { disabled?: boolean }) {
  const { register } = useFormContext<TCampaignSetupInput>();
  const error = useErrorOf(name);
  return (
    <div className="space-y-1">
      <label className="flex min-h-10 items-start gap-2 text-sm text-stone-800">
        <input type="checkbox" className="mt-0.5 size-4 shrink-0 accent-brand-700" disabled={disabled} aria-invalid={!!error || undefined} {...register(name)} />
        <span>
          {label}
          {hint && <span className="block text-xs text-stone-500">{hint}</span>}
        </span>
      </label>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

export function SelectField({ name, label, hint, required, children, isNullable }: TControlProps & { children: ReactNode; isNullable?: boolean }) {
  const { register } = useFormContext<TCampaignSetupInput>();
  const error = useErrorOf(name);
  return (
    <Field id={idOf(name)} label={label} error={error} hint={hint} required={required}>
      <select
        id={idOf(name)}
        className={inputClass}
        aria-invalid={!!error || undefined}
        aria-describedby={describedBy(name, error)}
        {...register(name, isNullable ? { setValueAs: (value: unknown) => (value ? value : null) } : {})}
      >
        {children}
      </select>
    </Field>
  );
}

/** Error of a whole list (e.g. "至少设置一个领域"). */
export function ListError({ name }: { name: string }) {
  const error = useErrorOf(name);
  return error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null;
}
