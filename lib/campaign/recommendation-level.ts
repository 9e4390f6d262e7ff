// The recommendation window of one level as the state machine sees it. Kept apart from recommendation-deadline.ts,
// which the setup form's schema uses in the browser: the state machine reaches AppError and with it the Prisma runtime.
import { operationRefusal, type TLifecycle, type TRefusal } from '@/lib/campaign/lifecycle';
import { levelStatus, levelWindow, type TLevelDeadline } from '@/lib/campaign/recommendation-deadline';
import type { TStageStatus } from '@/lib/campaign/stages';

/** The campaign as the level at `depth` lives it: its RECOMMENDATION stage ends at the level's own deadline. */
export function levelLifecycle(life: TLifecycle, deadlines: readonly TLevelDeadline[], depth: number): TLifecycle {
  const window = levelWindow(life.stages, deadlines, depth);
  return { ...life, stages: life.stages.map((stage) => (stage.kind === 'RECOMMENDATION' && window ? window : stage)) };
}

/**
 * Why the level at `depth` may not decide now (lifecycle.ts `recommend` in its own window: "本级推荐已于 … 截止"), or
 * null; with the window's status for the page's badge ('closed' too when the campaign no longer runs).
 */
export function levelRefusal(life: TLifecycle, deadlines: readonly TLevelDeadline[], depth: number): { refusal: TRefusal | null; status: TStageStatus } {
  const refusal = operationRefusal('recommend', levelLifecycle(life, deadlines, depth));
  const status = levelStatus(life.stages, deadlines, depth, life.now);
  return { refusal, status: !refusal ? 'open' : status === 'open' ? 'closed' : status };
}
