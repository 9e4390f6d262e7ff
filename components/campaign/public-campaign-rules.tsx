import type { ReactNode } from 'react';
import type { TPublicCampaign } from '@/lib/campaign/queries';
import { RUBRIC_TEMPLATES, rubricTotal } from '@/lib/campaign/templates';

// The rules of a campaign as the public reads them: standard, awards, recommendation, voting and weights, worded for
// readers rather than for the staff who set them up (components/campaign/setup-summary.tsx is the staff view).

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-5">
      <h2 id={id} className="text-lg font-semibold text-stone-900">{title}</h2>
      {children}
    </section>
  );
}

function Rows({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-stone-600">{label}</dt>
          <dd className="mb-1 min-w-0 break-words text-stone-900 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RubricRules({ rubric }: { rubric: TPublicCampaign['rubric'] }) {
  if (!rubric?.criteria.length) return null;
  const template = rubric.template === 'CUSTOM' ? null : RUBRIC_TEMPLATES[rubric.template].label.replace('（默认）', '');
  return (
    <Section id="rubric-heading" title="评选标准">
      <p className="text-sm text-stone-700">
        {template ? `按“${template}”标准评审，` : '按以下标准评审，'}共 {rubric.criteria.length} 项，满分 {rubricTotal(rubric.criteria)} 分。
      </p>
      <ol className="space-y-3">
        {rubric.criteria.map((criterion, index) => (
          <li key={criterion.name} className="flex gap-3">
            <span aria-hidden className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-800">{index + 1}</span>
            <div className="min-w-0">
              <p className="break-words font-medium text-stone-900">
                {criterion.name}
                <span className="ml-2 whitespace-nowrap text-sm font-normal text-stone-600">{criterion.maxPoints} 分</span>
              </p>
              {criterion.guidance && <p className="break-words text-sm leading-6 text-stone-600">{criterion.guidance}</p>}
            </div>
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function AwardRules({ awards, fields }: { awards: TPublicCampaign['awards']; fields: TPublicCampaign['fields'] }) {
  if (!awards.length) return null;
  return (
    <Section id="awards-heading" title="奖项设置">
      <ul className="divide-y divide-stone-100 text-sm">
        {awards.map((award) => (
          <li key={award.name} className="flex items-baseline justify-between gap-4 py-2">
            <span className="min-w-0 break-words text-stone-900">{award.name}</span>
            <span className="shrink-0 text-stone-700">{award.count} 个</span>
          </li>
        ))}
      </ul>
      {fields.length > 0 && <p className="text-sm text-stone-600">申报领域：{fields.map((field) => field.name).join('、')}</p>}
    </Section>
  );
}

export function ProcedureRules({ campaign, isVotingEnabled, isOnsiteEnabled }: { campaign: TPublicCampaign; isVotingEnabled: boolean; isOnsiteEnabled: boolean }) {
  const voters = [campaign.memberVotingEnabled && '党员（登录账号后投票）', campaign.publicVotingEnabled && '群众（验证手机号后投票）'].filter(Boolean).join('、');
  return (
    <>
      <Section id="declare-heading" title="申报与推荐">
        <Rows
          rows={[
            ['申报', `基层党组织在线填写申报表，品牌名称不超过 ${campaign.nameMaxLength} 个字${campaign.allowMultipleApplications ? '，同一党组织可申报多个品牌' : '，每个党组织申报 1 个品牌'}。`],
            ['逐级推荐', `上级党(工)委逐级审核推荐，每个推荐单位推荐不超过 ${campaign.defaultQuota} 个${campaign.hasQuotaOverrides ? '（部分单位名额另行确定）' : ''}。`],
            ['资格审查', '主办单位对推荐上来的品牌进行资格审查，通过的品牌列入公开的品牌清单。'],
          ]}
        />
      </Section>
      <Section id="voting-heading" title="网络投票">
        {isVotingEnabled && voters ? (
          <Rows
            rows={[
              ['参与投票', voters],
              ['投票规则', `每人每天可投 ${campaign.votesPerVoterPerDay} 票，同一品牌每天 ${campaign.votesPerEntryPerDay} 票${campaign.votesPerVoterTotal ? `，活动期间每人共 ${campaign.votesPerVoterTotal} 票` : ''}。`],
              ['本单位品牌', campaign.allowVoteForOwnOrg ? '可以投票' : '党员不能为本单位的品牌投票'],
              ['票数公布', campaign.resultsVisibility === 'LIVE' ? '投票期间实时公布各品牌票数' : '投票期间不公布票数，结果随评定结果公布'],
            ]}
          />
        ) : (
          <p className="text-sm text-stone-700">本活动不设网络投票。</p>
        )}
      </Section>
      <Section id="review-heading" title="评审与表彰">
        <Rows
          rows={[
            ['综合得分', isVotingEnabled ? `专家评审占 ${campaign.expertWeight}%，网络投票占 ${campaign.voteWeight}%` : '以专家评审得分为准'],
            ['评定', `${isOnsiteEnabled ? '专家评审、实地核验' : '专家评审'}后，经初评和领导小组审定确定拟表彰名单`],
            ['公示', campaign.publicityEnabled ? '拟表彰名单向社会公示，公示期内可实名提出异议' : '本活动不设公示'],
          ]}
        />
      </Section>
    </>
  );
}

/** 创建认定 (seed 001): 组织申报 → 资格把关 → 培育创建 → 验收认定 → 宣传推广, no vote and no contest. */
export function CreationRules({ campaign }: { campaign: TPublicCampaign }) {
  return (
    <Section id="creation-heading" title="创建程序">
      <Rows
        rows={[
          ['组织申报', `基层党组织在线填写申报表，品牌名称不超过 ${campaign.nameMaxLength} 个字${campaign.allowMultipleApplications ? '，同一党组织可申报多个品牌' : '，每个党组织申报 1 个品牌'}。`],
          ['资格把关', '主办单位对申报进行资格把关，通过的品牌列入公开的品牌清单。'],
          ['培育创建', '列入清单的品牌制定创建方案，按月上报工作台帐。'],
          ['验收认定', '成熟一个、验收一个：品牌申请验收，通过的予以认定。'],
        ]}
      />
    </Section>
  );
}
