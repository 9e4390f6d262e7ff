import { EmptyState } from '@/components/ui/card';
import { auditActionLabel, auditEntityLabel } from '@/lib/audit/labels';
import { formatDateTime } from '@/lib/format';

export type TAuditRow = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
  createdAt: Date;
  actor: { loginName: string; displayName: string } | null;
};

function Change({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <span className="text-stone-400">—</span>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-brand-700">查看变更</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {before != null && (
          <pre className="max-h-64 overflow-auto rounded bg-stone-100 p-2 whitespace-pre-wrap break-all">变更前 {JSON.stringify(before, null, 2)}</pre>
        )}
        {after != null && (
          <pre className="max-h-64 overflow-auto rounded bg-stone-100 p-2 whitespace-pre-wrap break-all">变更后 {JSON.stringify(after, null, 2)}</pre>
        )}
      </div>
    </details>
  );
}

export function AuditTable({ rows }: { rows: TAuditRow[] }) {
  if (!rows.length) return <EmptyState title="没有符合条件的审计记录">请调整筛选条件。</EmptyState>;
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {rows.map((row) => (
        <li key={row.id} className="grid gap-1 px-4 py-3 text-sm md:grid-cols-[11rem_10rem_1fr] md:gap-4">
          <time className="text-stone-500" dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
          <span className="font-medium">{row.actor ? `${row.actor.displayName}（${row.actor.loginName}）` : '系统'}</span>
          <div className="min-w-0 space-y-1">
            <p>
              <span className="font-medium text-stone-900">{auditActionLabel(row.action)}</span>
              <span className="text-stone-600"> · {auditEntityLabel(row.entityType)} </span>
              <code className="break-all text-xs text-stone-500">{row.entityId}</code>
              {row.ip && <span className="text-xs text-stone-400"> · IP {row.ip}</span>}
            </p>
            <Change before={row.before} after={row.after} />
          </div>
        </li>
      ))}
    </ul>
  );
}
