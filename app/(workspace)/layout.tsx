import Link from 'next/link';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { WorkspaceNav, WorkspaceSubNav } from '@/components/layout/workspace-nav';
import { requirePageUser } from '@/lib/http/page';
import { navItemsFor } from '@/lib/auth/navigation';
import { canReadSms } from '@/lib/sms/queries';
import { countUnread } from '@/lib/notifications/queries';
import { hasPairingAsSecretary } from '@/lib/pairing/queries';

// Convenience only: every page and action below checks authorization again itself.
export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const roles = [...new Set(user.roles.map((grant) => grant.role))];
  const [unread, pairingSecretary] = await Promise.all([countUnread(user.id), hasPairingAsSecretary(user)]);
  const navItems = navItemsFor(roles, { rootAdmin: canReadSms(user), pairingSecretary });
  return (
    <div className="min-h-screen">
      <header className="no-print focus-on-dark bg-brand-700 text-white">
        <div className="mx-auto max-w-6xl px-4">
          <div className="flex items-center justify-between gap-3 py-3">
            <Link href="/dashboard" className="font-bold tracking-wide">党建品牌选树平台</Link>
            <div className="flex items-center gap-2 text-sm">
              <span className="hidden max-w-48 truncate sm:inline" title={user.displayName}>{user.displayName}</span>
              <NotificationBell unread={unread} />
              <SignOutButton />
            </div>
          </div>
          <WorkspaceNav items={navItems} />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <WorkspaceSubNav items={navItems} />
        {children}
      </main>
    </div>
  );
}
