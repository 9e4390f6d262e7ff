/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** How long a typed phone may be before it is normalised ("0571 - 8888 6666 转 123" fits). */
export const PHONE_INPUT_MAX_LENGTH = 24;

const FULL_WIDTH_DIGIT = /[０-９]/g;
const SEPARATORS = /[\s\-－—()（）]/g;

/**
 * A phone number as people type it — "139 0000 0011", "139-0000-0011", "0571-8888666", "(0571)88886666",
 * "０５７１８８８８６６６６", "+86 139 0000 0011" — in one stored form: a mobile as 11 digits, a landline as
 * "区号-号码" (010 and 02x have 3-digit area codes, all others 4), an extension as "-分机". Null when it is not one.
 */
export function normalizePhone(raw: string): string | null {
  const text = raw.replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).trim();
  const [main, extension, ...rest] = text.split(/转|ext\.?|#/i);
  if (rest.length) return null;
  let digits = main.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  digits = digits.replace(/^(\+86|0086)/, '');
  if (digits.startsWith('+')) return null;
  const ext = extension === undefined ? '' : extension.replace(SEPARATORS, '');
  if (ext && !/^\d{1,6}$/.test(ext)) return null;
  if (extension !== undefined && !ext) return null;
  if (MOBILE_PATTERN.test(digits)) return ext ? null : digits;
  if (!/^0[1-9]\d{8,10}$/.test(digits)) return null;
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  if (!/^[2-9]\d{6,7}$/.test(local)) return null;
  return [digits.slice(0, areaLength), local, ext].filter(Boolean).join('-');
}

export const PHONE_HINT = '手机或座机，如 139 0000 0011、0571-88886666';
