import { z } from 'zod';

const ZId = z.string().trim().min(1).max(64);
const ZYear = z.number().int().min(2000, '年份不正确').max(2100, '年份不正确');

const ZChecklist = z.object({
  /** Absent for a new list: the service gives it a key. Existing lists keep theirs, so their items keep their verdicts. */
  key: z.string().trim().regex(/^[A-Z0-9_]{1,40}$/, '清单标识不正确').optional(),
  name: z.string().trim().min(1, '请填写清单名称').max(20, '清单名称不超过 20 字'),
  items: z.array(z.string().trim().min(1, '检查项不能为空').max(40, '每个检查项不超过 40 字')).min(1, '每个清单至少一个检查项').max(30, '每个清单至多 30 项'),
});

export const ZScoreCriterion = z.object({
  name: z.string().trim().min(1, '请填写考评项目').max(30, '考评项目不超过 30 字'),
  maxPoints: z.number().int().min(1, '分值至少 1 分').max(100, '分值不超过 100 分'),
});

export const ZProgramFields = z.object({
  title: z.string().trim().min(2, '请填写名称').max(100, '名称不超过 100 字'),
  startYear: ZYear,
  years: z.number().int().min(1, '建设年限为 1 至 10 年').max(10, '建设年限为 1 至 10 年'),
  minSitesPerBelt: z.number().int().min(1, '每条示范带至少 1 个示范点').max(100, '每条示范带的示范点数不超过 100'),
  siteChecklists: z.array(ZChecklist).min(1, '示范点至少一个检查清单').max(10),
  beltChecklists: z.array(ZChecklist).min(1, '示范带至少一个检查清单').max(10),
  scoreSheet: z.array(ZScoreCriterion).min(1, '考评表至少一项').max(20, '考评表至多 20 项'),
});

export const ZCreateProgram = ZProgramFields.extend({ ownerOrgId: ZId });
export type TCreateProgramInput = z.input<typeof ZCreateProgram>;
export const ZUpdateProgram = ZProgramFields.extend({ programId: ZId });
export type TUpdateProgramInput = z.input<typeof ZUpdateProgram>;

const ZCoordinate = (min: number, max: number, label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .min(min, `${label}须在 ${min} 至 ${max} 之间`)
    .max(max, `${label}须在 ${min} 至 ${max} 之间`)
    .transform((value) => Math.round(value * 1e6) / 1e6)
    .nullable()
    .default(null);

const ZSiteFields = z.object({
    organizationId: ZId,
    brandId: ZId.nullable().default(null),
    name: z.string().trim().min(2, '请填写示范点名称').max(60, '名称不超过 60 字'),
    level: z.enum(['CITY', 'COUNTY']),
    address: z.string().trim().max(120, '地址不超过 120 字').default(''),
    latitude: ZCoordinate(-90, 90, '纬度'),
    longitude: ZCoordinate(-180, 180, '经度'),
    description: z.string().trim().max(1000, '简介不超过 1000 字').default(''),
});

const bothOrNeither = (site: { latitude: number | null; longitude: number | null }) => (site.latitude === null) === (site.longitude === null);
const COORDINATES_PAIRED = { message: '经度和纬度须同时填写或同时留空', path: ['longitude'] };

export const ZCreateSite = ZSiteFields.extend({ programId: ZId }).refine(bothOrNeither, COORDINATES_PAIRED);
export type TCreateSiteInput = z.input<typeof ZCreateSite>;
export const ZUpdateSite = ZSiteFields.extend({ siteId: ZId }).refine(bothOrNeither, COORDINATES_PAIRED);
export type TUpdateSiteInput = z.input<typeof ZUpdateSite>;

export const ZSitePhotos = z.object({ siteId: ZId, fileIds: z.array(ZId).min(1, '请先上传照片').max(12, '一次至多 12 张') });
export type TSitePhotosInput = z.input<typeof ZSitePhotos>;
export const ZRemoveSitePhoto = z.object({ siteId: ZId, fileId: ZId });
export type TRemoveSitePhotoInput = z.input<typeof ZRemoveSitePhoto>;

export const ZRevokeSite = z.object({ siteId: ZId, reason: z.string().trim().min(4, '请写明摘牌理由（至少 4 个字）').max(500, '理由不超过 500 字') });
export type TRevokeSiteInput = z.input<typeof ZRevokeSite>;

export const ZAssessSite = z.object({
  siteId: ZId,
  year: ZYear,
  scores: z.array(z.number({ error: '请填写分数' }).int('分数须为整数').min(0, '分数不能为负')).min(1).max(20),
  comment: z.string().trim().max(500, '评语不超过 500 字').default(''),
});
export type TAssessSiteInput = z.input<typeof ZAssessSite>;
