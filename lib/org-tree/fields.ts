import type { OrgField } from '@/lib/generated/prisma/enums';

export const ORG_FIELD_LABELS: Record<OrgField, string> = {
  RURAL: '农村',
  COMMUNITY: '街道社区',
  GOVERNMENT: '机关',
  EDUCATION: '事业单位·教育',
  HEALTH: '事业单位·卫生',
  SOE: '国有企业',
  NON_PUBLIC: '两新组织',
};

export const ORG_FIELDS = Object.keys(ORG_FIELD_LABELS) as OrgField[];

export function orgFieldFromLabel(label: string): OrgField | undefined {
  const trimmed = label.trim();
  return ORG_FIELDS.find((field) => ORG_FIELD_LABELS[field] === trimmed || field === trimmed);
}
