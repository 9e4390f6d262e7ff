'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { TNavEntry, TNavItem } from '@/lib/auth/navigation';

const matches = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/** The item whose page is open: the longest matching href wins (/promotion/contests over /promotion). */
function activeOf(items: readonly TNavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => matches(pathname, item.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

function useActive(items: readonly TNavEntry[]) {
  const pathname = usePathname();
  const pages = items.flatMap((entry) => entry.children ?? [entry]);
  const activePage = activeOf(pages, pathname);
  const activeEntry = items.find((entry) => (entry.children ?? [entry]).some((page) => page.href === activePage));
  return { activePage, activeEntry, pathname };
}

/** On a phone the rows scroll sideways: bring the open entry into view (never scrolls the page vertically). */
function useScrolledIntoView(pathname: string) {
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return ref;
}

/** Top-level entries, in the header; a group opens its first page. */
export function WorkspaceNav({ items }: { items: TNavEntry[] }) {
  const { activeEntry, pathname } = useActive(items);
  const activeRef = useScrolledIntoView(pathname);
  return (
    <nav aria-label="主导航" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1">
        {items.map((entry) => (
          <li key={entry.label}>
            <Link
              ref={entry === activeEntry ? activeRef : undefined}
              href={entry.href}
              aria-current={entry === activeEntry ? (entry.children ? 'true' : 'page') : undefined}
              className="block rounded-t-md px-3 py-2 text-sm text-white/90 hover:bg-white/10 aria-[current]:bg-stone-50 aria-[current]:font-semibold aria-[current]:text-brand-800"
            >
              {entry.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The pages of the open group, as a row above the page (nothing when the open page is not in a group). */
export function WorkspaceSubNav({ items }: { items: TNavEntry[] }) {
  const { activeEntry, activePage, pathname } = useActive(items);
  const activeRef = useScrolledIntoView(pathname);
  if (!activeEntry?.children) return null;
  return (
    <nav aria-label={activeEntry.label} className="no-print -mx-4 -mt-3 mb-5 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b border-stone-200 text-sm">
        {activeEntry.children.map((page) => (
          <li key={page.href}>
            <Link
              ref={page.href === activePage ? activeRef : undefined}
              href={page.href}
              aria-current={page.href === activePage ? 'page' : undefined}
              className="-mb-px inline-block border-b-2 border-transparent px-3 py-2 text-stone-600 hover:text-brand-700 aria-[current=page]:border-brand-700 aria-[current=page]:font-medium aria-[current=page]:text-brand-800"
            >
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
