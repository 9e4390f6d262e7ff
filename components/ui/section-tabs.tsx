import Link from 'next/link';

export type TSectionTab = { href: string; label: string };

/** Tabs between the pages of one section of the workspace (e.g. 示范建设: 示范点 · 示范带 · 群众意见); scrolls on a phone. */
export function SectionTabs({ label, tabs, current }: { label: string; tabs: readonly TSectionTab[]; current: string }) {
  return (
    <nav aria-label={label} className="-mx-4 mb-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-stone-200 text-sm">
        {tabs.map((tab) => {
          const active = tab.href === current;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                className={`inline-block rounded-t-md px-3 py-2 ${active ? 'border-b-2 border-brand-700 font-medium text-brand-800' : 'text-stone-600 hover:text-brand-700'}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The 示范建设 section's pages. */
export const DEMO_SECTION_TABS: readonly TSectionTab[] = [
  { href: '/admin/demo', label: '示范点与考评' },
  { href: '/admin/demo/belts', label: '示范带' },
  { href: '/public-comments', label: '群众意见' },
];
