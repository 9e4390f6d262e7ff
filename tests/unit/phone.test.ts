import { describe, expect, it } from 'vitest';
import { normalizePhone } from '@/lib/phone';

describe('normalizePhone', () => {
  it('stores a mobile as 11 digits however it was typed', () => {
    for (const typed of ['13900000011', '139 0000 0011', '139-0000-0011', ' 139 0000 0011 ', '+86 139 0000 0011', '１３９００００００１１', '(139)00000011']) {
      expect(normalizePhone(typed), typed).toBe('13900000011');
    }
  });

  it('stores a landline as 区号-号码 with 3-digit area codes for 010 and 02x', () => {
    expect(normalizePhone('0571-8888666')).toBe('0571-8888666');
    expect(normalizePhone('0571 88886666')).toBe('0571-88886666');
    expect(normalizePhone('(0571)88886666')).toBe('0571-88886666');
    expect(normalizePhone('01088886666')).toBe('010-88886666');
    expect(normalizePhone('021-6888 6666')).toBe('021-68886666');
    expect(normalizePhone('0571-88886666转123')).toBe('0571-88886666-123');
  });

  it('refuses what is no phone number', () => {
    for (const typed of ['', '12345', '1390000001', '139000000111', '23900000011', 'abc', '0571-0888666', '571-88886666', '13900000011转1', '0571-88886666转', '0571-88886666转12a']) {
      expect(normalizePhone(typed), typed).toBeNull();
    }
  });
});

describe('normalizePhone with hotlines (公示 contact)', () => {
  it('adds 400/800 numbers and the 123xx public lines, a dash-extension too', () => {
    expect(normalizePhone('400 810 5555', { hotlines: true })).toBe('400-810-5555');
    expect(normalizePhone('12380', { hotlines: true })).toBe('12380');
    expect(normalizePhone('0571-88886666-802', { hotlines: true })).toBe('0571-88886666-802');
    expect(normalizePhone('12380')).toBeNull();
    expect(normalizePhone('4008105555')).toBeNull();
  });
});
