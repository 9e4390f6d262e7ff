import Link from 'next/link';
import { BrandLogo } from '@/components/gallery/brand-logo';
import type { TGalleryBrand } from '@/lib/gallery/queries';

/** One honored brand in the gallery grid: logo, name (the link), organization, where and when, award badges. */
export function GalleryCard({ brand }: { brand: TGalleryBrand }) {
  return (
    <article className="relative flex h-full gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-600">
      <BrandLogo fileId={brand.logoFileId} name={brand.brandName} />
      <div className="min-w-0 space-y-1">
        <h2 className="break-all font-semibold text-stone-900">
          {/* The whole card is the link's target area; the name stays its accessible name. */}
          <Link href={`/gallery/${brand.applicationId}`} prefetch={false} className="after:absolute after:inset-0 focus:outline-none">
            {brand.brandName}
          </Link>
        </h2>
        <p className="break-all text-sm text-stone-700">{brand.organizationName}</p>
        <p className="text-xs text-stone-600">
          {brand.year}年 · {[brand.fieldName, brand.regionName].filter(Boolean).join(' · ')}
        </p>
        <ul className="flex flex-wrap gap-1 pt-1" aria-label="所获荣誉">
          {brand.awards.map((award) => (
            <li key={award.certificateNo} className="rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800 ring-1 ring-inset ring-brand-100">
              {award.name}
            </li>
          ))}
        </ul>
      </div>
    </article>
  );
}
