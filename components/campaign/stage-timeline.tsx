'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { StageKind } from '@/lib/generated/prisma/enums';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { closeStageNowAction, openStageNowAction } from '@/lib/campaign/actions';
import { RULE_GROUP_LABELS, RULES_LOCKED_BY, STAGE_STATUS_LABELS, type TRuleGroup, type TStageStatus } from '@/lib/campaign/stages';
import { STAGE_LABELS, STAGE_ORDER, stageLabel } from '@/lib/campaign/templates';
import type { CampaignProgram } from '@/lib/generated/prisma/enums';
import { formatDateTime } from '@/lib/format';
import { STAGE_CHIP, STAGE_DOT } from '@/components/campaign/stage-styles';

export type TTimelineStage = { kind: StageKind; isEnabled: boolean; startsAt: string; endsAt: string; status: TStageStatus };

type TMove = { kind: StageKind; direction: 'open' | 'close' };

function groupsLockedBy(kind: StageKind): string {
  return (Object.keys(RULES_LOCKED_BY) as TRuleGroup[])
    .filter((group) => RULES_LOCKED_BY[group] === kind)
    .map((group) => RULE_GROUP_LABELS[group])
    .join('、');
}

function MoveExplanation({ move, stages }: { move: TMove; stages: TTimelineStage[] }) {
  const label = STAGE_LABELS[move.kind];
  if (move.direction === 'close') {
    return <p>将以服务器当前时间作为“{label}”阶段的结束时间，立即结束该阶段，结束后不能恢复。此操作会记入审计日志。</p>;
  }
  const earlierRunning = stages.filter((stage) => STAGE_ORDER.indexOf(stage.kind) < STAGE_ORDER.indexOf(move.kind) && stage.isEnabled && stage.status !== 'closed');
  const locked = groupsLockedBy(move.kind);
  return (
    <>
      <p>将以服务器当前时间作为“{label}”阶段的开始时间，立即开始该阶段。此操作会记入审计日志。</p>
      {earlierRunning.length > 0 && <p>尚未结束的前序阶段（{earlierRunning.map((stage) => STAGE_LABELS[stage.kind]).join('、')}）将同时结束。</p>}
      {locked && <p>阶段开始后，{locked}将被锁定，不能再修改。</p>}
    </>
  );
}

/** The stages by database time, with 提前结束 for the running stage and 提前开始 for the next one of a published campaign. */
export function StageTimeline({ campaignId, stages, canMove, program = 'SELECTION' }: { campaignId: string; stages: TTimelineStage[]; canMove: boolean; program?: CampaignProgram }) {
  const router = useRouter();
  const [move, setMove] = useState<TMove | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  // Only the next stage may be opened early from here: opening a later one would skip stages.
  const nextKind = stages.find((stage) => stage.status === 'upcoming')?.kind;

  function ask(next: TMove) {
    setError(null);
    setMove(next);
  }

  function confirm() {
    if (!move) return;
    startTransition(async () => {
      const action = move.direction === 'open' ? openStageNowAction : closeStageNowAction;
      const result = await action({ campaignId, kind: move.kind });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setMove(null);
      router.refresh();
    });
  }

  return (
    <>
      <ol>
        {stages.map((stage, index) => (
          <li key={stage.kind} className="relative pb-4 pl-7 last:pb-0">
            {index < stages.length - 1 && <span className="absolute bottom-0 left-[6px] top-5 w-0.5 bg-stone-200" aria-hidden />}
            <span className={`absolute left-0 top-1.5 size-3.5 rounded-full border-2 ${STAGE_DOT[stage.status]}`} aria-hidden />
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h3 className={`font-medium ${stage.isEnabled ? 'text-stone-900' : 'text-stone-500'}`}>{stageLabel(stage.kind, program)}</h3>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STAGE_CHIP[stage.status]}`}>{STAGE_STATUS_LABELS[stage.status]}</span>
              {canMove && stage.kind === nextKind && (
                <Button variant="secondary" className="ml-auto min-h-8 px-3 py-1 text-xs" onClick={() => ask({ kind: stage.kind, direction: 'open' })}>
                  提前开始
                </Button>
              )}
              {canMove && stage.status === 'open' && (
                <Button variant="danger" className="ml-auto min-h-8 px-3 py-1 text-xs" onClick={() => ask({ kind: stage.kind, direction: 'close' })}>
                  提前结束
                </Button>
              )}
            </div>
            {stage.isEnabled && (
              <p className="mt-0.5 text-sm text-stone-600">
                {formatDateTime(stage.startsAt)} 至 {formatDateTime(stage.endsAt)}
              </p>
            )}
          </li>
        ))}
      </ol>
      <ConfirmDialog
        open={move !== null}
        title={move ? `${move.direction === 'open' ? '提前开始' : '提前结束'}“${STAGE_LABELS[move.kind]}”阶段？` : ''}
        confirmLabel={move?.direction === 'open' ? '确认提前开始' : '确认提前结束'}
        tone={move?.direction === 'open' ? 'primary' : 'danger'}
        isLoading={isPending}
        onConfirm={confirm}
        onCancel={() => setMove(null)}
      >
        {move && <MoveExplanation move={move} stages={stages} />}
        {error && <Alert tone="error">{error}</Alert>}
      </ConfirmDialog>
    </>
  );
}
