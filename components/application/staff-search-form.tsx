import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { STAFF_STATUS_LABELS, type TStaffApplicationSearch, type TStaffStatus } from '@/lib/application/staff-queries';

type TOption = { id: string; title?: string; name?: string };

/** A plain GET form: the filters live in the URL, so the export link and pagination keep them. */
export function StaffSearchForm({ search, campaigns, fields }: { search: TStaffApplicationSearch; campaigns: TOption[]; fields: TOption[] }) {
  return (
    <form method="get" role="search" className="grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 lg:items-end">
      <label className="space-y-1 text-sm">
        <span className="block font-medium">评选活动</span>
        <select name="campaign" defaultValue={search.campaign ?? ''} className={inputClass}>
          <option value="">全部活动</option>
          {campaigns.map((campaign) => <option key={campaign.id} value={campaign.id}>{campaign.title}</option>)}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">状态</span>
        <select name="status" defaultValue={search.status ?? ''} className={inputClass}>
          <option value="">全部状态</option>
          {(Object.keys(STAFF_STATUS_LABELS) as TStaffStatus[]).map((status) => <option key={status} value={status}>{STAFF_STATUS_LABELS[status]}</option>)}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">领域</span>
        <select name="field" defaultValue={search.field ?? ''} className={inputClass} disabled={!fields.length} title={fields.length ? undefined : '先选择评选活动'}>
          <option value="">{fields.length ? '全部领域' : '先选择评选活动'}</option>
          {fields.map((field) => <option key={field.id} value={field.id}>{field.name}</option>)}
        </select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">申报单位</span>
        <input name="org" type="search" defaultValue={search.org} placeholder="组织名称" className={inputClass} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">品牌名称</span>
        <input name="q" type="search" defaultValue={search.q} placeholder="品牌名称关键词" className={inputClass} />
      </label>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass('primary', 'flex-1 sm:flex-none')}>筛选</button>
        <Link href="/applications" className={buttonClass('secondary', 'flex-1 sm:flex-none')}>清除</Link>
      </div>
    </form>
  );
}
