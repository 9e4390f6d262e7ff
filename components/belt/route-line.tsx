// The belt's sites as a schematic route (no map tiles): stations on a line in route order, vertical on phones and
// horizontal from md up, each with its checklist (达标) count, latest assessment and open items. Pure markup and CSS.
import { SITE_LEVEL_LABELS } from '@/lib/demo/templates';

export type TRouteStop = {
  id: string;
  routeOrder: number;
  name: string;
  level: 'CITY' | 'COUNTY';
  organizationName: string;
  revoked: boolean;
  checklistMet: number;
  checklistTotal: number;
  assessment: { year: number; total: number; maxPoints: number } | null;
  openItems: number;
};

function StopDetails({ stop }: { stop: TRouteStop }) {
  return (
    <dl className="mt-1 space-y-0.5 text-xs text-stone-600">
      <div>
        <dt className="inline">达标 </dt>
        <dd className="inline font-medium text-stone-800">{stop.checklistMet}/{stop.checklistTotal}</dd>
      </div>
      <div>
        <dt className="inline">考评 </dt>
        <dd className="inline font-medium text-stone-800">{stop.assessment ? `${stop.assessment.year}年 ${stop.assessment.total}/${stop.assessment.maxPoints}分` : '未考评'}</dd>
      </div>
      {stop.openItems > 0 && <div className="text-amber-900">待整改 {stop.openItems} 项</div>}
    </dl>
  );
}

export function RouteLine({ stops }: { stops: TRouteStop[] }) {
  if (!stops.length) return <p className="text-sm text-stone-600">示范带上还没有示范点。</p>;
  return (
    <div>
      {/* Phones: a vertical line on the left with a station per site. */}
      <ol className="relative ml-3 border-l-4 border-brand-600 md:hidden" aria-label="示范带线路（按线路顺序）">
        {stops.map((stop) => (
          <li key={stop.id} className="relative pb-4 pl-6 last:pb-0">
            <span className={`absolute -left-[14px] top-0 flex h-6 w-6 items-center justify-center rounded-full border-2 border-white text-xs font-bold text-white ${stop.revoked ? 'bg-stone-400' : 'bg-brand-700'}`} aria-hidden>
              {stop.routeOrder}
            </span>
            <p className="font-medium text-stone-900">
              <span className="sr-only">第 {stop.routeOrder} 站 </span>
              {stop.name}
              {stop.revoked && <span className="ml-1 text-xs text-stone-500">（已摘牌）</span>}
            </p>
            <p className="text-xs text-stone-500">{stop.organizationName} · {SITE_LEVEL_LABELS[stop.level]}</p>
            <StopDetails stop={stop} />
          </li>
        ))}
      </ol>
      {/* Wider screens: a horizontal line, scrolled sideways when the route is long. */}
      <div className="hidden overflow-x-auto pb-2 md:block">
        <ol aria-label="示范带线路（按线路顺序）" className="grid min-w-full" style={{ gridTemplateColumns: `repeat(${stops.length}, minmax(8.5rem, 1fr))` }}>
          {stops.map((stop, index) => (
            <li key={stop.id} className="relative pt-1 text-center">
              <div className="relative flex h-8 items-center justify-center">
                <span aria-hidden className={`absolute top-1/2 h-1 -translate-y-1/2 bg-brand-600 ${index === 0 ? 'left-1/2 right-0' : index === stops.length - 1 ? 'left-0 right-1/2' : 'inset-x-0'}`} />
                <span aria-hidden className={`relative z-10 flex h-8 w-8 items-center justify-center rounded-full border-2 border-white text-sm font-bold text-white shadow ${stop.revoked ? 'bg-stone-400' : 'bg-brand-700'}`}>{stop.routeOrder}</span>
              </div>
              <p className="mt-2 px-2 text-sm font-medium text-stone-900">
                <span className="sr-only">第 {stop.routeOrder} 站 </span>
                {stop.name}
              </p>
              <p className="px-2 text-xs text-stone-500">{SITE_LEVEL_LABELS[stop.level]}{stop.revoked ? ' · 已摘牌' : ''}</p>
              <div className="px-2">
                <StopDetails stop={stop} />
              </div>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
