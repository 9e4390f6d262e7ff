/** Chinese names of audited actions; unknown ones are shown as their verb-noun code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'change-password': '修改密码',
  'create-organization': '新建组织',
  'update-organization': '修改组织',
  'move-organization': '移动组织',
  'disable-organization': '停用组织',
  'enable-organization': '启用组织',
  'seed-demo-campaign': '写入演示评选',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Organization: '组织',
  User: '用户',
  Campaign: '评选活动',
  CampaignStage: '评选阶段',
  Import: '批量导入',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export function auditEntityLabel(entityType: string): string {
  return AUDIT_ENTITY_LABELS[entityType] ?? entityType;
}
