import type { Prisma } from '@/lib/generated/prisma/client';

export const AppErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  INVALID_INPUT: 'INVALID_INPUT',
  CONFLICT: 'CONFLICT',
  STAGE_LOCKED: 'STAGE_LOCKED',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  VOTE_LIMIT: 'VOTE_LIMIT',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
} as const;

export type TAppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

/** A failure the user can understand: `message` is Chinese and shown as is. */
export class AppError extends Error {
  constructor(
    public readonly code: TAppErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isUniqueViolation(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  // By name, not instanceof: this module is shared with client components (the state machine's refusals), which must
  // not pull the Prisma runtime into the browser bundle.
  return error instanceof Error && error.name === 'PrismaClientKnownRequestError' && (error as { code?: unknown }).code === 'P2002';
}

export type TActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: TAppErrorCode; message: string; fieldErrors?: Record<string, string> };
