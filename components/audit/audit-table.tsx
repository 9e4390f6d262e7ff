import { EmptyState } from '@/components/ui/card';
import type { TAuditChange } from '@/lib/audit-log/changes';
import type { TAuditEntry } from '@/lib/audit-log/queries';
import { formatDateTime } from '@/lib/format';

/** A long record (a new campaign's whole setup) shows its first changes; the rest open on demand. */
const SHOWN_CHANGES = 8;

function ChangeRow({ change }: { change: TAuditChange }) {
  return (
    <div className="contents">
      <dt className="text-stone-500">{change.label}</dt>
      <dd className="min-w-0 break-words whitespace-pre-line text-stone-900">
        {change.isContext ? (
          change.after
        ) : (
          <>
            {change.before !== null && (
              <>
                <del className="text-stone-500">{change.before}</del>
                <span aria-hidden="true" className="px-1 text-stone-400">→</span>
                <span className="sr-only">改为</span>
              </>
            )}
            {change.after !== null ? <ins className="no-underline">{change.after}</ins> : <span className="text-stone-500">（已移除）</span>}
          </>
        )}
      </dd>
    </div>
  );
}

function ChangeList({ changes }: { changes: TAuditChange[] }) {
  return (
    <dl className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-3 gap-y-1.5 sm:grid-cols-[minmax(6rem,max-content)_minmax(0,1fr)] sm:gap-x-4">
      {changes.map((change, index) => (
        <ChangeRow key={index} change={change} />
      ))}
    </dl>
  );
}

function Changes({ changes }: { changes: TAuditChange[] }) {
  if (!changes.length) return null;
  const rest = changes.slice(SHOWN_CHANGES);
  return (
    <div className="mt-2 rounded-md bg-stone-50 px-3 py-2 text-xs leading-5">
      <ChangeList changes={changes.slice(0, SHOWN_CHANGES)} />
      {rest.length > 0 && (
        <details className="mt-1.5">
          <summary className="cursor-pointer text-brand-700">另有 {rest.length} 项</summary>
          <div className="mt-1.5">
            <ChangeList changes={rest} />
          </div>
        </details>
      )}
    </div>
  );
}

export function AuditTable({ rows }: { rows: TAuditEntry[] }) {
  if (!rows.length) return <EmptyState title="没有符合条件的审计记录">请调整筛选条件。</EmptyState>;
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="audit-rows">
      {rows.map((row) => (
        <li key={row.id} className="px-4 py-3 text-sm">
          <p className="break-words">
            <span className="font-semibold text-stone-900">{row.actionLabel}</span>
            <span className="text-stone-600"> · {row.entityLabel}</span>
            {row.entityName && <span className="text-stone-900">：{row.entityName}</span>}
          </p>
          <p className="mt-0.5 text-xs text-stone-500">
            <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
            <span> · {row.actorName}</span>
            {row.ip && <span className="whitespace-nowrap"> · IP {row.ip}</span>}
          </p>
          <Changes changes={row.changes} />
          <details className="mt-1.5 text-xs">
            <summary className="cursor-pointer text-stone-500 hover:text-brand-700">原始记录</summary>
            <pre className="mt-1 max-h-72 overflow-auto rounded bg-stone-100 p-2 break-all whitespace-pre-wrap">{JSON.stringify(row.raw, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
