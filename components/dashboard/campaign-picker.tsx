// Chooses the dashboard's campaign (and organization, for staff of several): plain links, no script.
import Link from 'next/link';
import { queryString } from '@/lib/format';
import type { TDashboardScope } from '@/lib/dashboard/scope';

const STATUS = { PUBLISHED: '进行中', FINISHED: '已结束' } as Record<string, string>;

export function DashboardPicker({ scope, basePath }: { scope: TDashboardScope; basePath: string }) {
  const chip = (active: boolean) =>
    `rounded-full border px-3 py-1 text-sm ${active ? 'border-brand-700 bg-brand-700 text-white' : 'border-stone-300 bg-white text-stone-700 hover:border-brand-600'}`;
  return (
    <nav aria-label="选择评选活动" className="mb-4 space-y-2">
      {scope.roots.length > 1 && (
        <div className="flex flex-wrap gap-2">
          {scope.roots.map((root) => (
            <Link key={root.id} href={`${basePath}${queryString({ org: root.id })}`} className={chip(root.id === scope.root.id)} aria-current={root.id === scope.root.id ? 'page' : undefined}>
              {root.name}
            </Link>
          ))}
        </div>
      )}
      {scope.campaigns.length > 1 && (
        <div className="flex flex-wrap gap-2">
          {scope.campaigns.map((campaign) => (
            <Link
              key={campaign.id}
              href={`${basePath}${queryString({ org: scope.roots.length > 1 ? scope.root.id : undefined, campaign: campaign.id })}`}
              className={chip(campaign.id === scope.campaign?.id)}
              aria-current={campaign.id === scope.campaign?.id ? 'page' : undefined}
            >
              {campaign.name}
              <span className="ml-1 text-xs">{STATUS[campaign.status] ?? ''}</span>
            </Link>
          ))}
        </div>
      )}
    </nav>
  );
}
