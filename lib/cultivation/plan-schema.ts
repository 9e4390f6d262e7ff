import { z } from 'zod';

export const PLAN_LIMITS = { goals: 5000, measures: 5000, tasks: 50, title: 100, responsible: 50, reason: 500 } as const;

const day = /^\d{4}-\d{2}-\d{2}$/;

/** A draft keeps whatever was typed (within the limits): an unfinished task or an empty date is fine until 提交. */
export const ZPlanTaskDraft = z.object({
  title: z.string().max(PLAN_LIMITS.title, `任务不能超过 ${PLAN_LIMITS.title} 个字`).default(''),
  dueOn: z.union([z.literal(''), z.string().regex(day, '请选择时间节点')]).default(''),
  responsible: z.string().max(PLAN_LIMITS.responsible, `责任人不能超过 ${PLAN_LIMITS.responsible} 个字`).default(''),
});
export type TPlanTask = z.output<typeof ZPlanTaskDraft>;

export const ZPlanDraft = z.object({
  cultivationId: z.string().min(1).max(64),
  /** The revision the form started from; a save from an older one is refused (another window saved since). */
  revision: z.number().int().min(0),
  goals: z.string().max(PLAN_LIMITS.goals, `创建目标不能超过 ${PLAN_LIMITS.goals} 个字`).default(''),
  measures: z.string().max(PLAN_LIMITS.measures, `主要措施不能超过 ${PLAN_LIMITS.measures} 个字`).default(''),
  tasks: z.array(ZPlanTaskDraft).max(PLAN_LIMITS.tasks, `任务最多 ${PLAN_LIMITS.tasks} 项`).default([]),
});
export type TPlanDraftInput = z.input<typeof ZPlanDraft>;

/** What 提交 needs: every part filled in, at least one task, each task with its date and responsible person. */
export function planSubmitErrors(plan: { goals: string; measures: string; tasks: readonly TPlanTask[] }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!plan.goals.trim()) errors.goals = '请填写创建目标';
  if (!plan.measures.trim()) errors.measures = '请填写主要措施';
  if (!plan.tasks.length) errors.tasks = '请至少添加一项任务（时间节点和责任人）';
  plan.tasks.forEach((task, index) => {
    if (!task.title.trim()) errors[`tasks.${index}.title`] = '请填写任务内容';
    if (!task.dueOn) errors[`tasks.${index}.dueOn`] = '请选择时间节点';
    if (!task.responsible.trim()) errors[`tasks.${index}.responsible`] = '请填写责任人';
  });
  return errors;
}

export const ZPlanRef = z.object({ cultivationId: z.string().min(1).max(64) });

export const ZPlanDecision = z
  .object({
    cultivationId: z.string().min(1).max(64),
    decision: z.enum(['approve', 'return']),
    reason: z.string().trim().max(PLAN_LIMITS.reason, `退回理由不能超过 ${PLAN_LIMITS.reason} 个字`).default(''),
  })
  .refine((value) => value.decision === 'approve' || value.reason.length > 0, { message: '退回时请写明理由', path: ['reason'] });
export type TPlanDecisionInput = z.input<typeof ZPlanDecision>;

export type TScheduledTask = TPlanTask & { daysLeft: number | null };

/** 倒排工期: tasks by date (undated last), each with the days left from `today` ('YYYY-MM-DD', Asia/Shanghai). */
export function scheduleTasks(tasks: readonly TPlanTask[], today: string): TScheduledTask[] {
  const dayNumber = (value: string) => Date.parse(`${value}T00:00:00Z`) / 86_400_000;
  return tasks
    .map((task) => ({ ...task, daysLeft: task.dueOn ? dayNumber(task.dueOn) - dayNumber(today) : null }))
    .sort((a, b) => (a.dueOn || '9999').localeCompare(b.dueOn || '9999'));
}

export const PLAN_STATUS_LABELS = { DRAFT: '草稿', SUBMITTED: '待审核', APPROVED: '已批准', RETURNED: '已退回' } as const;
