import { describe, expect, it } from 'vitest';
import { brandNameBigrams, diceSimilarity, normalizeBrandName } from '@/lib/application/bigrams';

describe('brand name normalisation', () => {
  it('drops spaces and punctuation and turns full-width letters half-width', () => {
    expect(normalizeBrandName(' 红心·向党！ ')).toBe('红心向党');
    expect(normalizeBrandName('“ＡＢＣ”先锋　站')).toBe('abc先锋站');
  });
});

describe('bigrams', () => {
  it('splits a Chinese name into neighbouring pairs', () => {
    expect(brandNameBigrams('红心向党')).toEqual(['红心', '心向', '向党']);
  });
  it('keeps a single character as itself and an empty name as nothing', () => {
    expect(brandNameBigrams('红')).toEqual(['红']);
    expect(brandNameBigrams(' ，')).toEqual([]);
  });
  it('counts a repeated pair once', () => {
    expect(brandNameBigrams('哈哈哈')).toEqual(['哈哈']);
  });
});

describe('Dice similarity', () => {
  it('is 1 for the same name written differently', () => {
    expect(diceSimilarity(brandNameBigrams('红心向党'), brandNameBigrams('红心 · 向党'))).toBe(1);
  });
  it('scores a name inside a longer one: 2·3 / (3+6) = 0.67', () => {
    expect(diceSimilarity(brandNameBigrams('红心向党'), brandNameBigrams('红心向党服务站'))).toBeCloseTo(2 / 3, 5);
  });
  it('scores one shared pair of many low: 红心向党 vs 红心护航 = 2·1 / (3+3)', () => {
    expect(diceSimilarity(brandNameBigrams('红心向党'), brandNameBigrams('红心护航'))).toBeCloseTo(1 / 3, 5);
  });
  it('is 0 for unrelated names and for two empty names', () => {
    expect(diceSimilarity(brandNameBigrams('红心向党'), brandNameBigrams('绿水青山'))).toBe(0);
    expect(diceSimilarity([], [])).toBe(0);
  });
});
