import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumeral, issuerMark } from '@/lib/honors/document';

describe('公文 wording', () => {
  it('writes the 成文日期 in Chinese numerals, the day in Asia/Shanghai', () => {
    expect(chineseDate(new Date('2026-11-22T00:00:00Z'))).toBe('二〇二六年十一月二十二日');
    expect(chineseDate(new Date('2027-01-10T00:00:00Z'))).toBe('二〇二七年一月十日');
    expect(chineseDate(new Date('2030-10-31T00:00:00Z'))).toBe('二〇三〇年十月三十一日');
    // 20:00 UTC on the 21st is already the 22nd in Beijing.
    expect(chineseDate(new Date('2026-11-21T20:00:00Z'))).toBe('二〇二六年十一月二十二日');
  });

  it('numbers headings and names the issuer mark', () => {
    expect([1, 9, 10, 12, 20, 21].map(chineseNumeral)).toEqual(['一', '九', '十', '十二', '二十', '二十一']);
    expect(issuerMark('中共示范市委员会')).toBe('中共示范市委员会文件');
  });
});
