import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the admin reads the password out or types it from a screen.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALPHABET = LETTERS + DIGITS;

function pick(chars: string): string {
  return chars[randomInt(chars.length)];
}

/** A readable one-time password such as "Kx7m-P3q9-Ha4w" (about 70 bits), always with letters and digits. */
export function generateTemporaryPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => pick(ALPHABET)).join(''));
    const password = groups.join('-');
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
  }
}
