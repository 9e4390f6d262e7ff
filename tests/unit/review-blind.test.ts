import { describe, expect, it } from 'vitest';
import { identityTerms, redactIdentity } from '@/lib/review/blind';

describe('blind review redaction', () => {
  const terms = identityTerms({ organizationName: '中共示范市红星社区党支部', organizationShortName: '红星社区', secretaryName: '王芳', contactName: '李', contactPhone: '13900001111' });

  it('names the unit in full, without 中共, by its short name, and its people; skips one-character names', () => {
    expect(terms).toEqual(['中共示范市红星社区党支部', '13900001111', '示范市红星社区党支部', '红星社区', '王芳']);
  });

  it('replaces every occurrence, the full name before the short name inside it', () => {
    expect(redactIdentity('中共示范市红星社区党支部书记王芳带领红星社区党员，电话13900001111', terms)).toBe('××书记××带领××党员，电话××');
    expect(redactIdentity('与申报单位无关的文字', terms)).toBe('与申报单位无关的文字');
  });
});
