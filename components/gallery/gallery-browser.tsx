'use client';

import { useSyncExternalStore, type ReactNode } from 'react';
import { EmptyState } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';

/** What the filters compare; the cards themselves are rendered on the server and passed in the same order. */
export type TGalleryFilterItem = { id: string; year: string; field: string; region: string; awards: string[]; text: string };
export type TGalleryOptions = { years: string[]; fields: string[]; regions: string[]; awards: string[] };

const FILTERS = [
  { name: 'year', label: '年度', all: '全部年度', options: 'years' },
  { name: 'field', label: '领域', all: '全部领域', options: 'fields' },
  { name: 'region', label: '地区', all: '全部地区', options: 'regions' },
  { name: 'award', label: '荣誉', all: '全部荣誉', options: 'awards' },
] as const;

// The filter state lives in the address (?year=&field=&region=&award=&q=) so a filtered view can be shared, but it is
// read only in the browser: the server renders one page for every address, which is what lets the production server
// keep a single cached copy of /gallery (scripts/lib/public-page-cache.mjs).
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}
const readSearch = () => window.location.search;
const serverSearch = () => '';

function writeSearch(params: URLSearchParams) {
  const query = params.toString();
  // Keeps Next's router state; Next syncs its own view of the address with replaceState.
  window.history.replaceState(window.history.state, '', query ? `?${query}` : window.location.pathname);
  for (const listener of listeners) listener();
}

const normalise = (text: string) => text.trim().toLowerCase();

export function GalleryBrowser({ items, options, cards }: { items: TGalleryFilterItem[]; options: TGalleryOptions; cards: ReactNode[] }) {
  const params = new URLSearchParams(useSyncExternalStore(subscribe, readSearch, serverSearch));
  // Values not among the options (an old link, a typo) are ignored, like an unknown query parameter.
  const chosen = Object.fromEntries(FILTERS.map((filter) => [filter.name, options[filter.options].includes(params.get(filter.name) ?? '') ? params.get(filter.name)! : ''])) as Record<(typeof FILTERS)[number]['name'], string>;
  const query = (params.get('q') ?? '').slice(0, 40);
  const needle = normalise(query);
  const shown = items.map(
    (item) =>
      (!chosen.year || item.year === chosen.year) &&
      (!chosen.field || item.field === chosen.field) &&
      (!chosen.region || item.region === chosen.region) &&
      (!chosen.award || item.awards.includes(chosen.award)) &&
      (!needle || item.text.includes(needle)),
  );
  const count = shown.filter(Boolean).length;
  const isFiltered = !!(needle || Object.values(chosen).some(Boolean));

  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    writeSearch(next);
  };

  return (
    <div className="space-y-4">
      {/* Without JavaScript the form still submits, and the page lists every brand. */}
      <form role="search" aria-label="查找品牌" className="grid grid-cols-2 gap-2 sm:grid-cols-[1fr_repeat(4,9rem)]" onSubmit={(event) => event.preventDefault()}>
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="gallery-q" className="sr-only">品牌或单位名称</label>
          <input id="gallery-q" name="q" type="search" value={query} maxLength={40} onChange={(event) => update('q', event.target.value)} placeholder="搜索品牌或单位名称" className={inputClass} />
        </div>
        {FILTERS.map((filter) => (
          <div key={filter.name}>
            <label htmlFor={`gallery-${filter.name}`} className="sr-only">{filter.label}</label>
            <select id={`gallery-${filter.name}`} name={filter.name} value={chosen[filter.name]} onChange={(event) => update(filter.name, event.target.value)} className={inputClass}>
              <option value="">{filter.all}</option>
              {options[filter.options].map((option) => (
                <option key={option} value={option}>{filter.name === 'year' ? `${option}年` : option}</option>
              ))}
            </select>
          </div>
        ))}
      </form>

      <p className="flex flex-wrap items-center gap-x-3 text-sm text-stone-700" aria-live="polite">
        <span>{isFiltered ? `找到 ${count} 个品牌（共 ${items.length} 个）` : `共 ${items.length} 个品牌`}</span>
        {isFiltered && (
          <button type="button" onClick={() => writeSearch(new URLSearchParams())} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            清除筛选
          </button>
        )}
      </p>

      {count === 0 ? (
        <EmptyState title={items.length ? '没有找到符合条件的品牌' : '暂无品牌'}>{items.length ? '换个关键词或筛选条件试试。' : '表彰决定发布后，获表彰的品牌会展示在这里。'}</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((item, index) => (
            <li key={item.id} hidden={!shown[index]}>
              {cards[index]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
