import { ZodError } from 'zod';
import { AppError, type TActionResult } from '@/lib/errors';
import { isRefusalRecorded } from '@/lib/auth/refusals';

/** Turns zod issues into { "field.path": "message" } for react-hook-form. */
export function fieldErrorsOf(error: ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    result[key] ??= issue.message;
  }
  return result;
}

/**
 * Runs the body of a server action: domain errors and invalid input become a typed refusal the form
 * can show; anything else is logged and reported as a generic failure (never a raw 500 for user input).
 */
export async function runAction<T>(body: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === 'FORBIDDEN') await recordServiceRefusal(error);
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    }
    if (error instanceof ZodError) {
      return { ok: false, code: 'INVALID_INPUT', message: '填写内容有误，请检查标出的字段', fieldErrors: fieldErrorsOf(error) };
    }
    // Next's redirect()/notFound() are thrown as control flow and must pass through.
    if (error instanceof Error && 'digest' in error && String(error.digest).startsWith('NEXT_')) throw error;
    console.error(error);
    return { ok: false, code: 'CONFLICT', message: '操作未完成，请稍后重试；如多次失败请联系管理员' };
  }
}

/**
 * A refusal raised past the guard (a service found the target outside the user's scope, e.g. another subtree's
 * account) is written to the audit log like the guard's own, once per user and action per minute.
 */
async function recordServiceRefusal(error: AppError) {
  if (isRefusalRecorded(error)) return;
  // Loaded on demand: services import fieldErrorsOf from here and must not pull in the request-bound guard.
  const { getCurrentUser, recordRefusedAttempt } = await import('@/lib/auth/guard');
  const user = await getCurrentUser().catch(() => null);
  if (user) await recordRefusedAttempt(user, 'service', error.message);
}
