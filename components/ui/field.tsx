import type { InputHTMLAttributes, ReactNode } from 'react';

/** Focus is a blue ring (the site-wide focus colour, 8.7:1 on white), never red: a red border means only aria-invalid. */
export const inputClass =
  'block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm placeholder:text-stone-500 focus:border-focus focus:outline-none focus:ring-1 focus:ring-focus aria-[invalid=true]:border-red-600 sm:text-sm';

type TFieldProps = { id: string; label: string; error?: string; hint?: ReactNode; required?: boolean; children: ReactNode };

/** Label, control, hint and error message, wired for screen readers. */
export function Field({ id, label, error, hint, required, children }: TFieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
        {required && <span className="ml-0.5 text-red-700" aria-hidden>*</span>}
      </label>
      {children}
      {hint && !error && <p id={`${id}-hint`} className="text-xs text-stone-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextInput({ invalid, ...props }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      className={inputClass}
      aria-invalid={invalid || undefined}
      aria-describedby={props.id ? `${props.id}-${invalid ? 'error' : 'hint'}` : undefined}
      {...props}
    />
  );
}
