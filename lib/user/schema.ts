import { z } from 'zod';
import type { Role } from '@/lib/generated/prisma/enums';
import { ROLE_ORDER } from '@/lib/auth/roles';
import { MOBILE_PATTERN } from '@/lib/phone';

export const PAGE_SIZE = 20;

// A login name starts with a letter, so it can never be mistaken for a phone number at sign-in.
export const ZLoginName = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, '登录名至少 3 个字符')
  .max(32, '登录名不能超过 32 个字符')
  .regex(/^[a-z][a-z0-9_.-]*$/, '登录名须以字母开头，只能包含字母、数字、-、_ 和 .');

export const ZDisplayName = z.string().trim().min(1, '请填写姓名').max(30, '姓名不能超过 30 个字');

export const ZPhone = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || MOBILE_PATTERN.test(value), '请填写 11 位手机号码');

export const ZRole = z.enum(ROLE_ORDER as [Role, ...Role[]], { message: '请选择角色' });

export const ZUserProfile = z.object({ displayName: ZDisplayName, phone: ZPhone });

export const ZCreateUser = ZUserProfile.extend({
  loginName: ZLoginName,
  role: ZRole,
  organizationId: z.string().min(1, '请选择组织'),
});

export const ZUpdateUserProfile = ZUserProfile.extend({ id: z.string().min(1) });

export const ZRoleAssignment = z.object({
  userId: z.string().min(1),
  role: ZRole,
  organizationId: z.string().min(1, '请选择组织'),
});

export const ZUserId = z.object({ userId: z.string().min(1) });

export const ZSetUserDisabled = ZUserId.extend({ isDisabled: z.boolean() });

/** The list page's search parameters; anything malformed falls back to "no filter". */
export const ZUserSearch = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  role: ZRole.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type TCreateUser = z.input<typeof ZCreateUser>;
export type TUpdateUserProfile = z.input<typeof ZUpdateUserProfile>;
export type TRoleAssignment = z.input<typeof ZRoleAssignment>;
export type TUserSearch = z.output<typeof ZUserSearch>;
