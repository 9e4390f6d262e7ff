export type TImportKind = 'organizations' | 'users';

export type TColumn<K extends string = string> = {
  key: K;
  header: string;
  required: boolean;
  /** Explanation on the 说明 sheet of the template. */
  note: string;
  width: number;
};

export const IMPORT_KINDS: TImportKind[] = ['organizations', 'users'];
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;

export const SHEET_NAMES: Record<TImportKind, string> = { organizations: '组织', users: '用户' };
export const KIND_LABELS: Record<TImportKind, string> = { organizations: '组织', users: '用户' };

export const ORGANIZATION_COLUMNS = [
  { key: 'code', header: '组织代码', required: true, width: 16, note: '组织的唯一代码，只能包含字母、数字、- 和 _。已存在的代码会按本行内容更新该组织。' },
  { key: 'name', header: '组织名称', required: true, width: 30, note: '组织全称，2–60 个字。' },
  { key: 'shortName', header: '简称', required: false, width: 16, note: '可选，不超过 20 个字。' },
  { key: 'parentCode', header: '上级组织代码', required: true, width: 16, note: '上级组织的代码：可以是系统中已有的组织（须在您的管理范围内），也可以是本文件中的另一行，行的先后顺序不限。已有组织的上级必须与系统中一致，导入不会移动组织。' },
  { key: 'levelLabel', header: '层级', required: true, width: 10, note: '如 区委、党工委、党委、支部、党小组。' },
  { key: 'field', header: '领域', required: false, width: 14, note: '从下拉列表中选择：农村、街道社区、机关、事业单位·教育、事业单位·卫生、国有企业、两新组织。' },
  { key: 'memberCount', header: '党员人数', required: false, width: 10, note: '非负整数，留空按 0 计。' },
  { key: 'secretaryName', header: '书记姓名', required: false, width: 12, note: '可选。' },
  { key: 'secretaryPhone', header: '书记手机', required: false, width: 14, note: '可选，11 位手机号码。' },
] as const satisfies readonly TColumn[];

export const USER_COLUMNS = [
  { key: 'loginName', header: '登录名', required: true, width: 16, note: '以字母开头，3–32 位字母、数字、-、_ 或 .；不区分大小写。已存在的登录名会更新该账号并补充角色。' },
  { key: 'displayName', header: '姓名', required: true, width: 12, note: '不超过 30 个字。同一登录名的多行姓名须一致。' },
  { key: 'phone', header: '手机号', required: false, width: 14, note: '可选，11 位手机号码，可用于登录，不能与其他账号重复；留空表示不修改已有账号的手机号。' },
  { key: 'role', header: '角色', required: true, width: 16, note: '从下拉列表中选择。一个用户有多个角色时，每个角色写一行。' },
  { key: 'orgCode', header: '所属组织代码', required: true, width: 16, note: '角色所在组织的代码，须是系统中已有、且在您管理范围内的组织。' },
] as const satisfies readonly TColumn[];

export type TOrganizationColumnKey = (typeof ORGANIZATION_COLUMNS)[number]['key'];
export type TUserColumnKey = (typeof USER_COLUMNS)[number]['key'];
