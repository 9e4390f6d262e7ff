import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-5xl font-bold text-brand-700">404</p>
      <h1 className="text-xl font-semibold">页面不存在</h1>
      <p className="text-stone-600">您访问的页面不存在或已被移除，请检查网址。</p>
      <Link href="/" className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">返回首页</Link>
    </main>
  );
}
