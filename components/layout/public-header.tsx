import Link from 'next/link';

export function PublicHeader() {
  return (
    <header className="bg-brand-700 text-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
        <Link href="/" prefetch={false} className="font-bold tracking-wide">党建品牌选树平台</Link>
        <nav aria-label="公共服务" className="flex items-center gap-1 text-sm">
          <Link href="/gallery" prefetch={false} className="rounded-md px-2 py-1.5 hover:bg-white/10">品牌风采</Link>
          <Link href="/certificates" prefetch={false} className="rounded-md px-2 py-1.5 hover:bg-white/10">证书验证</Link>
          <Link href="/login" prefetch={false} className="rounded-md border border-white/60 px-3 py-1.5 hover:bg-white/10">登录</Link>
        </nav>
      </div>
    </header>
  );
}
