import type { z } from 'zod';
import { requireUser } from '@/lib/auth/guard';
import type { TSessionUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { textRefusal } from '@/lib/files/http';

/**
 * The start of every export route: the signed-in user and the parsed query parameters, or the plain-text refusal to
 * send instead (401 signed out, 403 password change pending, 400 with the first message of a bad parameter).
 */
export async function downloadRequest<T extends z.ZodType>(request: Request, schema: T): Promise<{ user: TSessionUser; query: z.infer<T> } | Response> {
  let user: TSessionUser;
  try {
    user = await requireUser();
  } catch (error) {
    if (error instanceof AppError) return textRefusal(error.code === 'UNAUTHENTICATED' ? 401 : 403, error.message);
    throw error;
  }
  const query = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return textRefusal(400, query.error.issues[0]?.message ?? '参数有误');
  return { user, query: query.data };
}
