import { describe, expect, it } from 'vitest';
import { ZDocumentSettingsInput } from '@/lib/documents/schema';
import { formatDocumentNumber, issuerOf, numberPattern } from '@/lib/documents/numbering-format';
import { fingerprintOf } from '@/lib/documents/numbering';
import { DOCUMENT_KINDS, DOCUMENT_KIND_KEYS } from '@/lib/documents/registry';

const campaign = { year: 2026, documentNumberPattern: '', documentIssuer: '', ownerOrg: { name: '中共示范市委组织部', shortName: '示范市委组织部' } };

describe('文号', () => {
  it('follows the pattern, or the owner short name and year by default', () => {
    expect(formatDocumentNumber(numberPattern(campaign), 7)).toBe('示范市委组织部〔2026〕7号');
    expect(formatDocumentNumber(numberPattern({ ...campaign, ownerOrg: { name: '某党委', shortName: null } }), 1)).toBe('某党委〔2026〕1号');
    expect(formatDocumentNumber(numberPattern({ ...campaign, documentNumberPattern: '党建字〔2026〕第{序号}号' }), 12)).toBe('党建字〔2026〕第12号');
    expect(issuerOf(campaign)).toBe('中共示范市委组织部');
    expect(issuerOf({ ...campaign, documentIssuer: '示范市党建品牌选树领导小组办公室' })).toBe('示范市党建品牌选树领导小组办公室');
  });

  it('fingerprints content and issuer, not number or date', () => {
    const content = { title: '申报汇总表', sections: [{ type: 'paragraph' as const, text: '共 3 个品牌' }] };
    expect(fingerprintOf(content, 'A')).toBe(fingerprintOf(structuredClone(content), 'A'));
    expect(fingerprintOf(content, 'A')).not.toBe(fingerprintOf(content, 'B'));
    expect(fingerprintOf(content, 'A')).not.toBe(fingerprintOf({ ...content, title: '申报汇总表（更正）' }, 'A'));
    expect(fingerprintOf(content, 'A')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('validates the settings with Chinese messages', () => {
    const parse = (documentNumberPattern: string, documentIssuer = '') => ZDocumentSettingsInput.safeParse({ campaignId: 'c1', documentNumberPattern, documentIssuer });
    expect(parse('示范市委组织部〔2026〕').success).toBe(true);
    expect(parse('').success).toBe(true);
    expect(parse('示范市委组织部〔2026〕3号').error?.issues[0].message).toContain('文号格式只写到序号之前');
    expect(parse('{序号}-{序号}').error?.issues[0].message).toContain('只能出现一次');
    expect(parse('甲\n乙').error?.issues[0].message).toBe('文号格式不能换行');
    expect(parse('', '单'.repeat(61)).error?.issues[0].message).toBe('发文单位不能超过 60 个字');
  });

  it('has a label, a description and a format for every registered kind', () => {
    for (const key of DOCUMENT_KIND_KEYS) {
      const kind = DOCUMENT_KINDS[key];
      expect(key).toMatch(/^[a-z-]+$/);
      expect(kind.label).toMatch(/[\u4e00-\u9fff]/);
      expect(kind.description.length).toBeGreaterThan(4);
      expect(kind.formats.length).toBeGreaterThan(0);
    }
  });
});
