import Link from 'next/link';
import { TextSizeToggle } from '@/components/layout/text-size';

const itemClass = 'rounded-md px-2 py-1.5 hover:bg-white/10';

export function PublicHeader() {
  return (
    <header className="focus-on-dark bg-brand-700 text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2.5">
        <Link href="/" prefetch={false} className="py-1 font-bold tracking-wide">党建品牌选树平台</Link>
        <nav aria-label="公共服务" className="-mr-2 flex flex-wrap items-center gap-x-1 gap-y-1 text-sm">
          <Link href="/gallery" prefetch={false} className={itemClass}>品牌风采</Link>
          <Link href="/demo" prefetch={false} className={itemClass}>示范点示范带</Link>
          <Link href="/certificates" prefetch={false} className={itemClass}>证书验证</Link>
          <TextSizeToggle className={`${itemClass} min-w-12 font-medium`} />
          <Link href="/login" prefetch={false} className="rounded-md border border-white/60 px-3 py-1.5 hover:bg-white/10">登录</Link>
        </nav>
      </div>
    </header>
  );
}
