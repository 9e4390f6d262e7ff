'use client';

import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import {
  AwardsSummary,
  BasicsSummary,
  DeclarationFormSummary,
  FieldsSummary,
  QuotasSummary,
  RubricSummary,
  StagesSummary,
  VotingSummary,
  WeightsSummary,
} from '@/components/campaign/setup-summary';
import type { TCampaignSetup, TCampaignSetupInput } from '@/lib/campaign/schema';
import { orgNamesOf, type TStepProps } from './step-props';

function Section({ title, step, onEdit, children }: { title: string; step: number; onEdit: (step: number) => void; children: ReactNode }) {
  return (
    <section className="space-y-2 border-b border-stone-200 pb-4 last:border-0">
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-semibold text-stone-900">{title}</h3>
        <button type="button" className="text-sm text-brand-700 hover:underline" onClick={() => onEdit(step)}>
          修改<span className="sr-only">{title}</span>
        </button>
      </div>
      {children}
    </section>
  );
}

type TReviewProps = TStepProps & { onEdit: (step: number) => void; publishControl?: ReactNode };

/** The last step: everything the admin set, with a way back to each step. */
export function StepReview({ orgOptions, onEdit, publishControl }: TReviewProps) {
  const { watch } = useFormContext<TCampaignSetupInput>();
  const setup = watch() as TCampaignSetup;
  const orgNames = orgNamesOf(orgOptions);
  const isVotingStageEnabled = setup.stages.find((stage) => stage.kind === 'VOTING')?.isEnabled ?? false;
  return (
    <div className="space-y-4">
      <Section title="基本信息" step={0} onEdit={onEdit}>
        <BasicsSummary setup={setup} orgNames={orgNames} />
        <DeclarationFormSummary setup={setup} />
      </Section>
      <Section title="阶段时间" step={1} onEdit={onEdit}>
        <StagesSummary stages={setup.stages} />
      </Section>
      <Section title="领域与奖项" step={2} onEdit={onEdit}>
        <FieldsSummary fields={setup.fields} />
        <AwardsSummary awards={setup.awards} />
      </Section>
      <Section title="评分标准" step={3} onEdit={onEdit}>
        <RubricSummary rubric={setup.rubric} />
      </Section>
      <Section title="推荐名额" step={4} onEdit={onEdit}>
        <QuotasSummary quotas={setup.quotas} orgNames={orgNames} />
      </Section>
      <Section title="投票设置" step={5} onEdit={onEdit}>
        <VotingSummary voting={setup.voting} isVotingStageEnabled={isVotingStageEnabled} />
        <WeightsSummary weights={setup.weights} />
      </Section>
      {publishControl}
    </div>
  );
}
