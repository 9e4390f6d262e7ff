import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { TAuditFilters } from '@/lib/audit-log/schema';

type TOption = { value: string; label: string };

/** A plain GET form: filters live in the URL, so results can be bookmarked and shared. */
export function AuditFilters({ filters, actions, entityTypes }: { filters: TAuditFilters; actions: TOption[]; entityTypes: TOption[] }) {
  return (
    <form method="get" className="grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
      <div className="space-y-1 text-sm lg:col-span-2">
        <label htmlFor="audit-actor" className="block font-medium">操作人</label>
        <input id="audit-actor" name="actor" defaultValue={filters.actor} placeholder="姓名或登录名" className={inputClass} />
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="audit-action" className="block font-medium">操作</label>
        <select id="audit-action" name="action" defaultValue={filters.action ?? ''} className={inputClass}>
          <option value="">全部</option>
          {actions.map((action) => (
            <option key={action.value} value={action.value}>{action.label}</option>
          ))}
        </select>
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="audit-entityType" className="block font-medium">对象</label>
        <select id="audit-entityType" name="entityType" defaultValue={filters.entityType ?? ''} className={inputClass}>
          <option value="">全部</option>
          {entityTypes.map((entityType) => (
            <option key={entityType.value} value={entityType.value}>{entityType.label}</option>
          ))}
        </select>
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="audit-from" className="block font-medium">开始日期</label>
        <input type="date" id="audit-from" name="from" defaultValue={filters.from} className={inputClass} />
      </div>
      <div className="space-y-1 text-sm">
        <label htmlFor="audit-to" className="block font-medium">结束日期</label>
        <input type="date" id="audit-to" name="to" defaultValue={filters.to} className={inputClass} />
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
        <button type="submit" className={buttonClass('primary')}>筛选</button>
        <Link href="/admin/audit" className={buttonClass('secondary')}>清除</Link>
      </div>
    </form>
  );
}
