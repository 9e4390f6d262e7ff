import { describe, expect, it } from 'vitest';
import { cookieValue, signVoterToken, verifyVoterToken, voterCookieName } from '@/lib/voting/voter-token';

const secret = 'unit-test-secret-0123456789abcdef';
const inAnHour = new Date(Date.now() + 3600_000);

describe('public voter token', () => {
  it('names its voter for its own campaign until it expires', () => {
    const token = signVoterToken('campaign1', 'voter1', inAnHour, secret);
    expect(verifyVoterToken('campaign1', token, Date.now(), secret)).toBe('voter1');
    expect(verifyVoterToken('campaign2', token, Date.now(), secret)).toBeNull();
    expect(verifyVoterToken('campaign1', token, inAnHour.getTime() + 1000, secret)).toBeNull();
    expect(verifyVoterToken('campaign1', token, Date.now(), 'another-secret-0123456789abcdef')).toBeNull();
  });

  it('refuses a token whose voter, expiry or signature was changed', () => {
    const [voter, expires, signature] = signVoterToken('campaign1', 'voter1', inAnHour, secret).split('.');
    expect(verifyVoterToken('campaign1', `voter2.${expires}.${signature}`, Date.now(), secret)).toBeNull();
    expect(verifyVoterToken('campaign1', `${voter}.${Number(expires) + 3600}.${signature}`, Date.now(), secret)).toBeNull();
    expect(verifyVoterToken('campaign1', `${voter}.${expires}.${signature.slice(0, -1)}A`, Date.now(), secret)).toBeNull();
    expect(verifyVoterToken('campaign1', undefined, Date.now(), secret)).toBeNull();
    expect(verifyVoterToken('campaign1', 'garbage', Date.now(), secret)).toBeNull();
  });

  it('reads one cookie from a Cookie header', () => {
    const name = voterCookieName('c1');
    expect(name).toBe('dj_voter_c1');
    expect(cookieValue(`a=1; ${name}=tok.en.x; dj_device=abc`, name)).toBe('tok.en.x');
    expect(cookieValue('a=1', name)).toBeUndefined();
    expect(cookieValue(null, name)).toBeUndefined();
  });
});
