import { describe, expect, it } from 'vitest';
import { chineseNumeral, fromChineseNumeral, normaliseCaptchaAnswer } from '@/lib/auth/captcha';

describe('the text captcha', () => {
  it('writes numbers the way they are read aloud and reads them back', () => {
    expect([0, 7, 10, 12, 20, 35, 99].map(chineseNumeral)).toEqual(['零', '七', '十', '十二', '二十', '三十五', '九十九']);
    for (let value = 0; value < 100; value += 1) expect(fromChineseNumeral(chineseNumeral(value))).toBe(String(value));
    expect(fromChineseNumeral('两')).toBe('2');
    expect(['十十', '一二', '百', 'ab'].map(fromChineseNumeral)).toEqual(['十十', '一二', '百', 'ab']);
  });

  it('accepts an answer typed in full-width digits, with spaces, or dictated as Chinese numerals', () => {
    expect(['１２', ' 1 2 ', '十二'].map(normaliseCaptchaAnswer)).toEqual(['12', '12', '12']);
    expect(normaliseCaptchaAnswer('AbCd')).toBe('abcd');
  });
});
