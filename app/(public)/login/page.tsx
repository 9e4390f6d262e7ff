import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { Alert } from '@/components/ui/alert';
import { getCurrentUser } from '@/lib/auth/guard';

export const metadata = { title: '登录' };

/** Only a path on this site (not //host or a full URL), so the parameter cannot send people elsewhere. */
function safeNext(value: string | undefined): string | undefined {
  return value && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) ? value : undefined;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ changed?: string; next?: string }> }) {
  const { changed, next: rawNext } = await searchParams;
  const next = safeNext(rawNext);
  if (await getCurrentUser()) redirect(next ?? '/dashboard');
  return (
    <main className="flex min-h-screen items-start justify-center bg-gradient-to-b from-brand-700 to-brand-800 px-4 py-12 sm:items-center">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-xl sm:p-8">
        <div className="mb-6 text-center">
          <Link href="/" className="text-sm text-stone-500 hover:text-brand-700">党建品牌选树平台</Link>
          <h1 className="mt-1 text-2xl font-bold text-stone-900">账号登录</h1>
          <p className="mt-1 text-sm text-stone-600">组织部、党(工)委、支部书记、评审专家和党员使用</p>
        </div>
        {changed === '1' && (
          <div className="mb-4">
            <Alert tone="success">密码已修改，请用新密码重新登录。</Alert>
          </div>
        )}
        <SignInForm next={next} />
        <p className="mt-6 text-center text-xs text-stone-500">忘记密码请联系本单位党组织管理员重置</p>
      </div>
    </main>
  );
}
