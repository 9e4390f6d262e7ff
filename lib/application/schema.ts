import { z } from 'zod';
import { PHONE_INPUT_MAX_LENGTH, normalizePhone } from '@/lib/phone';

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

const capped = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
const required = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().max(max, `${label}不能超过 ${max} 个字`).min(1, `请填写${label}`);

/** A draft's phone may be half-typed; a complete number is stored normalised ("139 0000 0011" → 13900000011). */
const draftPhone = z
  .string()
  .trim()
  .max(PHONE_INPUT_MAX_LENGTH, `联系电话不能超过 ${PHONE_INPUT_MAX_LENGTH} 个字符`)
  .transform((value) => normalizePhone(value) ?? value);

const submitPhone = z
  .string()
  .trim()
  .transform((value, context) => {
    const phone = normalizePhone(value);
    if (phone) return phone;
    context.addIssue({ code: 'custom', message: '请填写正确的联系电话（手机号或带区号的座机号）' });
    return z.NEVER;
  });

/** One schema per draft field: a draft saves every field that passes its own cap, whatever the others hold. */
export function draftFieldSchemas(rules: TFormRules) {
  return {
    fieldId: z.string().refine((value) => value === '' || rules.fieldIds.includes(value), '请从列表中选择所属领域'),
    brandName: capped(FIELD_LABELS.brandName, rules.nameMaxLength),
    slogan: capped(FIELD_LABELS.slogan, TEXT_LIMITS.slogan),
    essence: capped(FIELD_LABELS.essence, TEXT_LIMITS.essence),
    carriers: capped(FIELD_LABELS.carriers, TEXT_LIMITS.carriers),
    norms: capped(FIELD_LABELS.norms, TEXT_LIMITS.norms),
    practices: capped(FIELD_LABELS.practices, TEXT_LIMITS.practices),
    honors: capped(FIELD_LABELS.honors, TEXT_LIMITS.honors),
    secretaryName: capped(FIELD_LABELS.secretaryName, TEXT_LIMITS.secretaryName),
    contactName: capped(FIELD_LABELS.contactName, TEXT_LIMITS.contactName),
    contactPhone: draftPhone,
  } satisfies Record<Exclude<keyof TApplicationValues, 'selfAssessment'>, z.ZodType>;
}

export const draftSelfAssessmentSchema = capped('自评', TEXT_LIMITS.selfAssessment);

export type TDraftParse = {
  /** The fields that passed, to be stored; absent keys keep their stored value. */
  values: Partial<Omit<TApplicationValues, 'selfAssessment'>> & { selfAssessment?: Record<string, string> };
  /** "contactPhone" / "selfAssessment.c1" → why that field was not saved. */
  fieldErrors: Record<string, string>;
};

const ZDraftShape = z.object({ selfAssessment: z.record(z.string(), z.unknown()).optional() }).catchall(z.unknown());

/**
 * Checks each draft field on its own, so one field over its cap (or a half-typed phone) never stops the
 * others from being saved. A body that is not a form at all is still refused as a whole.
 */
export function parseDraft(rules: TFormRules, input: unknown): TDraftParse {
  const shape = ZDraftShape.parse(input);
  const result: TDraftParse = { values: {}, fieldErrors: {} };
  const values = result.values as Record<string, unknown>;
  for (const [key, schema] of Object.entries(draftFieldSchemas(rules))) {
    if (!(key in shape)) continue;
    const parsed = schema.safeParse(shape[key]);
    if (parsed.success) values[key] = parsed.data;
    else result.fieldErrors[key] = parsed.error.issues[0]?.message ?? '填写有误';
  }
  if (shape.selfAssessment) {
    const texts: Record<string, string> = {};
    for (const criterion of rules.criteria) {
      if (!(criterion.id in shape.selfAssessment)) continue;
      const parsed = draftSelfAssessmentSchema.safeParse(shape.selfAssessment[criterion.id]);
      if (parsed.success) texts[criterion.id] = parsed.data;
      else result.fieldErrors[`selfAssessment.${criterion.id}`] = parsed.error.issues[0]?.message ?? '填写有误';
    }
    result.values.selfAssessment = texts;
  }
  return result;
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
    contactPhone: submitPhone,
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
