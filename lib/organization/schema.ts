import { z } from 'zod';
import { ORG_FIELDS } from '@/lib/org-tree/fields';

// Optional texts accept null as well as '' so a parsed value parses again (the service re-checks what the action parsed).
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .nullish()
    .transform((value) => (value ? value : null));

export const ZOrganizationFields = z.object({
  name: z.string().trim().min(2, '请填写组织全称（至少 2 个字）').max(60, '组织名称不能超过 60 个字'),
  shortName: optionalText(20, '简称不能超过 20 个字'),
  code: z
    .string()
    .trim()
    .min(1, '请填写组织代码')
    .max(40, '组织代码不能超过 40 个字符')
    .regex(/^[A-Za-z0-9_-]+$/, '组织代码只能包含字母、数字、- 和 _'),
  levelLabel: z.string().trim().min(1, '请填写层级，如 党委、支部').max(20, '层级不能超过 20 个字'),
  field: z.enum(ORG_FIELDS, { message: '请选择领域' }).nullable().optional().transform((value) => value ?? null),
  memberCount: z.coerce.number({ message: '党员人数必须是数字' }).int('党员人数必须是整数').min(0, '党员人数不能为负数').max(1_000_000, '党员人数过大'),
  secretaryName: optionalText(20, '书记姓名不能超过 20 个字'),
  secretaryPhone: z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || /^1[3-9]\d{9}$/.test(value), '请填写 11 位手机号码'),
});

export const ZCreateOrganization = ZOrganizationFields.extend({
  parentId: z.string().min(1, '请选择上级组织'),
});

export const ZUpdateOrganization = ZOrganizationFields.extend({ id: z.string().min(1) });

export const ZMoveOrganization = z.object({ id: z.string().min(1), newParentId: z.string().min(1, '请选择新的上级组织') });

export type TOrganizationFields = z.input<typeof ZOrganizationFields>;
export type TCreateOrganization = z.input<typeof ZCreateOrganization>;
export type TUpdateOrganization = z.input<typeof ZUpdateOrganization>;
export type TMoveOrganization = z.input<typeof ZMoveOrganization>;
