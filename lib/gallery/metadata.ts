// Share metadata of the 品牌风采 pages: absolute share-image addresses need the site's configured address.
import type { Metadata } from 'next';
import { publicBaseUrl } from '@/lib/honors/url';

/** metadataBase from NEXTAUTH_URL: never from the request, so every visitor gets the same (cacheable) page. */
export const galleryMetadataBase = (): Metadata['metadataBase'] => new URL(`${publicBaseUrl()}/`);

/** A description of at most `max` characters from the first non-empty text, on one line. */
export function shortDescription(texts: string[], max = 90): string {
  const text = (texts.find((candidate) => candidate.trim()) ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
