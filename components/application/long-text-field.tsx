'use client';

import { useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { Field, inputClass } from '@/components/ui/field';
import type { TApplicationValues } from '@/lib/application/schema';

type TLongTextFieldProps = {
  name: FieldPath<TApplicationValues>;
  label: string;
  max: number;
  hint?: string;
  required?: boolean;
  rows?: number;
  readOnly?: boolean;
};

const at = (tree: unknown, name: string): unknown => name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);

function errorAt(errors: Record<string, unknown>, name: string): string | undefined {
  return (at(errors, name) as { message?: string } | undefined)?.message;
}

/** A textarea with a live "123 / 2000" counter that turns red past the limit. */
export function LongTextField({ name, label, max, hint, required, rows = 6, readOnly }: TLongTextFieldProps) {
  const { register, control, formState } = useFormContext<TApplicationValues>();
  const value = useWatch({ control, name });
  const length = typeof value === 'string' ? Array.from(value).length : 0;
  const id = `field-${name.replace('.', '-')}`;
  const error = errorAt(formState.errors, name);
  // In the server's HTML too: a slow phone shows the saved text before the script runs.
  const initial = at(formState.defaultValues, name);
  return (
    <Field id={id} label={label} required={required} error={error} hint={hint}>
      <textarea
        id={id}
        rows={rows}
        readOnly={readOnly}
        maxLength={max}
        className={`${inputClass} min-h-24 resize-y leading-relaxed`}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-${error ? 'error' : 'hint'} ${id}-count`}
        defaultValue={typeof initial === 'string' ? initial : ''}
        {...register(name)}
      />
      <p id={`${id}-count`} className={`text-right text-xs tabular-nums ${length > max ? 'font-semibold text-red-700' : 'text-stone-500'}`}>
        {length} / {max}
      </p>
    </Field>
  );
}
