'use client';

import { useState } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { LockNotice } from '@/components/campaign/lock-notice';
import { ReviewSummary, RubricSummary } from '@/components/campaign/setup-summary';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { inputClass } from '@/components/ui/field';
import type { TCampaignSetup, TCampaignSetupInput } from '@/lib/campaign/schema';
import { RUBRIC_TEMPLATES, rubricTotal } from '@/lib/campaign/templates';
import { AGGREGATION_LABELS } from '@/lib/review/aggregate';
import { CheckboxField, ListError, NumberField, SelectField, TextAreaField, TextField } from './controls';
import type { TStepProps } from './step-props';

type TTemplateKey = keyof typeof RUBRIC_TEMPLATES;

function CriteriaEditor() {
  const { control, watch, setValue } = useFormContext<TCampaignSetupInput>();
  const { fields: rows, append, remove, move, replace } = useFieldArray({ control, name: 'rubric.criteria' });
  const [pendingTemplate, setPendingTemplate] = useState<TTemplateKey | null>(null);
  const criteria = watch('rubric.criteria');
  const total = rubricTotal(criteria.map((criterion) => ({ maxPoints: Number.isFinite(criterion.maxPoints) ? criterion.maxPoints : 0 })));

  function applyTemplate(template: TTemplateKey) {
    setValue('rubric.template', template, { shouldDirty: true });
    replace(RUBRIC_TEMPLATES[template].criteria.map((criterion) => ({ ...criterion })));
    setPendingTemplate(null);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="setup-rubric-template" className="block text-sm font-medium text-stone-800">
            评分模板
          </label>
          <select
            id="setup-rubric-template"
            className={inputClass}
            value={watch('rubric.template')}
            onChange={(event) => {
              const value = event.target.value as TTemplateKey | 'CUSTOM';
              if (value === 'CUSTOM') setValue('rubric.template', 'CUSTOM', { shouldDirty: true });
              else setPendingTemplate(value);
            }}
          >
            {(Object.keys(RUBRIC_TEMPLATES) as TTemplateKey[]).map((key) => (
              <option key={key} value={key}>
                {RUBRIC_TEMPLATES[key].label}
              </option>
            ))}
            <option value="CUSTOM">自定义</option>
          </select>
        </div>
        <p className="pb-2 text-sm text-stone-700" aria-live="polite">
          共 {criteria.length} 项，总分 <strong className="text-lg text-brand-700">{total}</strong> 分
        </p>
      </div>
      <ListError name="rubric.criteria" />
      <ol className="space-y-2">
        {rows.map((row, index) => (
          <li key={row.id} className="space-y-2 rounded-md border border-stone-200 p-3">
            <div className="grid gap-2 sm:grid-cols-[1fr_8rem]">
              <TextField name={`rubric.criteria.${index}.name`} label={`第 ${index + 1} 项`} required maxLength={60} />
              <NumberField name={`rubric.criteria.${index}.maxPoints`} label="满分" required min={1} max={100} suffix="分" />
            </div>
            <TextAreaField name={`rubric.criteria.${index}.guidance`} label="评分说明" rows={2} />
            <div className="flex flex-wrap gap-1">
              <Button variant="ghost" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`上移第 ${index + 1} 项`}>
                ↑ 上移
              </Button>
              <Button variant="ghost" disabled={index === rows.length - 1} onClick={() => move(index, index + 1)} aria-label={`下移第 ${index + 1} 项`}>
                ↓ 下移
              </Button>
              <Button variant="ghost" onClick={() => remove(index)} aria-label={`删除第 ${index + 1} 项`}>
                删除
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button variant="secondary" onClick={() => append({ name: '', maxPoints: 10, guidance: '' })}>
        + 添加评分项
      </Button>
      <ConfirmDialog
        open={pendingTemplate !== null}
        title="套用评分模板？"
        confirmLabel="套用模板"
        tone="primary"
        onConfirm={() => pendingTemplate && applyTemplate(pendingTemplate)}
        onCancel={() => setPendingTemplate(null)}
      >
        <p>将用“{pendingTemplate ? RUBRIC_TEMPLATES[pendingTemplate].label : ''}”替换当前的全部评分项，已做的修改不会保留。</p>
      </ConfirmDialog>
    </div>
  );
}

/** 评审规则: how many experts, blind or not, when a comment is due, how scores combine, when to call 复议. */
function ReviewRulesFields() {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <NumberField name="review.expertsPerEntry" label="每个品牌的评审专家" required min={1} max={20} suffix="位" hint="自动分配时每个品牌分配的专家人数，默认 5 位" />
      <NumberField name="review.reviewCapPerExpert" label="每位专家最多评审" isOptional min={1} max={500} suffix="个品牌" hint="留空表示按专家人数自动均衡" />
      <NumberField name="review.commentBelowPercent" label="需写评语的分数线" required min={0} max={100} suffix="% 满分" hint="单项得分低于满分的这个比例时，专家必须写评语" />
      <NumberField name="review.disputeSpread" label="提示复议的分差" isOptional min={0} max={1000} suffix="分" hint="同一品牌专家总分的最高与最低之差超过此值时提示复议；留空不提示" />
      <SelectField name="review.scoreAggregation" label="专家评分计算方式">
        {(Object.keys(AGGREGATION_LABELS) as (keyof typeof AGGREGATION_LABELS)[]).map((key) => (
          <option key={key} value={key}>
            {AGGREGATION_LABELS[key]}
          </option>
        ))}
      </SelectField>
      <CheckboxField name="review.blindReview" label="匿名评审" hint="专家看不到申报单位名称和书记姓名" />
    </div>
  );
}

export function StepRubric({ locks }: TStepProps) {
  const { watch } = useFormContext<TCampaignSetupInput>();
  return (
    <div className="space-y-5">
      <RubricSection locks={locks} />
      <section className="space-y-3 border-t border-stone-200 pt-4">
        <h3 className="text-base font-semibold text-stone-900">评审规则</h3>
        {locks.groups.review ? (
          <>
            <LockNotice reason={locks.groups.review} />
            <ReviewSummary review={(watch() as TCampaignSetup).review} />
          </>
        ) : (
          <ReviewRulesFields />
        )}
      </section>
    </div>
  );
}

function RubricSection({ locks }: Pick<TStepProps, 'locks'>) {
  const { watch } = useFormContext<TCampaignSetupInput>();
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-600">专家按这些评分项打分，申报单位按它们自评。默认采用“四有一好”标准，每项 20 分，可增删、调整顺序和分值。</p>
      {locks.groups.rubric ? (
        <>
          <LockNotice reason={locks.groups.rubric} />
          <RubricSummary rubric={(watch() as TCampaignSetup).rubric} />
        </>
      ) : (
        <CriteriaEditor />
      )}
    </div>
  );
}
