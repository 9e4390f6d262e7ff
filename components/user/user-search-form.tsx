import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { ROLE_LABELS, ROLE_ORDER } from '@/lib/auth/roles';
import type { TUserSearch } from '@/lib/user/schema';

/** A plain GET form: the search lives in the URL, so a result page can be bookmarked or shared. */
export function UserSearchForm({ search }: { search: TUserSearch }) {
  return (
    <form method="get" role="search" className="grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
      <label className="space-y-1 text-sm">
        <span className="block font-medium">搜索</span>
        <input name="q" type="search" defaultValue={search.q} placeholder="姓名、登录名或手机号" className={inputClass} />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">角色</span>
        <select name="role" defaultValue={search.role ?? ''} className={inputClass}>
          <option value="">全部角色</option>
          {ROLE_ORDER.map((role) => (
            <option key={role} value={role}>{ROLE_LABELS[role]}</option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass('primary', 'flex-1 sm:flex-none')}>搜索</button>
        <Link href="/admin/users" className={buttonClass('secondary', 'flex-1 sm:flex-none')}>清除</Link>
      </div>
    </form>
  );
}
