import type { ButtonHTMLAttributes } from 'react';

type TVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

const VARIANTS: Record<TVariant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-stone-400',
  secondary: 'border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:text-stone-400',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-stone-400',
  ghost: 'text-stone-700 hover:bg-stone-100',
};

export function buttonClass(variant: TVariant = 'primary', extra = ''): string {
  return `inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${extra}`;
}

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TVariant; isLoading?: boolean };

export function Button({ variant = 'primary', isLoading = false, className = '', children, disabled, type = 'button', ...rest }: TButtonProps) {
  return (
    <button type={type} className={buttonClass(variant, className)} disabled={disabled || isLoading} aria-busy={isLoading} {...rest}>
      {isLoading && <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" aria-hidden />}
      {children}
    </button>
  );
}
