import { SHARE_IMAGE_SIZE, shareImage } from '@/lib/gallery/share-image';

export const alt = '品牌风采 · 党建品牌选树平台';
export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';

/** The gallery's share image: fixed text, drawn once at build time. */
export default function Image() {
  return shareImage({ kicker: '党建品牌选树', title: '品牌风采', lines: ['历年获表彰的基层党建品牌', '品牌内涵 · 创建载体 · 工作成效'] });
}
