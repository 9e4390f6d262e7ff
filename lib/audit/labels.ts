/**
 * Chinese names of every audited action and object type. recordAudit only accepts these keys (TAuditAction,
 * TAuditEntityType), so a new action without a label fails the typecheck; tests/unit/audit-labels.test.ts also scans
 * the call sites.
 */
export const AUDIT_ACTION_LABELS = {
  'change-password': '修改密码',
  'create-organization': '新建组织',
  'update-organization': '修改组织',
  'move-organization': '移动组织',
  'disable-organization': '停用组织',
  'enable-organization': '启用组织',
  'create-campaign': '新建评选活动',
  'update-campaign': '修改评选设置',
  'publish-campaign': '发布评选活动',
  'finish-campaign': '结束评选活动',
  'cancel-campaign': '撤销评选活动',
  'open-stage-early': '提前开始阶段',
  'close-stage-early': '提前结束阶段',
  'create-user': '新建用户',
  'update-user': '修改用户',
  'disable-user': '停用用户',
  'enable-user': '启用用户',
  'reset-password': '重置密码',
  'unlock-user': '解除锁定',
  'assign-role': '分配角色',
  'remove-role': '移除角色',
  'import-organizations': '导入组织',
  'import-users': '导入用户',
  'create-application': '开始填写申报表',
  'submit-application': '提交申报表',
  'return-application': '退回重新申报',
  'remind-declaration': '催报（提醒支部提交申报表）',
  'set-application-files': '修改申报附件',
  'upload-file': '上传文件',
  'recommend-entry': '推荐',
  'not-recommend-entry': '不推荐',
  'undo-recommendation': '撤回推荐决定',
  'save-recommendation-opinion': '填写推荐意见',
  'rank-entries': '调整推荐排序',
  'update-qualification-checklist': '修改资格审查项',
  'qualify-application': '资格审查通过',
  'fail-qualification': '资格审查不通过（退回重新申报）',
  'revoke-qualification': '撤销资格审查结果',
  'publish-brand-list': '发布品牌清单',
  'save-expert-profile': '修改专家信息',
  'save-expert-panel': '保存专家组',
  'delete-expert-panel': '删除专家组',
  'assign-experts': '自动分配评审专家',
  'add-review-assignment': '增加评审专家',
  'remove-review-assignment': '移除评审专家',
  'start-dispute-round': '发起复议',
  'save-review-scores': '保存评分',
  'submit-review-sheet': '提交评分表',
  'reopen-review-sheet': '重新开放评分表',
  'declare-review-conflict': '专家声明回避',
  'record-onsite-check': '记录实地核验',
  'create-decision': '新建初评/审定',
  'save-decision-draft': '保存初评/审定草稿',
  'sign-decision': '签署初评/审定',
  'invalidate-votes': '作废投票',
  'invalidate-votes-by-rule': '按异常规则作废投票',
  'restore-votes': '恢复计票',
  'publish-publicity': '发布公示',
  'file-objection': '提出异议',
  'accept-objection': '受理异议',
  'investigate-objection': '调查异议',
  'note-objection': '异议工作记录',
  'answer-objection': '答复异议',
  'decline-objection': '不予受理异议',
  'finalise-campaign': '发布表彰决定',
  'revoke-honor': '摘牌',
  'refuse-access': '越权操作被拒绝',
  'read-notifications': '通知标为已读',
  'notify-stage-change': '阶段开始/结束通知',
} as const satisfies Record<string, string>;

export type TAuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ENTITY_LABELS = {
  Organization: '组织',
  User: '用户',
  Campaign: '评选活动',
  Import: '批量导入',
  RoleAssignment: '角色',
  Application: '申报表',
  StoredFile: '上传的文件',
  BrandList: '品牌清单',
  ExpertPanel: '专家组',
  ReviewAssignment: '评分表',
  Decision: '初评/审定',
  Publicity: '公示',
  Objection: '异议',
  Announcement: '表彰决定',
  Honor: '荣誉证书',
} as const satisfies Record<string, string>;

export type TAuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;

const hasKey = <T extends object>(map: T, key: string): key is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(map, key);

/** Rows written before an action was named (or by a test) read as 其他操作; the raw record still holds the key. */
export function auditActionLabel(action: string): string {
  return hasKey(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action] : '其他操作';
}

export function auditEntityLabel(entityType: string): string {
  return hasKey(AUDIT_ENTITY_LABELS, entityType) ? AUDIT_ENTITY_LABELS[entityType] : '其他对象';
}
