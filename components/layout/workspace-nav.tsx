'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { TNavItem } from '@/lib/auth/navigation';

export function WorkspaceNav({ items }: { items: TNavItem[] }) {
  const pathname = usePathname();
  const activeHref = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="主导航" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === activeHref ? 'page' : undefined}
              className="block rounded-t-md px-3 py-2 text-sm text-white/90 hover:bg-white/10 aria-[current=page]:bg-stone-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
