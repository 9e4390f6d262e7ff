import type { TTx } from '@/lib/db';
import { FAILURE_WINDOW_MS, IP_FAILURES_PER_MINUTE, normaliseIdentifier, type TThrottleCounter } from '@/lib/auth/throttle';

/**
 * Reasons of a login_attempts row where a password was checked and was wrong. Only these count towards the per-IP
 * limit: a refusal (IP_LIMIT, LOCKED, TOO_EARLY, a missing captcha) checks no password, and counting it would let one
 * client behind a shared NAT keep the whole network locked out for as long as it keeps trying.
 */
export const PASSWORD_FAILURES = ['BAD_PASSWORD', 'UNKNOWN_USER', 'BAD_CURRENT_PASSWORD'] as const;

type TAttempt = { identifier: string; ip: string; succeeded: boolean; reason: string | null; userId: string | null };

export async function recordAttempt(tx: TTx, attempt: TAttempt): Promise<void> {
  await tx.loginAttempt.create({ data: { ...attempt, identifier: attempt.identifier.slice(0, 100) } });
}

/** Whether the IP had too many wrong passwords (sign-in and password change together) in the last minute. */
export async function isIpLimited(tx: TTx, ip: string, now: Date): Promise<boolean> {
  const failures = await tx.loginAttempt.count({
    where: { ip, succeeded: false, reason: { in: [...PASSWORD_FAILURES] }, createdAt: { gt: new Date(now.getTime() - 60_000) } },
  });
  return failures >= IP_FAILURES_PER_MINUTE;
}

type TCounterRow = { failed_count: number; last_failed_at: Date | null; locked_until: Date | null };

const counterOf = (row: TCounterRow | undefined): TThrottleCounter => ({
  failedCount: row?.failed_count ?? 0,
  lastFailedAt: row?.last_failed_at ?? null,
  lockedUntil: row?.locked_until ?? null,
});

/**
 * The identifier's counter, its row locked for the rest of the transaction so parallel attempts on one identifier
 * count exactly. The row is created on first use, for unknown identifiers as for real ones.
 */
export async function lockIdentifierCounter(tx: TTx, identifier: string): Promise<TThrottleCounter> {
  await tx.$executeRaw`INSERT INTO sign_in_throttles (identifier) VALUES (${identifier}) ON CONFLICT (identifier) DO NOTHING`;
  const rows = await tx.$queryRaw<TCounterRow[]>`
    SELECT failed_count, last_failed_at, locked_until FROM sign_in_throttles WHERE identifier = ${identifier} FOR UPDATE`;
  return counterOf(rows[0]);
}

export async function saveIdentifierCounter(tx: TTx, identifier: string, counter: TThrottleCounter, now: Date): Promise<void> {
  await tx.signInThrottle.update({ where: { identifier }, data: counter });
  // Rows of identifiers nobody has tried for a while count nothing any more; a few go with every failure.
  await tx.$executeRaw`
    DELETE FROM sign_in_throttles WHERE identifier IN (
      SELECT identifier FROM sign_in_throttles
      WHERE (last_failed_at IS NULL OR last_failed_at < ${new Date(now.getTime() - FAILURE_WINDOW_MS)})
        AND (locked_until IS NULL OR locked_until < ${now}) AND identifier <> ${identifier}
      ORDER BY last_failed_at NULLS FIRST LIMIT 20 FOR UPDATE SKIP LOCKED)`;
}

/** Forgets the counters of an account's identifiers: after a right password, an admin unlock or a password reset. */
export async function clearIdentifierCounters(tx: TTx, identifiers: readonly (string | null)[]): Promise<void> {
  const keys = identifiers.flatMap((identifier) => (identifier ? [normaliseIdentifier(identifier)] : []));
  if (keys.length) await tx.signInThrottle.deleteMany({ where: { identifier: { in: keys } } });
}

/** The account's own counter (users.failed_login_count …), the user row locked for the transaction. */
export async function lockAccountCounter(tx: TTx, userId: string): Promise<TThrottleCounter | null> {
  const rows = await tx.$queryRaw<TCounterRow[]>`
    SELECT failed_login_count AS failed_count, last_failed_login_at AS last_failed_at, locked_until FROM users WHERE id = ${userId} FOR UPDATE`;
  return rows.length ? counterOf(rows[0]) : null;
}

export async function saveAccountCounter(tx: TTx, userId: string, counter: TThrottleCounter): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { failedLoginCount: counter.failedCount, lastFailedLoginAt: counter.lastFailedAt, lockedUntil: counter.lockedUntil },
  });
}
