import type { MetadataRoute } from 'next';
import { listPublicCampaignPages } from '@/lib/campaign/queries';
import { listPublicDemoPathsCached } from '@/lib/demo-public/public-cache';
import { listGalleryBrandsCached } from '@/lib/gallery/public-cache';
import { publicBaseUrl } from '@/lib/honors/url';

// Built per request from the database (never at build time, when there is none) under the configured address.
export const dynamic = 'force-dynamic';

/** The home page, 品牌风采 and its brands, 证书验证, 示范点示范带 (approved belts, active sites), and every public campaign with the pages it has so far. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = publicBaseUrl();
  const [campaignPages, brands, demoPages] = await Promise.all([listPublicCampaignPages(), listGalleryBrandsCached(), listPublicDemoPathsCached()]);
  return [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${base}/gallery`, changeFrequency: 'weekly', priority: 0.8 },
    { url: `${base}/certificates`, changeFrequency: 'yearly', priority: 0.3 },
    { url: `${base}/demo`, changeFrequency: 'weekly', priority: 0.7 },
    ...demoPages.map((page) => ({ url: `${base}${page.path}`, lastModified: new Date(page.lastModified) })),
    ...campaignPages.map((page) => ({ url: `${base}${page.path}`, lastModified: page.lastModified })),
    ...brands.map((brand) => ({ url: `${base}/gallery/${brand.applicationId}`, lastModified: new Date(brand.awards[0]?.issuedOn ?? Date.now()) })),
  ];
}
