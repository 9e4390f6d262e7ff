import Link from 'next/link';
import { UserStatusTags } from '@/components/user/user-status-tags';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import type { TUserSummary } from '@/lib/user/queries';

function RoleList({ user }: { user: TUserSummary }) {
  return (
    <ul className="space-y-0.5">
      {user.roles.map((grant) => (
        <li key={`${grant.role}-${grant.organizationId}`}>
          <span className="font-medium text-stone-800">{ROLE_LABELS[grant.role]}</span>
          <span className="text-stone-500"> · {grant.organizationName}</span>
        </li>
      ))}
      {user.hiddenRoleCount > 0 && <li className="text-xs text-stone-500">另有 {user.hiddenRoleCount} 个角色在您的管理范围之外</li>}
    </ul>
  );
}

/** A table on wide screens, cards on phones. */
export function UserList({ users }: { users: TUserSummary[] }) {
  return (
    <>
      <div className="hidden overflow-hidden rounded-lg border border-stone-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-xs text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">姓名 / 登录名</th>
              <th scope="col" className="px-4 py-2 font-medium">手机号</th>
              <th scope="col" className="px-4 py-2 font-medium">角色</th>
              <th scope="col" className="px-4 py-2 font-medium">状态</th>
              <th scope="col" className="px-4 py-2 font-medium">最近登录</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {users.map((user) => (
              <tr key={user.id} className="align-top hover:bg-stone-50">
                <td className="px-4 py-3">
                  <p className="font-medium text-stone-900">{user.displayName}</p>
                  <p className="font-mono text-xs text-stone-500">{user.loginName}</p>
                </td>
                <td className="px-4 py-3 font-mono text-xs">{user.phone ?? '—'}</td>
                <td className="px-4 py-3"><RoleList user={user} /></td>
                <td className="px-4 py-3"><UserStatusTags user={user} /></td>
                <td className="whitespace-nowrap px-4 py-3 text-stone-600">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '从未登录'}</td>
                <td className="px-4 py-3 text-right">
                  <Link href={`/admin/users/${user.id}`} className="whitespace-nowrap font-medium text-brand-700 hover:underline" aria-label={`管理 ${user.displayName}`}>
                    管理
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden">
        {users.map((user) => (
          <li key={user.id}>
            <Link href={`/admin/users/${user.id}`} className="block rounded-lg border border-stone-200 bg-white p-4 shadow-sm active:bg-stone-50">
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="font-medium text-stone-900">{user.displayName}</p>
                  <p className="truncate font-mono text-xs text-stone-500">{user.loginName}{user.phone ? ` · ${user.phone}` : ''}</p>
                </div>
                <UserStatusTags user={user} />
              </div>
              <div className="mt-2 text-sm"><RoleList user={user} /></div>
              <p className="mt-2 text-xs text-stone-500">最近登录：{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '从未登录'}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
