/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** How long a typed phone may be before it is normalised ("0571 - 8888 6666 转 123" fits). */
export const PHONE_INPUT_MAX_LENGTH = 24;

const FULL_WIDTH_DIGIT = /[０-９]/g;
const SEPARATORS = /[\s\-－—()（）]/g;

/**
 * A phone number as people type it — "139 0000 0011", "139-0000-0011", "0571-8888666", "(0571)88886666",
 * "０５７１８８８８６６６６", "+86 139 0000 0011", "0571-88886666转802" — in one stored form: a mobile as 11 digits, a
 * landline as "区号-号码" (010 and 02x have 3-digit area codes, all others 4), an extension as "-分机". With `hotlines`,
 * 400/800 numbers ("400-810-5555") and the 123xx public lines (12380) count too. Null when it is not one.
 */
export function normalizePhone(raw: string, options: { hotlines?: boolean } = {}): string | null {
  const text = raw.replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).trim();
  const [main, extension, ...rest] = text.split(/转|ext\.?|#/i);
  if (rest.length) return null;
  if (extension !== undefined) {
    const ext = extension.replace(SEPARATORS, '');
    const landline = /^\d{1,6}$/.test(ext) ? landlineOf(digitsOf(main)) : null;
    return landline && `${landline}-${ext}`;
  }
  const digits = digitsOf(main);
  if (digits === null) return null;
  if (MOBILE_PATTERN.test(digits)) return digits;
  if (options.hotlines && /^[48]00\d{7}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  if (options.hotlines && /^123\d{2}$/.test(digits)) return digits;
  const landline = landlineOf(digits);
  if (landline) return landline;
  // "0571-88886666-802": a dash before the last group may start an extension.
  const dashed = /^(.*\d)\s*[-－—]\s*(\d{1,6})$/.exec(main);
  const withExtension = dashed && landlineOf(digitsOf(dashed[1]));
  return withExtension ? `${withExtension}-${dashed[2]}` : null;
}

/** The digits of a typed number without separators and without +86 / 0086; null when anything else is in it. */
function digitsOf(text: string): string | null {
  const digits = text.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  const national = digits.replace(/^(\+86|0086)/, '');
  return national.startsWith('+') ? null : national;
}

function landlineOf(digits: string | null): string | null {
  if (!digits || !/^0[1-9]\d{8,10}$/.test(digits)) return null;
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const local = digits.slice(areaLength);
  return /^[2-9]\d{6,7}$/.test(local) ? `${digits.slice(0, areaLength)}-${local}` : null;
}

export const PHONE_HINT = '手机或座机，如 139 0000 0011、0571-88886666';
