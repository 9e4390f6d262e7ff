// Wording shared by the 表彰决定 PDF and its print page.

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
