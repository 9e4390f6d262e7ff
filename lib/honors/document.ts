// Wording shared by the 表彰决定 PDF and its print page.
import { formatDate } from '@/lib/format';

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (award headings are numbered like 公文 sections; awards stay under 100). */
export function chineseNumeral(value: number): string {
  if (value < 10) return CHINESE_DIGITS[value];
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${units ? CHINESE_DIGITS[units] : ''}`;
}

/** One winner as listed under its award. */
export const winnerLine = (honor: { organizationName: string; brandName: string }) => `${honor.organizationName}：${honor.brandName}`;

/** Award heading: 一、优秀党建品牌（3 个） */
export const awardHeading = (index: number, group: { awardName: string; honors: readonly unknown[] }) => `${chineseNumeral(index + 1)}、${group.awardName}（${group.honors.length} 个）`;

/** The preamble's paragraphs (blank lines and surrounding spaces dropped). */
export const paragraphsOf = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);

/** 2026 → 二〇二六: years in a 成文日期 are read digit by digit. */
const yearInChinese = (year: number) => [...String(year)].map((digit) => (digit === '0' ? '〇' : CHINESE_DIGITS[Number(digit)])).join('');

/**
 * 成文日期 the way party organs write it: 二〇二六年十一月二十二日, the day in Asia/Shanghai. (GB/T 9704-2012 itself
 * prints Arabic numerals; the documents of 党委 keep the Chinese ones.)
 */
export function chineseDate(date: Date): string {
  const [year, month, day] = formatDate(date).match(/\d+/g)!.map(Number);
  return `${yearInChinese(year)}年${chineseNumeral(month)}月${chineseNumeral(day)}日`;
}

/** 发文机关标志: the issuer's name followed by 文件, printed in red at the head of the first page. */
export const issuerMark = (issuerName: string) => `${issuerName}文件`;

/** 主送机关 of a 表彰决定 sent down to every organization of the organizer's tree. */
export const ANNOUNCEMENT_ADDRESSEE = '各级党组织：';
