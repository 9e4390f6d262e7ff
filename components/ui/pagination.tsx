import Link from 'next/link';

type TPaginationProps = {
  page: number;
  pageCount: number;
  total: number;
  /** Builds the URL of a page, keeping the current filters. */
  hrefFor: (page: number) => string;
};

const linkClass = 'rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100';

export function Pagination({ page, pageCount, total, hrefFor }: TPaginationProps) {
  return (
    <nav aria-label="分页" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-stone-600">
      <p>
        共 {total} 条 · 第 {Math.min(page, pageCount)} / {pageCount} 页
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">上一页</Link>
        ) : (
          <span className={`${linkClass} cursor-not-allowed opacity-50`} aria-disabled>上一页</span>
        )}
        {page < pageCount ? (
          <Link href={hrefFor(page + 1)} className={linkClass} rel="next">下一页</Link>
        ) : (
          <span className={`${linkClass} cursor-not-allowed opacity-50`} aria-disabled>下一页</span>
        )}
      </div>
    </nav>
  );
}
