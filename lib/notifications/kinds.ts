// What a notification is about, with the label the inbox shows. Upper-case keys: the audit-label test reads every
// kebab-case literal in a file that writes audit rows as an audit action, and services notify next to their audit.

export const NOTIFICATION_KINDS = {
  ENTRY_RETURNED: '退回重新申报',
  ENTRY_RECOMMENDED: '推荐结果',
  ENTRY_NOT_RECOMMENDED: '推荐结果',
  QUALIFICATION_PASSED: '资格审查结果',
  REVIEW_ASSIGNED: '评审任务',
  REVIEW_DUE: '评审截止提醒',
  OBJECTION_CLOSED: '异议办理结果',
  STAGE_OPENED: '阶段开始',
  STAGE_CLOSED: '阶段结束',
  DECLARATION_REMINDER: '催报',
  PLAN_SUBMITTED: '创建方案待审核',
  PLAN_APPROVED: '创建方案审核结果',
  PLAN_RETURNED: '创建方案退回',
  LEDGER_DUE: '台帐上报提醒',
  LEDGER_OVERDUE: '台帐逾期提醒',
  ACCEPTANCE_REQUESTED: '验收申请',
  ACCEPTANCE_ASSIGNED: '验收任务',
  ACCEPTANCE_PASSED: '验收结果',
  ACCEPTANCE_FAILED: '验收结果',
  PAIRING_CREATED: '结对共建',
  PAIRING_REVIEWED: '结对评议',
  BELT_SUBMITTED: '示范带立项待审批',
  BELT_APPROVED: '示范带立项结果',
  BELT_RETURNED: '示范带立项退回',
  IMPROVEMENT_OVERDUE: '问题/提升清单逾期提醒',
  PROMOTION_DUE: '宣传推广活动提醒',
  PROMOTION_OVERDUE: '宣传推广活动逾期',
} as const satisfies Record<string, string>;

export type TNotificationKind = keyof typeof NOTIFICATION_KINDS;

export function notificationKindLabel(kind: string): string {
  return Object.hasOwn(NOTIFICATION_KINDS, kind) ? NOTIFICATION_KINDS[kind as TNotificationKind] : '通知';
}
