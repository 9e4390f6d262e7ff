import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BrandLogo } from '@/components/gallery/brand-logo';
import { BrandSection } from '@/components/gallery/brand-section';
import { PublicHeader } from '@/components/layout/public-header';
import { fileUrl } from '@/lib/files/service';
import { formatDate } from '@/lib/format';
import { shortDescription } from '@/lib/gallery/metadata';
import { findGalleryBrandCached } from '@/lib/gallery/public-cache';
import { verificationPath } from '@/lib/honors/url';

// Rendered on first request (none at build time: the build has no database) and then kept in Next's cache, tagged
// `gallery` through the data it read: revalidateGallery() expires it on every instance (lib/cache). Being a cached
// page, it goes out with an ETag (a browser that has it gets a 304); `revalidate` is only the safety net.
export const revalidate = 600;
export function generateStaticParams(): { applicationId: string }[] {
  return [];
}

type TProps = { params: Promise<{ applicationId: string }> };

/** The brand, or null for an unknown, never honored or wholly revoked id. */
async function load(params: TProps['params']) {
  return findGalleryBrandCached((await params).applicationId);
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const brand = await load(params);
  if (!brand) return { title: '品牌风采 · 未找到', robots: { index: false, follow: false } };
  const awards = [...new Set(brand.awards.map((award) => award.name))].join('、');
  const description = shortDescription([brand.slogan, brand.essence, `${brand.organizationName}，${brand.year}年${awards}。`]);
  return {
    title: `${brand.brandName} · 品牌风采`,
    description,
    openGraph: { title: `${brand.brandName}｜${brand.organizationName}`, description, locale: 'zh_CN', type: 'article' },
  };
}

export default async function GalleryBrandPage({ params }: TProps) {
  const brand = await load(params);
  if (!brand) notFound();
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <nav aria-label="返回">
          <Link href="/gallery" prefetch={false} className="text-sm text-brand-700 underline underline-offset-2">← 品牌风采</Link>
        </nav>
        <header className="flex gap-4">
          <BrandLogo fileId={brand.logoFileId} name={brand.brandName} size="page" />
          <div className="min-w-0 space-y-1">
            <h1 className="break-all text-2xl font-bold text-stone-900">{brand.brandName}</h1>
            {brand.slogan && <p className="text-base text-brand-800">{brand.slogan}</p>}
            <p className="break-all text-sm text-stone-700">{brand.organizationName}</p>
            <p className="text-xs text-stone-600">{[brand.fieldName, brand.regionName].filter(Boolean).join(' · ')}</p>
          </div>
        </header>

        <section aria-labelledby="awards-heading" className="rounded-lg border border-brand-100 bg-brand-50/60 p-4">
          <h2 id="awards-heading" className="text-base font-semibold text-stone-900">所获荣誉</h2>
          <ul className="mt-2 space-y-2">
            {brand.awards.map((award) => (
              <li key={award.certificateNo} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-sm">
                <span className="font-medium text-brand-800">{award.year}年 {award.name}</span>
                <span className="text-xs text-stone-700">
                  {formatDate(award.issuedOn)} ·{' '}
                  <Link href={verificationPath(award.certificateNo)} prefetch={false} className="text-brand-700 underline underline-offset-2">
                    证书 {award.certificateNo}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </section>

        <BrandSection title="品牌内涵" text={brand.essence} />
        <BrandSection title="创建载体" text={brand.carriers} />
        <BrandSection title="主要做法与成效" text={brand.practices} />

        {brand.photos.length > 0 && (
          <section aria-labelledby="photos-heading" className="space-y-2">
            <h2 id="photos-heading" className="text-base font-semibold text-stone-900">品牌图片</h2>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              {brand.photos.map((photo, index) => (
                <li key={photo.fileId}>
                  <figure>
                    <a href={fileUrl(photo.fileId)} target="_blank" rel="noopener">
                      {/* eslint-disable-next-line @next/next/no-img-element -- public photos from our file route, resized there */}
                      <img
                        src={fileUrl(photo.fileId, 'medium')}
                        srcSet={`${fileUrl(photo.fileId, 'thumb')} 320w, ${fileUrl(photo.fileId, 'medium')} 1024w`}
                        sizes="(min-width: 640px) 240px, 50vw"
                        alt={photo.caption || `${brand.brandName}图片${index + 1}`}
                        width={400}
                        height={300}
                        loading={index < 2 ? 'eager' : 'lazy'}
                        className="aspect-[4/3] w-full rounded-lg border border-stone-200 object-cover"
                      />
                    </a>
                    {photo.caption && <figcaption className="mt-1 text-xs text-stone-600">{photo.caption}</figcaption>}
                  </figure>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </>
  );
}
