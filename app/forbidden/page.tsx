import Link from 'next/link';

export const metadata = { title: '无权访问' };

export default function ForbiddenPage() {
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-5xl font-bold text-brand-700">403</p>
      <h1 className="text-xl font-semibold">无权访问</h1>
      <p className="text-stone-600">您的账号没有访问该页面的权限。如有疑问，请联系本单位管理员。</p>
      <Link href="/" className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">返回首页</Link>
    </main>
  );
}
