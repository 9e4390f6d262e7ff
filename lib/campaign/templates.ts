import type { AwardKind, CampaignProgram, RubricTemplate, StageKind } from '@/lib/generated/prisma/enums';

/** Every stage kind in the one order all programs follow; a program holds a subsequence of it (PROGRAM_STAGES). */
export const STAGE_ORDER: StageKind[] = [
  'DECLARATION',
  'RECOMMENDATION',
  'QUALIFICATION',
  'VOTING',
  'EXPERT_REVIEW',
  'ONSITE_CHECK',
  'DELIBERATION',
  'PUBLICITY',
  'ANNOUNCEMENT',
  'CULTIVATION',
  'ACCEPTANCE',
  'PROMOTION',
];

/** The stages after the 品牌清单 / 表彰决定 where a brand is grown, accepted and promoted. */
export const CULTIVATION_STAGES: StageKind[] = ['CULTIVATION', 'ACCEPTANCE', 'PROMOTION'];

/**
 * The shape of each program (template). 选树评选 is the contest of seed 000, optionally followed by cultivation;
 * 创建认定 (seed 001) has no recommendation, vote, review, meeting or 公示: a declaration goes straight to 资格把关.
 * A stage a program omits has no row in the campaign and appears nowhere.
 */
export const PROGRAM_STAGES: Record<CampaignProgram, readonly StageKind[]> = {
  SELECTION: STAGE_ORDER,
  CREATION: ['DECLARATION', 'QUALIFICATION', ...CULTIVATION_STAGES],
};

export const PROGRAM_LABELS: Record<CampaignProgram, string> = { SELECTION: '选树评选', CREATION: '创建认定' };

/** One line under each template in the wizard. */
export const PROGRAM_HINTS: Record<CampaignProgram, string> = {
  SELECTION: '申报 → 逐级推荐 → 资格审查 → 投票与专家评审 → 审定、公示 → 通报表扬，可接着培育创建',
  CREATION: '组织申报 → 资格把关（品牌清单）→ 培育创建（台帐）→ 验收认定 → 宣传推广，不投票、不评比',
};

/** Stages a campaign of the program may switch off; the others are its backbone. */
export const PROGRAM_OPTIONAL_STAGES: Record<CampaignProgram, readonly StageKind[]> = {
  SELECTION: ['VOTING', 'ONSITE_CHECK', 'PUBLICITY', ...CULTIVATION_STAGES],
  CREATION: ['PROMOTION'],
};

/** Switched off in a new campaign of the program (选树 campaigns end at 通报表扬 unless cultivation is switched on). */
export const PROGRAM_STAGES_OFF_BY_DEFAULT: Record<CampaignProgram, readonly StageKind[]> = {
  SELECTION: CULTIVATION_STAGES,
  CREATION: [],
};

/** The campaign admin's pages, each belonging to a stage: a program without the stage shows no link to it. */
export const CAMPAIGN_ADMIN_LINKS: readonly { path: string; stage: StageKind; label: Partial<Record<CampaignProgram, string>> & { SELECTION: string } }[] = [
  { path: 'qualification', stage: 'QUALIFICATION', label: { SELECTION: '资格审查', CREATION: '资格把关' } },
  { path: 'brand-list', stage: 'QUALIFICATION', label: { SELECTION: '品牌清单' } },
  { path: 'votes', stage: 'VOTING', label: { SELECTION: '网络投票' } },
  { path: 'review', stage: 'EXPERT_REVIEW', label: { SELECTION: '专家评审' } },
  { path: 'onsite', stage: 'ONSITE_CHECK', label: { SELECTION: '实地核验' } },
  { path: 'decisions', stage: 'DELIBERATION', label: { SELECTION: '初评与审定' } },
  { path: 'publicity', stage: 'PUBLICITY', label: { SELECTION: '公示与表彰' } },
];

/** Where a stage stands in the program's list (-1 when the program omits it). */
export function programStageIndex(program: CampaignProgram, kind: StageKind): number {
  return PROGRAM_STAGES[program].indexOf(kind);
}

export function programHasStage(program: CampaignProgram, kind: StageKind): boolean {
  return PROGRAM_STAGES[program].includes(kind);
}

export const STAGE_LABELS: Record<StageKind, string> = {
  DECLARATION: '申报',
  RECOMMENDATION: '逐级推荐',
  QUALIFICATION: '资格审查',
  VOTING: '网络投票',
  EXPERT_REVIEW: '专家评审',
  ONSITE_CHECK: '实地核验',
  DELIBERATION: '初评审定',
  PUBLICITY: '公示',
  ANNOUNCEMENT: '通报表扬',
  CULTIVATION: '培育创建',
  ACCEPTANCE: '验收认定',
  PROMOTION: '宣传推广',
};

/** The name of a stage in a program: 创建认定 calls 资格审查 资格把关. */
export function stageLabel(kind: StageKind, program: CampaignProgram = 'SELECTION'): string {
  return program === 'CREATION' && kind === 'QUALIFICATION' ? '资格把关' : STAGE_LABELS[kind];
}

/** Default length of each stage in days, used to propose dates for a new campaign. */
export const DEFAULT_STAGE_DAYS: Record<StageKind, number> = {
  DECLARATION: 30,
  RECOMMENDATION: 14,
  QUALIFICATION: 7,
  VOTING: 10,
  EXPERT_REVIEW: 10,
  ONSITE_CHECK: 7,
  DELIBERATION: 7,
  PUBLICITY: 7,
  ANNOUNCEMENT: 30,
  CULTIVATION: 180,
  ACCEPTANCE: 45,
  PROMOTION: 30,
};

export type TCriterionTemplate = { name: string; maxPoints: number; guidance: string };

export const RUBRIC_TEMPLATES: Record<Exclude<RubricTemplate, 'CUSTOM'>, { label: string; criteria: TCriterionTemplate[] }> = {
  FOUR_HAVE_ONE_GOOD: {
    label: '四有一好（默认）',
    criteria: [
      { name: '有响亮的品牌名称和独特的品牌标识', maxPoints: 20, guidance: '名称简洁好记、体现领域或地域特色；标识简洁醒目、独具特色，与品牌内涵相符。' },
      { name: '有丰富深刻的内涵', maxPoints: 20, guidance: '品牌精髓、服务宗旨、精神内核与核心价值清晰深刻。' },
      { name: '有丰富的创建工作载体', maxPoints: 20, guidance: '载体具体，党建与中心工作深度融合，融入地方、红色或行业文化。' },
      { name: '有高标准的工作服务规范', maxPoints: 20, guidance: '工作规范、运行机制、管理制度健全，效率和服务质量高。' },
      { name: '党组织和党员作用发挥好', maxPoints: 20, guidance: '组织引领有力、服务群众见效、党员先锋模范作用突出，群众满意度高。' },
    ],
  },
  FIVE_WORDS: {
    label: '五词标准（县直机关）',
    criteria: [
      { name: '精准（选题）', maxPoints: 20, guidance: '选题紧扣中心工作和部门职能，定位准确。' },
      { name: '鲜明（名称）', maxPoints: 20, guidance: '名称不超过 15 个字，简洁鲜明、易记易传。' },
      { name: '创新（机制载体）', maxPoints: 20, guidance: '机制和载体有创新、可复制、可推广。' },
      { name: '深刻（内涵）', maxPoints: 20, guidance: '内涵深刻，体现党的理论和价值追求。' },
      { name: '实效（成果）', maxPoints: 20, guidance: '成果可量化、群众认可、作用发挥明显。' },
    ],
  },
};

export type TAwardTemplate = { kind: AwardKind; name: string; count: number; perField?: boolean };

export const DEFAULT_AWARDS: TAwardTemplate[] = [
  { kind: 'DEMONSTRATION', name: '示范品牌', count: 5 },
  { kind: 'TOP_TEN', name: '十大党建品牌', count: 10 },
  { kind: 'EXCELLENT', name: '优秀党建品牌', count: 20 },
  { kind: 'POPULARITY', name: '最佳人气党建品牌', count: 1 },
  { kind: 'CREATIVITY', name: '最佳创意党建品牌', count: 1 },
  { kind: 'BEST_IN_FIELD', name: '最佳{field}领域党建品牌', count: 1, perField: true },
];

export const AWARD_KIND_LABELS: Record<AwardKind, string> = {
  DEMONSTRATION: '示范品牌',
  TOP_TEN: '十大品牌',
  EXCELLENT: '优秀品牌',
  POPULARITY: '最佳人气',
  CREATIVITY: '最佳创意',
  BEST_IN_FIELD: '最佳领域',
  CUSTOM: '自定义',
};

export const DEFAULT_QUOTA = 5;

export function rubricTotal(criteria: readonly { maxPoints: number }[]): number {
  return criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
}
