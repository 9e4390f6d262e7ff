import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { getCurrentUser } from '@/lib/auth/guard';

export const metadata = { title: '修改密码' };

// Outside the workspace layout: users who must change their password can reach it and nothing else.
export default async function ChangePasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return (
    <main className="mx-auto max-w-lg px-4 py-10">
      <h1 className="text-2xl font-bold">修改密码</h1>
      {user.mustChangePassword ? (
        <p className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {user.displayName}，您的账号使用的是初始密码或已被管理员重置，请先设置新密码再继续使用。
        </p>
      ) : (
        <p className="mt-2 text-sm text-stone-600">
          <Link href="/account" className="text-brand-700 underline">返回我的账号</Link>
        </p>
      )}
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <ChangePasswordForm />
      </div>
    </main>
  );
}
