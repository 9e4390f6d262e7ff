import { AppError, type TActionResult } from '@/lib/errors';
import { cleanInput } from '@/lib/http/clean';
import { isNextControlFlow, refusalOf } from '@/lib/http/errors';
import { isRefusalRecorded } from '@/lib/auth/refusals';
import { log } from '@/lib/log';

/** The answer to an error the boundary did not expect (a fault of ours, logged); the fuzz test looks for it. */
export const UNEXPECTED_FAILURE_MESSAGE = '操作未完成，请稍后重试；如多次失败请联系管理员';

/**
 * The boundary of every server action. The body sees only the cleaned input (NUL and bidi controls stripped from
 * every string, recursively, FormData and file names included), so a server action's arguments reach a service the
 * way a route handler's do. Domain errors and invalid input become a typed refusal the form can show; anything else
 * is logged and reported as a generic failure: an action never answers with a server error for what it was sent.
 *
 *   export async function saveThingAction(input: TThingInput) {
 *     return runAction(input, async (input) => { … });
 *   }
 */
export async function runAction<I, T>(input: I, body: (input: I) => Promise<T>): Promise<TActionResult<T>> {
  try {
    return { ok: true, data: await body(cleanInput(input)) };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    const refusal = refusalOf(error);
    if (error instanceof AppError && error.code === 'FORBIDDEN') await recordServiceRefusal(error);
    if (refusal) return { ok: false, code: refusal.code, message: refusal.message, fieldErrors: refusal.fieldErrors };
    log.error('操作处理出错', { error });
    return { ok: false, code: 'CONFLICT', message: UNEXPECTED_FAILURE_MESSAGE };
  }
}

/**
 * A refusal raised past the guard (a service found the target outside the user's scope, e.g. another subtree's
 * account) is written to the audit log like the guard's own, once per user and action per minute.
 */
async function recordServiceRefusal(error: AppError) {
  if (isRefusalRecorded(error)) return;
  // Loaded on demand: the guard reads the request's cookies.
  const { getCurrentUser, recordRefusedAttempt } = await import('@/lib/auth/guard');
  const user = await getCurrentUser().catch(() => null);
  if (user) await recordRefusedAttempt(user, 'service', error.message).catch((failure: unknown) => log.error('越权操作未能写入审计日志', { error: failure }));
}

/** A FormData argument as it was declared; anything else posted in its place is refused as invalid input. */
export function requireFormData(input: unknown): FormData {
  if (input instanceof FormData) return input;
  throw new AppError('INVALID_INPUT', '请求格式不正确，请刷新页面后重试');
}
