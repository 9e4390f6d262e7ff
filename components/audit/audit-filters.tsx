import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { auditActionLabel, auditEntityLabel } from '@/lib/audit/labels';
import type { TAuditFilters } from '@/lib/audit/schema';

/** A plain GET form: filters live in the URL, so results can be bookmarked and shared. */
export function AuditFilters({ filters, actions, entityTypes }: { filters: TAuditFilters; actions: string[]; entityTypes: string[] }) {
  return (
    <form method="get" className="grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
      <label className="space-y-1 text-sm lg:col-span-2">
        <span className="font-medium">操作人</span>
        <input name="actor" defaultValue={filters.actor} placeholder="姓名或登录名" className={inputClass} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">操作</span>
        <select name="action" defaultValue={filters.action ?? ''} className={inputClass}>
          <option value="">全部</option>
          {actions.map((action) => (
            <option key={action} value={action}>{auditActionLabel(action)}</option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">对象</span>
        <select name="entityType" defaultValue={filters.entityType ?? ''} className={inputClass}>
          <option value="">全部</option>
          {entityTypes.map((entityType) => (
            <option key={entityType} value={entityType}>{auditEntityLabel(entityType)}</option>
          ))}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">开始日期</span>
        <input type="date" name="from" defaultValue={filters.from} className={inputClass} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="font-medium">结束日期</span>
        <input type="date" name="to" defaultValue={filters.to} className={inputClass} />
      </label>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
        <button type="submit" className={buttonClass('primary')}>筛选</button>
        <Link href="/admin/audit" className={buttonClass('secondary')}>清除</Link>
      </div>
    </form>
  );
}
