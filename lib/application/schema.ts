import { z } from 'zod';

/** Per-campaign rules of the declaration form: what the form and the server both validate against. */
export type TFormRules = {
  nameMaxLength: number;
  fieldIds: readonly string[];
  criteria: readonly { id: string; name: string }[];
};

export const TEXT_LIMITS = {
  secretaryName: 20,
  contactName: 20,
  slogan: 50,
  essence: 2000,
  carriers: 2000,
  norms: 2000,
  practices: 2000,
  honors: 1000,
  selfAssessment: 500,
} as const;

export const LONG_TEXT_KEYS = ['essence', 'carriers', 'norms', 'practices', 'honors'] as const;
export type TLongTextKey = (typeof LONG_TEXT_KEYS)[number];

/** Every plain-text field of the form: what is saved, printed and compared between versions. */
export const FORM_TEXT_KEYS = ['brandName', 'slogan', ...LONG_TEXT_KEYS, 'secretaryName', 'contactName', 'contactPhone'] as const;
export type TFormTextKey = (typeof FORM_TEXT_KEYS)[number];

export function pickFormTexts(row: Record<TFormTextKey, string>): Record<TFormTextKey, string> {
  return Object.fromEntries(FORM_TEXT_KEYS.map((key) => [key, row[key]])) as Record<TFormTextKey, string>;
}

export const FIELD_LABELS = {
  fieldId: '所属领域',
  secretaryName: '党组织书记',
  contactName: '联系人',
  contactPhone: '联系电话',
  brandName: '品牌名称',
  slogan: '品牌口号',
  essence: '品牌内涵',
  carriers: '创建载体',
  norms: '工作服务规范',
  practices: '主要做法与成效',
  honors: '所获荣誉',
  selfAssessment: '自评',
} as const;

export type TApplicationValues = {
  fieldId: string;
  brandName: string;
  slogan: string;
  essence: string;
  carriers: string;
  norms: string;
  practices: string;
  honors: string;
  secretaryName: string;
  contactName: string;
  contactPhone: string;
  selfAssessment: Record<string, string>;
};

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

const capped = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
const required = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().max(max, `${label}不能超过 ${max} 个字`).min(1, `请填写${label}`);

/** Drafts accept anything partial: only the length caps apply, so a half-filled form can always be saved. */
export function draftSchema(rules: TFormRules) {
  const criterionIds = new Set(rules.criteria.map((criterion) => criterion.id));
  return z.object({
    fieldId: z
      .string()
      .refine((value) => value === '' || rules.fieldIds.includes(value), '请从列表中选择所属领域'),
    brandName: capped(FIELD_LABELS.brandName, rules.nameMaxLength),
    slogan: capped(FIELD_LABELS.slogan, TEXT_LIMITS.slogan),
    essence: capped(FIELD_LABELS.essence, TEXT_LIMITS.essence),
    carriers: capped(FIELD_LABELS.carriers, TEXT_LIMITS.carriers),
    norms: capped(FIELD_LABELS.norms, TEXT_LIMITS.norms),
    practices: capped(FIELD_LABELS.practices, TEXT_LIMITS.practices),
    honors: capped(FIELD_LABELS.honors, TEXT_LIMITS.honors),
    secretaryName: capped(FIELD_LABELS.secretaryName, TEXT_LIMITS.secretaryName),
    contactName: capped(FIELD_LABELS.contactName, TEXT_LIMITS.contactName),
    contactPhone: z.string().trim().max(11, '联系电话应为 11 位手机号码'),
    selfAssessment: z
      .record(z.string(), capped('自评', TEXT_LIMITS.selfAssessment))
      .transform((texts) => Object.fromEntries(Object.entries(texts).filter(([id]) => criterionIds.has(id)))),
  });
}

/** Submitting needs everything: every text, a valid mobile number and one self-assessment per rubric criterion. */
export function submitSchema(rules: TFormRules) {
  return z.object({
    fieldId: z.string().refine((value) => rules.fieldIds.includes(value), '请选择所属领域'),
    brandName: required(FIELD_LABELS.brandName, rules.nameMaxLength),
    slogan: required(FIELD_LABELS.slogan, TEXT_LIMITS.slogan),
    essence: required(FIELD_LABELS.essence, TEXT_LIMITS.essence),
    carriers: required(FIELD_LABELS.carriers, TEXT_LIMITS.carriers),
    norms: required(FIELD_LABELS.norms, TEXT_LIMITS.norms),
    practices: required(FIELD_LABELS.practices, TEXT_LIMITS.practices),
    honors: capped(FIELD_LABELS.honors, TEXT_LIMITS.honors),
    secretaryName: required(FIELD_LABELS.secretaryName, TEXT_LIMITS.secretaryName),
    contactName: required(FIELD_LABELS.contactName, TEXT_LIMITS.contactName),
    contactPhone: z.string().trim().regex(MOBILE_PATTERN, '请填写正确的 11 位手机号码'),
    selfAssessment: z.object(
      Object.fromEntries(rules.criteria.map((criterion) => [criterion.id, required(`“${criterion.name}”的自评`, TEXT_LIMITS.selfAssessment)])),
    ),
  });
}

export const ZReturnInput = z.object({
  applicationId: z.string().min(1, '申报表不存在'),
  reason: z.string().trim().min(5, '退回理由至少 5 个字').max(500, '退回理由不能超过 500 个字'),
});
export type TReturnInput = z.input<typeof ZReturnInput>;


export const ZSaveMeta = z.object({
  applicationId: z.string().min(1, '申报表不存在'),
  revision: z.number().int().min(0),
});

export const EMPTY_VALUES: TApplicationValues = {
  fieldId: '',
  brandName: '',
  slogan: '',
  essence: '',
  carriers: '',
  norms: '',
  practices: '',
  honors: '',
  secretaryName: '',
  contactName: '',
  contactPhone: '',
  selfAssessment: {},
};
