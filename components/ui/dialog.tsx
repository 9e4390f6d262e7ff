'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';

type TDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned on wide screens and stacked on phones. */
  footer?: ReactNode;
  /** `wide`: up to 64rem, for side-by-side comparisons. */
  size?: 'normal' | 'wide';
};

/** Modal dialog on the native <dialog>: focus trap, Esc to close and the backdrop come from the browser. */
export function Dialog({ open, onClose, title, children, footer, size = 'normal' }: TDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto w-[calc(100%-2rem)] ${size === 'wide' ? 'max-w-5xl' : 'max-w-lg'} rounded-lg bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/50`}
    >
      {open && (
        <div className="flex max-h-[85vh] flex-col">
          <header className="flex items-start justify-between gap-3 border-b border-stone-200 px-5 py-4">
            <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
            <button type="button" onClick={onClose} className="-m-1 rounded p-1 text-stone-500 hover:bg-stone-100" aria-label="关闭">
              ✕
            </button>
          </header>
          <div className="overflow-y-auto px-5 py-4">{children}</div>
          {footer && <footer className="flex flex-col-reverse gap-2 border-t border-stone-200 px-5 py-3 sm:flex-row sm:justify-end">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}

type TConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  tone?: 'primary' | 'danger';
  isLoading?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before a destructive step; the caller shows errors inside `children`. */
export function ConfirmDialog({ open, title, children, confirmLabel, tone = 'danger', isLoading, onConfirm, onCancel }: TConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={isLoading}>取消</Button>
          <Button variant={tone} onClick={onConfirm} isLoading={isLoading}>{confirmLabel}</Button>
        </>
      }
    >
      <div className="space-y-3 text-sm text-stone-700">{children}</div>
    </Dialog>
  );
}
