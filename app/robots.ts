import type { MetadataRoute } from 'next';
import { publicBaseUrl } from '@/lib/honors/url';

// Read at request time: the address comes from NEXTAUTH_URL of the running server (as the root layout's metadataBase).
export const dynamic = 'force-dynamic';

/** Search engines read the public pages only: no workspace, no API, no personal look-ups (receipts, objection codes). */
export default function robots(): MetadataRoute.Robots {
  const base = publicBaseUrl();
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/admin', '/declare', '/api/', '/objections/', '/applications', '/committee', '/review', '/member', '/dashboard', '/account', '/login', '/votes/', '/forbidden', '/campaigns/*/vote/verify', '/campaigns/*/publicity/objection'],
    },
    sitemap: `${base}/sitemap.xml`,
  };
}
