import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

// argon2id (the library's default algorithm) with OWASP's minimum memory/time cost.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Rules for a password the user chooses: at least 8 characters, not the login name. */
export function ZNewPassword(loginName: string) {
  return z
    .string()
    .min(8, '密码至少 8 位')
    .max(128, '密码不能超过 128 位')
    .refine((value) => value.toLowerCase() !== loginName.toLowerCase(), '密码不能与登录名相同')
    .refine((value) => /[A-Za-z]/.test(value) && /\d/.test(value), '密码需同时包含字母和数字');
}
