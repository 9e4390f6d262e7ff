// Share metadata of the 品牌风采 pages (metadataBase, from NEXTAUTH_URL, is set once in app/layout.tsx).
import type { Metadata } from 'next';

const GALLERY_DESCRIPTION = '历年获表彰的基层党建品牌：按年度、领域、地区和荣誉浏览，查看品牌内涵、创建载体与工作成效。';

/** The list's metadata, filtered or not. */
export const GALLERY_LIST_METADATA: Metadata = {
  title: '品牌风采',
  description: GALLERY_DESCRIPTION,
  openGraph: { title: '品牌风采 · 党建品牌选树平台', description: GALLERY_DESCRIPTION, locale: 'zh_CN', type: 'website' },
};

/** A description of at most `max` characters from the first non-empty text, on one line. */
export function shortDescription(texts: string[], max = 90): string {
  const text = (texts.find((candidate) => candidate.trim()) ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
