import type { ReactNode } from 'react';
import type { TCampaignSetup } from '@/lib/campaign/schema';
import { PROGRAM_HINTS, PROGRAM_LABELS, RUBRIC_TEMPLATES, STAGE_LABELS, rubricTotal } from '@/lib/campaign/templates';
import { formatDate, formatDateTime, fromDateTimeLocal } from '@/lib/format';
import { ORG_FIELD_LABELS } from '@/lib/org-tree/fields';
import { AGGREGATION_LABELS } from '@/lib/review/aggregate';

// Read-only views of each settings group: the wizard's last step, locked groups while editing,
// and the campaign page all show the same thing.

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm sm:grid-cols-[10rem_1fr] sm:gap-x-4">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-stone-500">{label}</dt>
          <dd className="min-w-0 break-words text-stone-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const yesNo = (value: boolean) => (value ? '是' : '否');

export function BasicsSummary({ setup, orgNames }: { setup: TCampaignSetup; orgNames: Record<string, string> }) {
  return (
    <Rows
      rows={[
        ['活动模板', `${PROGRAM_LABELS[setup.program]}：${PROGRAM_HINTS[setup.program]}`],
        ['活动名称', setup.title],
        ['年度', `${setup.year}年度${setup.batch ? ` · 第${setup.batch}批` : ''}`],
        ['主办组织', orgNames[setup.ownerOrgId] ?? '—'],
        ['活动说明', setup.description || '—'],
      ]}
    />
  );
}

export function DeclarationFormSummary({ setup }: { setup: TCampaignSetup }) {
  return (
    <Rows
      rows={[
        ['品牌名称字数上限', `${setup.nameMaxLength} 个字`],
        ['同一组织可申报多个', yesNo(setup.allowMultipleApplications)],
      ]}
    />
  );
}

/** 台帐 and 验收认定 dates; an empty date follows its stage. */
export function CultivationSummary({ cultivation }: { cultivation: TCampaignSetup['cultivation'] }) {
  return (
    <Rows
      rows={[
        ['台帐上报', `每月 ${cultivation.ledgerDueDay} 日前`],
        ['提醒短信', yesNo(cultivation.reminderSms)],
        ['创建期结束', cultivation.cultivationEndsOn ? formatDate(cultivation.cultivationEndsOn) : '培育创建阶段结束时'],
        ['申请验收截止', cultivation.acceptanceRequestDeadline ? formatDate(cultivation.acceptanceRequestDeadline) : '验收认定阶段结束时'],
        ['验收完成', cultivation.acceptanceCompleteBy ? formatDate(cultivation.acceptanceCompleteBy) : '—'],
      ]}
    />
  );
}

export function StagesSummary({ stages }: { stages: TCampaignSetup['stages'] }) {
  return (
    <ol className="text-sm">
      {stages.map((stage) => (
        <li key={stage.kind} className="grid gap-x-4 border-b border-stone-100 py-1 last:border-0 sm:grid-cols-[10rem_1fr]">
          <span className="font-medium text-stone-800">{STAGE_LABELS[stage.kind]}</span>
          <span className={stage.isEnabled ? 'text-stone-700' : 'text-stone-500'}>
            {stage.isEnabled ? `${formatDateTime(fromDateTimeLocal(stage.startsAt))} 至 ${formatDateTime(fromDateTimeLocal(stage.endsAt))}` : '不启用'}
          </span>
        </li>
      ))}
    </ol>
  );
}

const orgFieldsText = (field: TCampaignSetup['fields'][number]) => field.orgFields.map((orgField) => ORG_FIELD_LABELS[orgField]).join('、');

export function FieldsSummary({ fields }: { fields: TCampaignSetup['fields'] }) {
  return (
    <ul className="flex flex-wrap gap-2 text-sm">
      {fields.map((field) => (
        <li key={field.name} className="rounded-md border border-stone-200 bg-stone-50 px-2 py-1">
          <span className="font-medium">{field.name}</span>
          {orgFieldsText(field) !== field.name && <span className="text-xs text-stone-500">（{orgFieldsText(field)}）</span>}
        </li>
      ))}
    </ul>
  );
}

export function AwardsSummary({ awards }: { awards: TCampaignSetup['awards'] }) {
  return (
    <ul className="max-w-xl text-sm">
      {awards.map((award) => (
        <li key={award.name} className="flex justify-between gap-4 border-b border-stone-100 py-1 last:border-0">
          <span>{award.name}</span>
          <span className="shrink-0 text-stone-700">{award.count} 个</span>
        </li>
      ))}
    </ul>
  );
}

export function RubricSummary({ rubric }: { rubric: TCampaignSetup['rubric'] }) {
  const template = rubric.template === 'CUSTOM' ? '自定义' : RUBRIC_TEMPLATES[rubric.template].label;
  return (
    <div className="space-y-2 text-sm">
      <p className="text-stone-600">
        模板：{template} · 共 {rubric.criteria.length} 项，总分 <strong className="text-stone-900">{rubricTotal(rubric.criteria)}</strong> 分
      </p>
      <ol className="list-decimal space-y-1 pl-5">
        {rubric.criteria.map((criterion, index) => (
          <li key={index}>
            {criterion.name}（{criterion.maxPoints} 分）
            {criterion.guidance && <span className="block text-xs text-stone-500">{criterion.guidance}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ReviewSummary({ review }: { review: TCampaignSetup['review'] }) {
  return (
    <Rows
      rows={[
        ['每个品牌', `${review.expertsPerEntry} 位专家`],
        ['每位专家最多', review.reviewCapPerExpert ? `${review.reviewCapPerExpert} 个品牌` : '自动均衡'],
        ['匿名评审', review.blindReview ? '是（专家看不到申报单位和人名）' : '否'],
        ['必须写评语', `单项低于满分的 ${review.commentBelowPercent}%`],
        ['专家评分计算', AGGREGATION_LABELS[review.scoreAggregation]],
        ['复议', review.disputeSpread === null ? '不自动提示' : `专家总分极差超过 ${review.disputeSpread} 分时提示复议`],
      ]}
    />
  );
}

export function depthsText(depths: readonly number[]): string {
  return depths.length ? `组织树第 ${[...depths].sort((a, b) => a - b).join('、')} 层` : '主办组织以下各层党(工)委';
}

export function QuotasSummary({ quotas, orgNames }: { quotas: TCampaignSetup['quotas']; orgNames: Record<string, string> }) {
  return (
    <Rows
      rows={[
        ['默认推荐名额', `每个推荐单位不超过 ${quotas.defaultQuota} 个`],
        ['推荐单位', depthsText(quotas.recommendingDepths)],
        [
          '单独设置',
          quotas.overrides.length ? (
            <ul className="space-y-0.5">
              {quotas.overrides.map((row) => (
                <li key={row.organizationId}>
                  {orgNames[row.organizationId] ?? '（组织已不在范围内）'}：{row.limit} 个
                </li>
              ))}
            </ul>
          ) : (
            '无'
          ),
        ],
        [
          '各层截止时间',
          quotas.levelDeadlines?.length ? (
            <ul className="space-y-0.5">
              {quotas.levelDeadlines.map((row) => (
                <li key={row.depth}>
                  第 {row.depth} 层：{formatDateTime(fromDateTimeLocal(row.endsAt))}
                </li>
              ))}
            </ul>
          ) : (
            '均到推荐阶段结束'
          ),
        ],
      ]}
    />
  );
}

export function VotingSummary({ voting, isVotingStageEnabled }: { voting: TCampaignSetup['voting']; isVotingStageEnabled: boolean }) {
  if (!isVotingStageEnabled) return <p className="text-sm text-stone-500">本活动不启用网络投票。</p>;
  const voters = [voting.memberVotingEnabled && '党员（登录后投票）', voting.publicVotingEnabled && '公众（经验证后投票）'].filter(Boolean).join('、');
  return (
    <Rows
      rows={[
        ['可投票人', voters],
        ['每人每天', `${voting.votesPerVoterPerDay} 票，同一品牌每天 ${voting.votesPerEntryPerDay} 票`],
        ['每人总票数', voting.votesPerVoterTotal ? `${voting.votesPerVoterTotal} 票` : '不限'],
        ['可投本单位', yesNo(voting.allowVoteForOwnOrg)],
        ['实时公布票数', yesNo(voting.resultsVisibility === 'LIVE')],
      ]}
    />
  );
}

export function WeightsSummary({ weights }: { weights: TCampaignSetup['weights'] }) {
  return (
    <Rows
      rows={[
        ['专家评审', `${weights.expertWeight}%`],
        ['网络投票', `${weights.voteWeight}%`],
      ]}
    />
  );
}
