// The default checklists, score sheet and 立项 factors of a 示范建设 program (seed 003, 福州两新组织党建示范带). A program
// copies them when it is created and may edit its own copy; sites and belts read the program's copy.

export type TChecklistTemplate = { key: string; name: string; items: readonly string[] };
export type TScoreCriterion = { name: string; maxPoints: number };

/** 五个基本 of a site (基本组织、基本队伍、基本制度、基本活动、基本保障). */
export const FIVE_BASICS: TChecklistTemplate = { key: 'FIVE_BASICS', name: '五个基本', items: ['基本组织', '基本队伍', '基本制度', '基本活动', '基本保障'] };

/** 六有 of a site's 党组织活动场所. */
export const SIX_HAVES: TChecklistTemplate = { key: 'SIX_HAVES', name: '六有', items: ['有场所', '有设施', '有标志', '有党旗', '有书报', '有制度'] };

/** 五个一 of a belt. */
export const FIVE_ONES: TChecklistTemplate = {
  key: 'FIVE_ONES',
  name: '五个一',
  items: ['一条线路', '一个红色标识', '一个区域性党群活动服务中心', '一个红色文化广场', '一条党建长廊'],
};

export const DEFAULT_SITE_CHECKLISTS: readonly TChecklistTemplate[] = [FIVE_BASICS, SIX_HAVES];
export const DEFAULT_BELT_CHECKLISTS: readonly TChecklistTemplate[] = [FIVE_ONES];

/** A site's annual quantified assessment (100 points), after seed 003's 量化考评. */
export const DEFAULT_SCORE_SHEET: readonly TScoreCriterion[] = [
  { name: '组织建设', maxPoints: 20 },
  { name: '队伍建设', maxPoints: 20 },
  { name: '阵地建设', maxPoints: 20 },
  { name: '活动开展', maxPoints: 20 },
  { name: '作用发挥与群众评价', maxPoints: 20 },
];

/** What a belt's 立项 describes (seed 003). */
export const BELT_FACTORS: readonly string[] = ['党建基础', '品牌定位', '特色亮点', '发展前景', '区域位置', '线路整合', '资源配置', '资金投入'];

/** Minimum sites of a belt (seed 003: 每条不少于8个市县两级示范点). */
export const DEFAULT_MIN_SITES_PER_BELT = 8;

export const SITE_LEVEL_LABELS = { CITY: '市级示范点', COUNTY: '县级示范点' } as const;
