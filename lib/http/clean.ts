// Input hygiene at the request boundary: NUL cannot be stored in a PostgreSQL text column (error 22021, once a 500),
// and the bidi controls (U+202A–202E, U+2066–2069) make a name or an id display as something else. Phones paste them
// around copied numbers, so they are stripped, not refused.
import { AppError } from '@/lib/errors';

const UNSAFE_CHARACTERS = /[\u0000\u202A-\u202E\u2066-\u2069]/g;
/** Deeper than any form we have; a payload nested further is refused before it costs a deep recursion. */
export const MAX_INPUT_DEPTH = 32;

export const cleanText = (value: string): string => value.replace(UNSAFE_CHARACTERS, '');

export const hasUnsafeCharacters = (value: string): boolean => value.search(UNSAFE_CHARACTERS) >= 0;

function tooDeep(): never {
  throw new AppError('INVALID_INPUT', '提交的内容层级过深，请检查后重试');
}

function cleanFile(file: File): File {
  const name = cleanText(file.name);
  return name === file.name ? file : new File([file], name, { type: file.type, lastModified: file.lastModified });
}

function cleanFormData(form: FormData): FormData {
  const cleaned = new FormData();
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') cleaned.append(cleanText(key), cleanText(value));
    else {
      const file = cleanFile(value);
      cleaned.append(cleanText(key), file, file.name);
    }
  }
  return cleaned;
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * The same value with every string cleaned, recursively through arrays, plain objects (keys too), FormData and file
 * names. Other objects (dates, typed arrays) pass as they are. Throws INVALID_INPUT beyond MAX_INPUT_DEPTH.
 */
export function cleanInput<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_INPUT_DEPTH) tooDeep();
  if (Array.isArray(value)) return value.map((item) => cleanInput(item, depth + 1)) as T;
  if (value instanceof FormData) return cleanFormData(value) as T;
  if (value instanceof File) return cleanFile(value) as T;
  if (!isPlainObject(value)) return value;
  // fromEntries defines own properties, so a `__proto__` key stays a plain key.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanText(key), cleanInput(item, depth + 1)])) as T;
}

/** Search parameters with every name and value cleaned. */
export function cleanSearchParams(params: URLSearchParams): URLSearchParams {
  const cleaned = new URLSearchParams();
  for (const [key, value] of params) cleaned.append(cleanText(key), cleanText(value));
  return cleaned;
}
