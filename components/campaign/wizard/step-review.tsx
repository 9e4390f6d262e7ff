'use client';

import type { ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import {
  AwardsSummary,
  BasicsSummary,
  CultivationSummary,
  DeclarationFormSummary,
  FieldsSummary,
  QuotasSummary,
  RubricSummary,
  StagesSummary,
  VotingSummary,
  WeightsSummary,
} from '@/components/campaign/setup-summary';
import type { TCampaignSetup, TCampaignSetupInput, TSetupStep } from '@/lib/campaign/schema';
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

type TReviewProps = TStepProps & { steps: readonly TSetupStep[]; onEdit: (step: number) => void; publishControl?: ReactNode };

/** The last step: everything the admin set in the program's steps, with a way back to each step. */
export function StepReview({ orgOptions, steps, onEdit, publishControl }: TReviewProps) {
  const { watch } = useFormContext<TCampaignSetupInput>();
  const setup = watch() as TCampaignSetup;
  const orgNames = orgNamesOf(orgOptions);
  const isVotingStageEnabled = setup.stages.find((stage) => stage.kind === 'VOTING')?.isEnabled ?? false;
  const sections: Record<TSetupStep, [string, ReactNode]> = {
    basics: [
      '基本信息',
      <>
        <BasicsSummary setup={setup} orgNames={orgNames} />
        <DeclarationFormSummary setup={setup} />
      </>,
    ],
    stages: ['阶段时间', <StagesSummary key="stages" stages={setup.stages} />],
    fieldsAwards: [
      setup.program === 'CREATION' ? '申报领域' : '领域与奖项',
      <>
        <FieldsSummary fields={setup.fields} />
        {setup.program === 'SELECTION' && <AwardsSummary awards={setup.awards} />}
      </>,
    ],
    rubric: ['评分标准', <RubricSummary key="rubric" rubric={setup.rubric} />],
    quotas: ['推荐名额', <QuotasSummary key="quotas" quotas={setup.quotas} orgNames={orgNames} />],
    voting: [
      '投票设置',
      <>
        <VotingSummary voting={setup.voting} isVotingStageEnabled={isVotingStageEnabled} />
        <WeightsSummary weights={setup.weights} />
      </>,
    ],
    cultivation: ['培育与验收', <CultivationSummary key="cultivation" cultivation={setup.cultivation} />],
  };
  return (
    <div className="space-y-4">
      {steps.map((key, index) => (
        <Section key={key} title={sections[key][0]} step={index} onEdit={onEdit}>
          {sections[key][1]}
        </Section>
      ))}
      {publishControl}
    </div>
  );
}
