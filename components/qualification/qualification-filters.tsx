import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { queryString } from '@/lib/format';
import type { TQualificationSearch } from '@/lib/qualification/schema';

type TProps = {
  basePath: string;
  search: TQualificationSearch;
  counts: { pending: number; passed: number; failed: number };
  fields: readonly { id: string; name: string }[];
};

const tabClass = (isCurrent: boolean) =>
  `inline-flex min-h-10 items-center gap-1.5 rounded-md px-2 py-2 text-sm font-medium sm:px-3 ${isCurrent ? 'bg-brand-700 text-white' : 'text-stone-700 hover:bg-stone-100'}`;

/** State tabs with their counts, and the field menu: plain links and a GET form, so the URL keeps the filters. */
export function QualificationFilters({ basePath, search, counts, fields }: TProps) {
  const tabs = [
    { state: undefined, label: '全部', count: counts.pending + counts.passed + counts.failed },
    { state: 'PENDING' as const, label: '待审查', count: counts.pending },
    { state: 'PASSED' as const, label: '已通过', count: counts.passed },
    { state: 'FAILED' as const, label: '未通过', count: counts.failed },
  ];
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 rounded-lg border border-stone-200 bg-white p-3">
      <nav aria-label="按审查状态筛选" className="flex flex-wrap gap-1">
        {tabs.map((tab) => {
          const isCurrent = search.state === tab.state;
          return (
            <Link key={tab.label} href={`${basePath}${queryString({ state: tab.state, field: search.field })}`} className={tabClass(isCurrent)} aria-current={isCurrent ? 'page' : undefined}>
              {tab.label}
              <span className={`rounded-full px-1.5 text-xs ${isCurrent ? 'bg-white/20' : 'bg-stone-100 text-stone-600'}`}>{tab.count}</span>
            </Link>
          );
        })}
      </nav>
      {fields.length > 0 && (
        <form method="get" className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
          {search.state && <input type="hidden" name="state" value={search.state} />}
          <label className="min-w-40 flex-1 space-y-1 text-sm sm:flex-none">
            <span className="block font-medium">领域</span>
            <select name="field" defaultValue={search.field ?? ''} className={inputClass}>
              <option value="">全部领域</option>
              {fields.map((field) => <option key={field.id} value={field.id}>{field.name}</option>)}
            </select>
          </label>
          <button type="submit" className={buttonClass('secondary')}>筛选</button>
        </form>
      )}
    </div>
  );
}
