// The acceptance state machine (pure): which request and cultivation states allow each step, with the words users see.
//
//   Cultivation  CULTIVATING ──申请验收──▶ ACCEPTANCE ──通过──▶ RECOGNISED
//                     ▲                        │
//                     └──────────不通过─────────┘   (may request again: a new round)
//   Request      WAITING ──组成验收组──▶ REVIEWING ──通过/不通过──▶ PASSED | FAILED
import type { AcceptanceStatus, CultivationStatus } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors';

const CULTIVATION_REFUSALS: Record<Exclude<CultivationStatus, 'CULTIVATING'>, string> = {
  ACCEPTANCE: '该品牌已有验收申请正在办理，办结后才能再次申请',
  RECOGNISED: '该品牌已通过验收认定，无需再申请',
  ENDED: '该品牌的培育创建已结束，不能申请验收',
};

export function requestRefusal(status: CultivationStatus): string | null {
  return status === 'CULTIVATING' ? null : CULTIVATION_REFUSALS[status];
}

export type TAcceptanceStep = 'group' | 'score' | 'decide';

const STEP_FROM: Record<TAcceptanceStep, AcceptanceStatus> = { group: 'WAITING', score: 'REVIEWING', decide: 'REVIEWING' };

const STATUS_WORDS: Record<AcceptanceStatus, string> = {
  WAITING: '尚未组成验收组',
  REVIEWING: '验收组已组成',
  PASSED: '已验收通过',
  FAILED: '已作出不通过的结论',
};

const STEP_WORDS: Record<TAcceptanceStep, string> = { group: '组成验收组', score: '验收评分', decide: '作出验收结论' };

/** Why `step` cannot be taken on a request in `status`, or null. */
export function stepRefusal(step: TAcceptanceStep, status: AcceptanceStatus): string | null {
  if (STEP_FROM[step] === status) return null;
  return `该验收申请${STATUS_WORDS[status]}，不能${STEP_WORDS[step]}`;
}

export function assertStep(step: TAcceptanceStep, status: AcceptanceStatus): void {
  const refusal = stepRefusal(step, status);
  if (refusal) throw new AppError('CONFLICT', refusal);
}

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The campaign's 申请截止 (a date, inclusive in Asia/Shanghai): the refusal once it has passed, or null. */
export function deadlineRefusal(deadline: Date | null, now: Date): string | null {
  if (!deadline) return null;
  const last = deadline.toISOString().slice(0, 10);
  return shanghaiDay(now) > last ? `验收申请已于 ${last.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`)} 截止，不能再申请验收` : null;
}

/** DJRD-2026-000001 (lib/honors/verify RECOGNITION_NO_PATTERN): prefix, year of the 认定, a serial from recognition_no_seq. */
export function recognitionNo(year: number, serial: number | bigint): string {
  return `DJRD-${year}-${String(serial).padStart(6, '0')}`;
}
