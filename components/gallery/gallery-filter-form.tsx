import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { GALLERY_FILTERS, GALLERY_QUERY_MAX, type TGalleryFilter, type TGalleryOptions } from '@/lib/gallery/filter';

/**
 * The gallery's search and filters: a plain GET form, so it works without JavaScript and the result has an address
 * (filtering never moves the reader elsewhere on a mere change of a select: the button submits).
 */
export function GalleryFilterForm({ filter, options, filtered }: { filter: TGalleryFilter; options: TGalleryOptions; filtered: boolean }) {
  return (
    <form role="search" aria-label="查找品牌" action="/gallery" method="get" className="grid grid-cols-2 gap-2 sm:grid-cols-[1fr_repeat(4,8.5rem)_auto]">
      <div className="col-span-2 sm:col-span-1">
        <label htmlFor="gallery-q" className="sr-only">品牌或单位名称</label>
        <input id="gallery-q" name="q" type="search" defaultValue={filter.q} maxLength={GALLERY_QUERY_MAX} placeholder="搜索品牌或单位名称" className={inputClass} />
      </div>
      {GALLERY_FILTERS.map(({ name, label, all }) => (
        <div key={name}>
          <label htmlFor={`gallery-${name}`} className="sr-only">{label}</label>
          <select id={`gallery-${name}`} name={name} defaultValue={filter[name]} className={inputClass}>
            <option value="">{all}</option>
            {options[name].map((option) => (
              <option key={option} value={option}>{name === 'year' ? `${option}年` : option}</option>
            ))}
          </select>
        </div>
      ))}
      <div className="col-span-2 flex gap-2 sm:col-span-1">
        <button type="submit" className={buttonClass('primary', 'flex-1 sm:flex-none')}>筛选</button>
        {filtered && (
          <Link href="/gallery" prefetch={false} className={buttonClass('secondary', 'flex-1 sm:flex-none')}>清除筛选</Link>
        )}
      </div>
    </form>
  );
}
