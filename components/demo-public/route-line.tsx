import Link from 'next/link';
import { SITE_LEVEL_LABELS } from '@/lib/demo/templates';
import type { TPublicBeltSite } from '@/lib/demo-public/queries';

/**
 * The belt's route as a schematic line (no map tiles): one stop per site in route order, a vertical line on a phone,
 * each with its level and 达标 progress. A revoked stop says 已摘牌.
 */
export function RouteLine({ sites }: { sites: TPublicBeltSite[] }) {
  return (
    <ol className="relative space-y-0">
      {sites.map((site, index) => (
        <li key={site.id} className="relative flex gap-3 pb-4 last:pb-0">
          {index < sites.length - 1 && <span aria-hidden="true" className="absolute left-[15px] top-8 h-[calc(100%-2rem)] w-0.5 bg-brand-300" />}
          <span
            aria-hidden="true"
            className={`relative z-10 flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-bold ${site.revoked ? 'bg-stone-300 text-stone-700' : 'bg-brand-700 text-white'}`}
          >
            {site.routeOrder}
          </span>
          <div className="min-w-0 flex-1 pt-1">
            <p className="text-sm font-medium">
              <span className="sr-only">第 {site.routeOrder} 站：</span>
              <Link href={`/demo/sites/${site.id}`} prefetch={false} className="text-brand-800 underline underline-offset-2">
                {site.name}
              </Link>
              {site.revoked && <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-700">已摘牌</span>}
            </p>
            {!site.revoked && (
              <p className="mt-0.5 text-xs text-stone-600">
                {SITE_LEVEL_LABELS[site.level]} · 达标 {site.met} / {site.total}
              </p>
            )}
            {!site.revoked && site.total > 0 && (
              <div className="mt-1 h-1.5 w-full max-w-48 overflow-hidden rounded bg-stone-200" aria-hidden="true">
                <div className="h-full bg-green-700" style={{ width: `${Math.round((site.met / site.total) * 100)}%` }} />
              </div>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
