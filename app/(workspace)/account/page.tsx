import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button';
import { requirePageUser } from '@/lib/http/page';
import { ROLE_LABELS } from '@/lib/auth/roles';

export const metadata = { title: '我的账号' };

export default async function AccountPage() {
  const user = await requirePageUser();
  return (
    <>
      <PageHeader title="我的账号" actions={<Link href="/account/password" className={buttonClass('secondary')}>修改密码</Link>} />
      <Card title="基本信息">
        <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
          <dt className="text-stone-500">姓名</dt>
          <dd>{user.displayName}</dd>
          <dt className="text-stone-500">登录名</dt>
          <dd>{user.loginName}</dd>
        </dl>
      </Card>
      <Card title="我的角色" className="mt-4">
        {user.roles.length ? (
          <ul className="divide-y divide-stone-100 text-sm">
            {user.roles.map((grant) => (
              <li key={`${grant.role}-${grant.organizationId}`} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium">{ROLE_LABELS[grant.role]}</span>
                <span className="text-stone-600">{grant.organizationName}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-600">您暂未被分配角色，请联系本单位管理员。</p>
        )}
      </Card>
    </>
  );
}
