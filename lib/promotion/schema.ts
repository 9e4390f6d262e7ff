import { z } from 'zod';

const id = z.string().trim().min(1).max(64);
const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).default('');
const dayText = (label: string) => z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, `请选择${label}`);
const uniqueIds = (label: string, max: number) =>
  z
    .array(id)
    .max(max, `${label}不超过 ${max} 个`)
    .default([])
    .refine((ids) => new Set(ids).size === ids.length, `${label}不能重复`);

export const PROMOTION_KINDS = ['OBSERVATION', 'EXCHANGE', 'PROGRESS', 'CONTEST'] as const;
export type TPromotionKind = (typeof PROMOTION_KINDS)[number];
export const PROMOTION_KIND_LABELS: Record<TPromotionKind, string> = {
  OBSERVATION: '现场观摩会',
  EXCHANGE: '经验交流会',
  PROGRESS: '工作推进会',
  CONTEST: '擂台比武',
};

export const RECURRENCES = ['QUARTERLY', 'HALF_YEARLY', 'YEARLY'] as const;
export const RECURRENCE_LABELS: Record<(typeof RECURRENCES)[number], string> = {
  QUARTERLY: '每季度一次',
  HALF_YEARLY: '每半年一次',
  YEARLY: '每年一次',
};

/** 擂台比武's default score sheet (editable per event until the first sheet is saved). */
export const DEFAULT_CONTEST_CRITERIA = [
  { name: '品牌定位', maxPoints: 25 },
  { name: '特色做法', maxPoints: 25 },
  { name: '工作成效', maxPoints: 30 },
  { name: '现场表现', maxPoints: 20 },
] as const;

/** A 宣传推广 event: `heldAt` is a datetime-local value read in Asia/Shanghai; files were uploaded through /api/files. */
export const ZCreateEvent = z.object({
  ownerOrgId: id,
  kind: z.enum(PROMOTION_KINDS, { message: '请选择活动类型' }),
  scheduleId: id.nullish(),
  title: z.string().trim().min(1, '请填写活动名称').max(100, '活动名称不能超过 100 个字'),
  heldAt: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, '请选择活动时间'),
  place: text('活动地点', 200),
  participants: text('参加人员', 1000),
  summary: text('活动情况', 5000),
  siteIds: uniqueIds('观摩的示范点', 30),
  materialFileIds: uniqueIds('会议材料', 20),
  photoFileIds: uniqueIds('活动照片', 30),
});
export type TCreateEventInput = z.input<typeof ZCreateEvent>;

export const ZCreateSchedule = z
  .object({
    ownerOrgId: id,
    kind: z.enum(PROMOTION_KINDS, { message: '请选择活动类型' }),
    title: z.string().trim().min(1, '请填写计划名称').max(100, '计划名称不能超过 100 个字'),
    recurrence: z.enum(RECURRENCES, { message: '请选择频次' }),
    startsOn: dayText('开始日期'),
    endsOn: dayText('结束日期').nullish(),
  })
  .refine((value) => !value.endsOn || value.endsOn >= value.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type TCreateScheduleInput = z.input<typeof ZCreateSchedule>;

/** 擂台比武: score sheet, judges and the presentations in order; locked once the first sheet is saved. */
export const ZSetContest = z.object({
  eventId: id,
  criteria: z
    .array(z.object({ name: z.string().trim().min(1, '请填写评分项').max(30, '评分项不超过 30 个字'), maxPoints: z.number().int().min(1, '分值至少 1 分').max(100, '分值不超过 100 分') }))
    .min(1, '请至少设置一个评分项')
    .max(10, '评分项不超过 10 个'),
  judgeIds: uniqueIds('评委', 15).refine((ids) => ids.length > 0, '请至少选择一位评委'),
  entries: z
    .array(
      z.object({
        organizationId: id,
        brandId: id.nullish(),
        presenter: text('汇报人', 50),
        topic: text('汇报题目', 100),
      }),
    )
    .min(1, '请至少添加一个参赛单位')
    .max(40, '参赛单位不超过 40 个')
    .refine((entries) => new Set(entries.map((entry) => entry.organizationId)).size === entries.length, '同一单位不能重复参赛'),
});
export type TSetContestInput = z.input<typeof ZSetContest>;

/** A judge's sheet for one presentation: points per criterion, in order; `submit` locks it. */
export const ZContestSheet = z.object({
  entryId: id,
  scores: z.array(z.number().int('分数须为整数').min(0, '分数不能为负').nullable()).max(10),
  comment: text('评语', 500),
  submit: z.boolean().default(false),
});
export type TContestSheetInput = z.input<typeof ZContestSheet>;

export const ZCreateBrochure = z.object({
  ownerOrgId: id,
  title: z.string().trim().min(1, '请填写画册标题').max(60, '画册标题不能超过 60 个字'),
  subtitle: text('副标题', 100),
  brandIds: uniqueIds('品牌', 60).refine((ids) => ids.length > 0, '请至少选择一个品牌'),
});
export type TCreateBrochureInput = z.input<typeof ZCreateBrochure>;
