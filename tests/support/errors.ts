import { ZodError } from 'zod';
import { AppError } from '@/lib/errors';

/** The refusal of a service call: an AppError as is, a zod error as INVALID_INPUT with its first message. Fails if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof ZodError) return new AppError('INVALID_INPUT', error.issues[0].message);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}
