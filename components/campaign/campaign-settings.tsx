import Link from 'next/link';
import type { ReactNode } from 'react';
import { LockBadge, LockNotice } from '@/components/campaign/lock-notice';
import {
  AwardsSummary,
  BasicsSummary,
  CultivationSummary,
  DeclarationFormSummary,
  FieldsSummary,
  QuotasSummary,
  ReviewSummary,
  RubricSummary,
  VotingSummary,
  WeightsSummary,
} from '@/components/campaign/setup-summary';
import { Card } from '@/components/ui/card';
import { setupStepsOf, type TCampaignSetup, type TSetupStep } from '@/lib/campaign/schema';
import type { TSetupLocks } from '@/lib/campaign/setup-locks';
import type { TRuleGroup } from '@/lib/campaign/stages';

type TSectionProps = { title: string; editHref?: string; lockReason?: string; children: ReactNode };

function Section({ title, editHref, lockReason, children }: TSectionProps) {
  return (
    <Card
      title={title}
      actions={
        lockReason ? (
          <LockBadge />
        ) : (
          editHref && (
            <Link href={editHref} className="text-sm font-medium text-brand-700 hover:underline">
              编辑<span className="sr-only">{title}</span>
            </Link>
          )
        )
      }
    >
      <div className="space-y-3">
        {lockReason && <LockNotice reason={lockReason} />}
        {children}
      </div>
    </Card>
  );
}

type TSettingsProps = { campaignId: string; setup: TCampaignSetup; locks: TSetupLocks; orgNames: Record<string, string> };

/** The campaign's rules, each group read-only with its lock reason once the stage governing it has started. */
export function CampaignSettings({ campaignId, setup, locks, orgNames }: TSettingsProps) {
  // The program's wizard steps: 创建认定 has no awards, review, quotas or vote, so neither do its settings.
  const isCultivating = setup.stages.some((stage) => stage.kind === 'CULTIVATION' && stage.isEnabled);
  const steps = setupStepsOf(setup.program, isCultivating);
  const has = (step: TSetupStep) => steps.includes(step);
  const editHref = (step: TSetupStep, group?: TRuleGroup) =>
    locks.isReadOnly || (group && locks.groups[group]) ? undefined : `/admin/campaigns/${campaignId}/edit?step=${steps.indexOf(step)}`;
  const isVotingStageEnabled = setup.stages.find((stage) => stage.kind === 'VOTING')?.isEnabled ?? false;
  if (!has('voting')) {
    return (
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title="基本信息" editHref={editHref('basics')}>
          <BasicsSummary setup={setup} orgNames={orgNames} />
        </Section>
        <Section title="申报表" editHref={editHref('basics', 'declarationForm')} lockReason={locks.groups.declarationForm}>
          <DeclarationFormSummary setup={setup} />
        </Section>
        <Section title="申报领域" editHref={editHref('fieldsAwards', 'fields')} lockReason={locks.groups.fields}>
          <FieldsSummary fields={setup.fields} />
        </Section>
        <Section title="培育与验收" editHref={editHref('cultivation')}>
          <CultivationSummary cultivation={setup.cultivation} />
        </Section>
      </div>
    );
  }
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="基本信息" editHref={editHref('basics')}>
        <BasicsSummary setup={setup} orgNames={orgNames} />
      </Section>
      <Section title="申报表" editHref={editHref('basics', 'declarationForm')} lockReason={locks.groups.declarationForm}>
        <DeclarationFormSummary setup={setup} />
      </Section>
      <Section title="领域" editHref={editHref('fieldsAwards', 'fields')} lockReason={locks.groups.fields}>
        <FieldsSummary fields={setup.fields} />
      </Section>
      <Section title="奖项" editHref={editHref('fieldsAwards', 'awards')} lockReason={locks.groups.awards}>
        <AwardsSummary awards={setup.awards} />
      </Section>
      <Section title="评分标准" editHref={editHref('rubric', 'rubric')} lockReason={locks.groups.rubric}>
        <RubricSummary rubric={setup.rubric} />
      </Section>
      <Section title="评审规则" editHref={editHref('rubric', 'review')} lockReason={locks.groups.review}>
        <ReviewSummary review={setup.review} />
      </Section>
      <Section title="推荐名额" editHref={editHref('quotas', 'quotas')} lockReason={locks.groups.quotas}>
        <QuotasSummary quotas={setup.quotas} orgNames={orgNames} />
      </Section>
      <Section title="投票规则" editHref={editHref('voting', 'voting')} lockReason={locks.groups.voting}>
        <VotingSummary voting={setup.voting} isVotingStageEnabled={isVotingStageEnabled} />
      </Section>
      <Section title="综合排名权重" editHref={editHref('voting', 'weights')} lockReason={locks.groups.weights}>
        <WeightsSummary weights={setup.weights} />
      </Section>
      {isCultivating && (
        <Section title="培育与验收" editHref={editHref('cultivation')}>
          <CultivationSummary cultivation={setup.cultivation} />
        </Section>
      )}
    </div>
  );
}
