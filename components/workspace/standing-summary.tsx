import Link from 'next/link';

export type TStandingItem = { label: string; value: string; note?: string; href?: string; tone?: 'alert' };

/** A row of a few numbers at the top of a role's home page: where the user stands. */
export function StandingSummary({ title, items }: { title: string; items: TStandingItem[] }) {
  return (
    <section aria-label={title} className="mb-6">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {items.map((item) => {
          const body = (
            <>
              <p className="text-sm text-stone-600">{item.label}</p>
              <p className={`mt-1 text-2xl font-bold tabular-nums ${item.tone === 'alert' ? 'text-brand-700' : 'text-stone-900'}`}>{item.value}</p>
              {item.note && <p className="mt-0.5 text-xs text-stone-500">{item.note}</p>}
            </>
          );
          return (
            <li key={item.label} className="rounded-lg border border-stone-200 bg-white shadow-sm">
              {item.href ? (
                <Link href={item.href} className="block h-full p-3 hover:bg-stone-50">
                  {body}
                </Link>
              ) : (
                <div className="p-3">{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
