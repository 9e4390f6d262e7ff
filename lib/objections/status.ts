// Objection states shared by the service, the pages and the SQL that puts entries on hold.
import type { ObjectionOutcome, ObjectionStatus, ObjectionStep } from '@/lib/generated/prisma/enums';

/** Still being handled: the entry is on hold and the campaign cannot be finalised. */
export const OPEN_OBJECTION_STATUSES: readonly ObjectionStatus[] = ['RECEIVED', 'ACCEPTED', 'INVESTIGATING'];

export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = {
  RECEIVED: '待受理',
  ACCEPTED: '已受理',
  INVESTIGATING: '调查中',
  ANSWERED: '已答复',
  DECLINED: '不予受理',
};

export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, string> = {
  UPHELD: '异议成立，暂缓表彰',
  DISMISSED: '异议不成立',
};

export const OBJECTION_STEP_LABELS: Record<ObjectionStep, string> = {
  FILED: '提交异议',
  ACCEPTED: '受理',
  INVESTIGATING: '调查核实',
  NOTE: '工作记录',
  ANSWERED: '答复',
  DECLINED: '不予受理',
};

export const isObjectionOpen = (status: ObjectionStatus) => OPEN_OBJECTION_STATUSES.includes(status);
