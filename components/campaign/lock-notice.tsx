export function LockIcon({ className = 'size-3.5' }: { className?: string }) {
  return (
    <svg viewBox="0 0 16 16" fill="currentColor" className={className} aria-hidden>
      <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5V4.5a2 2 0 1 0-4 0V6h4Z" fillRule="evenodd" />
    </svg>
  );
}

/** "已锁定" beside a section title. */
export function LockBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
      <LockIcon className="size-3" />
      已锁定
    </span>
  );
}

/** A frozen settings group: the badge and the reason the server would give if it were changed. */
export function LockNotice({ reason }: { reason: string }) {
  return (
    <p className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <LockIcon className="mt-0.5 size-4 shrink-0" />
      <span>
        <span className="sr-only">已锁定：</span>
        {reason}
      </span>
    </p>
  );
}
