import Link from 'next/link';
import { notFound } from 'next/navigation';
import { UserAccountActions } from '@/components/user/user-account-actions';
import { UserProfileForm } from '@/components/user/user-profile-form';
import { UserRolesPanel } from '@/components/user/user-roles-panel';
import { UserStatusTags } from '@/components/user/user-status-tags';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDateTime } from '@/lib/format';
import { getScopedUser, listScopeOrganizationOptions } from '@/lib/user/queries';

export const metadata = { title: '用户详情' };

export default async function UserDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePageUser(['ORG_ADMIN']);
  const { id } = await params;
  const paths = admin.roles.filter((grant) => grant.role === 'ORG_ADMIN').map((grant) => grant.organizationPath);
  const [user, organizations] = await Promise.all([getScopedUser(paths, id), listScopeOrganizationOptions(paths)]);
  if (!user) notFound();
  const isSelf = user.id === admin.id;
  const isReadOnly = !isSelf && !user.isManageable;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-brand-700 hover:underline">← 用户管理</Link>
      </p>
      <PageHeader title={user.displayName} description={`登录名 ${user.loginName}`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="账号状态">
          <dl className="mb-4 grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
            <dt className="text-stone-500">状态</dt>
            <dd><UserStatusTags user={user} /></dd>
            {user.isLocked && (
              <>
                <dt className="text-stone-500">锁定至</dt>
                <dd>{formatDateTime(user.lockedUntil)}</dd>
              </>
            )}
            <dt className="text-stone-500">最近登录</dt>
            <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '从未登录'}</dd>
            <dt className="text-stone-500">创建时间</dt>
            <dd>{formatDateTime(user.createdAt)}</dd>
          </dl>
          {isReadOnly ? (
            <p className="text-sm text-stone-600">该账号在您管理范围以外的组织也有角色，或与您同级、高于您，只能查看；如需修改请联系上级组织部。</p>
          ) : (
            <UserAccountActions
              user={{ id: user.id, loginName: user.loginName, displayName: user.displayName, isDisabled: user.isDisabled, isLocked: user.isLocked }}
              isSelf={isSelf}
            />
          )}
        </Card>
        {!isReadOnly && (
          <Card title="基本信息">
            <UserProfileForm key={`${user.displayName}-${user.phone}`} user={{ id: user.id, displayName: user.displayName, phone: user.phone }} />
          </Card>
        )}
        {!isReadOnly && (
          <Card title="角色" className="lg:col-span-2">
            <UserRolesPanel user={user} organizations={organizations} />
          </Card>
        )}
      </div>
    </>
  );
}
