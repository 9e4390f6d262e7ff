'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { markNotificationsReadAction } from '@/lib/notifications/actions';

/** Opens the notice's task; an unread notice is marked read on the way (the inbox shows it read when you come back). */
export function NotificationLink({ id, href, isRead, children }: { id: string; href: string; isRead: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="font-medium text-brand-800 underline-offset-2 hover:underline"
      onClick={() => {
        if (!isRead) void markNotificationsReadAction({ ids: [id] });
      }}
    >
      {children}
    </Link>
  );
}
