'use client';

import { useFormContext } from 'react-hook-form';
import { LockNotice } from '@/components/campaign/lock-notice';
import { VotingSummary, WeightsSummary } from '@/components/campaign/setup-summary';
import { Alert } from '@/components/ui/alert';
import type { TCampaignSetup, TCampaignSetupInput } from '@/lib/campaign/schema';
import { CheckboxField, NumberField, SelectField } from './controls';
import type { TStepProps } from './step-props';

export function StepVoting({ locks }: TStepProps) {
  const { watch } = useFormContext<TCampaignSetupInput>();
  const values = watch() as TCampaignSetup;
  const isVotingStageEnabled = values.stages.find((stage) => stage.kind === 'VOTING')?.isEnabled ?? false;
  const weightSum = (Number(values.weights.expertWeight) || 0) + (Number(values.weights.voteWeight) || 0);
  return (
    <div className="space-y-6">
      <section className="space-y-3">
        <h3 className="font-semibold text-stone-900">网络投票</h3>
        {!isVotingStageEnabled && <Alert tone="info">“阶段时间”中未启用网络投票，以下投票规则不生效。</Alert>}
        {locks.groups.voting ? (
          <>
            <LockNotice reason={locks.groups.voting} />
            <VotingSummary voting={values.voting} isVotingStageEnabled={isVotingStageEnabled} />
          </>
        ) : (
          <>
            <div className="grid gap-1 sm:grid-cols-2">
              <CheckboxField name="voting.memberVotingEnabled" label="党员投票" hint="党员登录账号后投票" />
              <CheckboxField name="voting.publicVotingEnabled" label="公众投票" hint="群众经手机验证后投票，无需账号" />
              <CheckboxField name="voting.allowVoteForOwnOrg" label="允许投给本单位的品牌" />
            </div>
            <div className="grid gap-4 sm:grid-cols-3">
              <NumberField name="voting.votesPerVoterPerDay" label="每人每天可投" required min={1} max={100} suffix="票" />
              <NumberField name="voting.votesPerEntryPerDay" label="同一品牌每人每天" required min={1} max={10} suffix="票" />
              <NumberField name="voting.votesPerVoterTotal" label="每人总票数" isOptional min={1} max={10000} suffix="票" hint="留空表示不限" />
            </div>
            <div className="sm:max-w-xs">
              <SelectField name="voting.resultsVisibility" label="票数公布方式">
                <option value="HIDDEN">投票期间不公布票数</option>
                <option value="LIVE">实时公布票数</option>
              </SelectField>
            </div>
          </>
        )}
      </section>
      <section className="space-y-3">
        <h3 className="font-semibold text-stone-900">综合排名权重</h3>
        <p className="text-sm text-stone-600">“社会评价为基础、专家评审为主体”：综合得分 = 专家评审得分 × 专家权重 + 网络投票得分 × 投票权重，两项之和为 100。</p>
        {locks.groups.weights ? (
          <>
            <LockNotice reason={locks.groups.weights} />
            <WeightsSummary weights={values.weights} />
          </>
        ) : (
          <div className="grid gap-4 sm:grid-cols-3 sm:items-start">
            <NumberField name="weights.expertWeight" label="专家评审权重" required min={0} max={100} suffix="%" />
            <NumberField name="weights.voteWeight" label="网络投票权重" required min={0} max={100} suffix="%" />
            <p className={`text-sm sm:mt-8 ${weightSum === 100 ? 'text-stone-600' : 'font-medium text-red-700'}`} aria-live="polite">
              合计 {weightSum}%
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
