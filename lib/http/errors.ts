// How an error thrown behind the boundary is answered: expected errors (AppError, invalid input) become a refusal
// with a Chinese message; anything else is a fault of ours, logged and answered generically.
import { ZodError } from 'zod';
import { AppError, type TAppErrorCode } from '@/lib/errors';

export type TRefusal = { status: number; code: TAppErrorCode; message: string; fieldErrors?: Record<string, string> };

export const INVALID_FORM_MESSAGE = '填写内容有误，请检查标出的字段';
export const INVALID_REQUEST_MESSAGE = '请求内容不正确，请检查后重试';

const STATUS: Record<TAppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  STAGE_LOCKED: 409,
  QUOTA_EXCEEDED: 409,
  VOTE_LIMIT: 429,
};

export const statusOf = (code: TAppErrorCode): number => STATUS[code];

/** Turns zod issues into { "field.path": "message" } for react-hook-form. */
export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    result[key] ??= issue.message;
  }
  return result;
}

/** The SQLSTATE of a PostgreSQL error, however Prisma and its pg adapter wrapped it. */
function sqlStateOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const node = current as { originalCode?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (typeof node.originalCode === 'string') return node.originalCode;
    current = node.meta?.driverAdapterError ?? node.cause;
  }
  return undefined;
}

/**
 * Errors PostgreSQL raises for a value it cannot take (class 22 "data exception": a NUL byte, text for a number, a
 * value too long; 54000: a value too large to index). They come from what the caller sent, not from a fault of ours.
 */
export function isInputFault(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && (state.startsWith('22') || state === '54000');
}

/** The refusal for an expected error, or null for a fault (which the caller logs and answers generically). */
export function refusalOf(error: unknown): TRefusal | null {
  if (error instanceof AppError) return { status: STATUS[error.code], code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ZodError) return { status: 400, code: 'INVALID_INPUT', message: INVALID_FORM_MESSAGE, fieldErrors: fieldErrorsOf(error) };
  if (isInputFault(error)) return { status: 400, code: 'INVALID_INPUT', message: INVALID_REQUEST_MESSAGE };
  return null;
}

/** Next's redirect() and notFound() are thrown as control flow and must pass through the boundary. */
export const isNextControlFlow = (error: unknown): boolean =>
  error instanceof Error && 'digest' in error && String((error as { digest: unknown }).digest).startsWith('NEXT_');
