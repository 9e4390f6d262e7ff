import Link from 'next/link';
import { EmptyState } from '@/components/ui/card';
import { ApplicationStatusBadge } from '@/components/application/application-status-badge';
import type { ApplicationStatus } from '@/lib/generated/prisma/enums';
import { formatDateTime } from '@/lib/format';

type TRow = { id: string; status: ApplicationStatus; brandName: string; submittedAt: Date | null; organization: { name: string }; campaign: { title: string } };

export function ScopeApplicationList({ rows }: { rows: TRow[] }) {
  if (rows.length === 0) return <EmptyState title="还没有下级党组织提交的申报表" />;
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {rows.map((row) => (
        <li key={row.id}>
          <Link href={`/committee/applications/${row.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-stone-50 sm:flex-row sm:items-center sm:justify-between">
            <span className="min-w-0">
              <span className="block font-medium text-stone-900">{row.brandName || '（未命名）'}</span>
              <span className="block text-sm text-stone-600">{row.organization.name} · {row.campaign.title}</span>
            </span>
            <span className="flex shrink-0 items-center gap-2 text-sm text-stone-500">
              <ApplicationStatusBadge status={row.status} />
              {row.submittedAt && formatDateTime(row.submittedAt)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
