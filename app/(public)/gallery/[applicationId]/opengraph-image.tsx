import { notFound } from 'next/navigation';
import { findGalleryBrandCached } from '@/lib/gallery/public-cache';
import { SHARE_IMAGE_SIZE, shareImage } from '@/lib/gallery/share-image';

export const alt = '品牌风采';
export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';
export const dynamic = 'force-dynamic';

/** A brand's share image: its name, organization and awards, from the same cached data as its page. */
export default async function Image({ params }: { params: Promise<{ applicationId: string }> }) {
  const brand = await findGalleryBrandCached((await params).applicationId);
  if (!brand) notFound();
  const awards = [...new Set(brand.awards.map((award) => `${award.year}年${award.name}`))].slice(0, 2);
  return shareImage({ kicker: brand.slogan.slice(0, 30) || '党建品牌', title: brand.brandName, lines: [brand.organizationName.slice(0, 30), ...awards] });
}
