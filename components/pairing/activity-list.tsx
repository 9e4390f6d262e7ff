import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDate } from '@/lib/format';
import type { TPairingActivityView } from '@/lib/pairing/queries';

/** Joint activities, read-only; on a 台帐 page each carries the 结对共建 label and names the other side. */
export function PairingActivityList({ activities, onLedger = false }: { activities: TPairingActivityView[]; onLedger?: boolean }) {
  return (
    <ol className="space-y-3">
      {activities.map((entry) => (
        <li key={entry.id} className="rounded-md border border-rose-200 bg-white p-3">
          <div className="flex flex-wrap items-baseline gap-2">
            {onLedger && <Badge tone="brand">结对共建</Badge>}
            <h3 className="font-medium text-stone-900">
              {formatDate(`${entry.occurredOn}T00:00:00+08:00`)} · {entry.activity}
            </h3>
          </div>
          <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[6rem_1fr]">
            {onLedger && (
              <>
                <dt className="text-stone-500">结对单位</dt>
                <dd>
                  <Link href={`/pairings/${entry.pairingId}`} className="text-brand-700 underline">{entry.partnerLabel}</Link>
                </dd>
              </>
            )}
            <dt className="text-stone-500">地点</dt>
            <dd>{entry.place}</dd>
            <dt className="text-stone-500">参加人员</dt>
            <dd>{entry.participants}</dd>
            <dt className="text-stone-500">活动内容</dt>
            <dd className="whitespace-pre-wrap">{entry.summary}</dd>
            {entry.recordedBy && (
              <>
                <dt className="text-stone-500">记录人</dt>
                <dd>{entry.recordedBy}</dd>
              </>
            )}
          </dl>
          {entry.photos.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-2" aria-label="活动照片">
              {entry.photos.map((photo) => (
                <li key={photo.id}>
                  <a href={photo.url} target="_blank" rel="noreferrer">
                    {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route */}
                    <img src={photo.thumbUrl} alt={photo.name} className="size-20 rounded object-cover" />
                  </a>
                </li>
              ))}
            </ul>
          )}
          {entry.documents.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm">
              {entry.documents.map((document) => (
                <li key={document.id}>
                  <a href={document.url} className="text-brand-700 underline">{document.name}</a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
