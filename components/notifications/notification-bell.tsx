import Link from 'next/link';

/** The header's bell: a link to the inbox with the unread count (99+ beyond). */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread > 0 ? `通知，${unread} 条未读` : '通知';
  return (
    <Link href="/inbox" aria-label={label} title={label} className="relative inline-flex size-10 items-center justify-center rounded hover:bg-white/10" data-testid="notification-bell">
      <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-amber-400 px-1 text-center text-xs font-bold leading-5 text-stone-900" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
