'use client';

import { Controller, get, useFieldArray, useFormContext } from 'react-hook-form';
import { LockNotice } from '@/components/campaign/lock-notice';
import { QuotasSummary } from '@/components/campaign/setup-summary';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { isRecommendingDepth } from '@/lib/campaign/quota';
import type { TCampaignSetup, TCampaignSetupInput } from '@/lib/campaign/schema';
import { formatDateTime, fromDateTimeLocal } from '@/lib/format';
import { ListError, NumberField, SelectField } from './controls';
import { orgNamesOf, type TStepProps } from './step-props';

export function StepQuotas({ locks, orgOptions }: TStepProps) {
  const { control, watch, getValues, setValue } = useFormContext<TCampaignSetupInput>();
  const { fields: rows, append, remove } = useFieldArray({ control, name: 'quotas.overrides' });
  const owner = orgOptions.find((option) => option.id === watch('ownerOrgId'));
  const below = owner ? orgOptions.filter((option) => option.id !== owner.id && option.path.startsWith(owner.path)) : [];
  const depths = [...new Set(below.map((option) => option.depth))].sort((a, b) => a - b);

  const recommendingDepths = watch('quotas.recommendingDepths');
  const deadlineDepths = recommendingDepths.length ? recommendingDepths : depths;
  const deadlines = (
    <LevelDeadlines depths={deadlineDepths} examplesOf={(depth) => below.filter((option) => option.depth === depth).map((option) => option.name)} locks={locks} />
  );

  if (locks.groups.quotas) {
    return (
      <div className="space-y-5">
        <div className="space-y-3">
          <LockNotice reason={locks.groups.quotas} />
          <QuotasSummary quotas={(watch() as TCampaignSetup).quotas} orgNames={orgNamesOf(orgOptions)} />
        </div>
        {deadlines}
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <NumberField name="quotas.defaultQuota" label="默认推荐名额" required min={0} max={50} suffix="个 / 每个推荐单位" hint="每个党(工)委向上推荐的申报数量上限，0 至 50，默认 5 个" />
      <Controller
        control={control}
        name="quotas.recommendingDepths"
        render={({ field }) => (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-stone-800">哪些层级的组织负责推荐</legend>
            <p className="text-xs text-stone-500">都不选表示主办组织以下各层党(工)委都可推荐。</p>
            {depths.length === 0 && <p className="text-sm text-stone-500">主办组织下没有可推荐的下级党(工)委。</p>}
            {depths.map((depth) => {
              const examples = below.filter((option) => option.depth === depth).map((option) => option.name);
              const isChecked = field.value.includes(depth);
              return (
                <label key={depth} className="flex min-h-10 items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 accent-brand-700"
                    checked={isChecked}
                    onChange={() => {
                      const next = isChecked ? field.value.filter((value) => value !== depth) : [...field.value, depth].sort((a, b) => a - b);
                      field.onChange(next);
                      // A level that no longer recommends has no deadline.
                      const kept = (getValues('quotas.levelDeadlines') ?? []).filter((row) => isRecommendingDepth(next, row.depth));
                      setValue('quotas.levelDeadlines', kept, { shouldDirty: true });
                    }}
                  />
                  <span>
                    组织树第 {depth} 层
                    <span className="block text-xs text-stone-500">
                      如：{examples.slice(0, 4).join('、')}
                      {examples.length > 4 ? ` 等 ${examples.length} 个` : ''}
                    </span>
                  </span>
                </label>
              );
            })}
          </fieldset>
        )}
      />
      <section className="space-y-2">
        <h3 className="text-sm font-medium text-stone-800">单独设置名额</h3>
        <p className="text-xs text-stone-500">个别推荐单位的名额与默认不同时在此设置，只能选择主办组织的下级组织。</p>
        <ListError name="quotas.overrides" />
        <ul className="space-y-2">
          {rows.map((row, index) => (
            <li key={row.id} className="grid gap-2 rounded-md border border-stone-200 p-3 sm:grid-cols-[1fr_9rem_auto] sm:items-start">
              <SelectField name={`quotas.overrides.${index}.organizationId`} label={`推荐单位 ${index + 1}`} required>
                <option value="">请选择</option>
                {below.map((option) => (
                  <option key={option.id} value={option.id}>
                    {'　'.repeat(Math.max(0, option.depth - (owner?.depth ?? 0) - 1))}
                    {option.name}
                  </option>
                ))}
              </SelectField>
              <NumberField name={`quotas.overrides.${index}.limit`} label="名额" required min={0} max={50} suffix="个" />
              <Button variant="ghost" className="sm:mt-6" onClick={() => remove(index)} aria-label={`删除推荐单位 ${index + 1}`}>
                删除
              </Button>
            </li>
          ))}
        </ul>
        <Button variant="secondary" disabled={!below.length} onClick={() => append({ organizationId: '', limit: watch('quotas.defaultQuota') || 0 })}>
          + 单独设置一个单位
        </Button>
      </section>
      {deadlines}
    </div>
  );
}

/**
 * 各层推荐截止时间: a level may have to finish before the stage ends (e.g. 党(工)委 by 9月10日 so the 区委 has ten days).
 * Times, not rules: they stay editable while recommendation runs, except a deadline that has passed.
 */
function LevelDeadlines({ depths, examplesOf, locks }: { depths: number[]; examplesOf: (depth: number) => string[]; locks: TStepProps['locks'] }) {
  const { control, watch, formState } = useFormContext<TCampaignSetupInput>();
  const stage = watch('stages').find((candidate) => candidate.kind === 'RECOMMENDATION');
  if (!depths.length || !stage?.isEnabled) return null;
  return (
    <Controller
      control={control}
      name="quotas.levelDeadlines"
      render={({ field }) => {
        const rows = field.value ?? [];
        const setDeadline = (depth: number, endsAt: string) =>
          field.onChange([...rows.filter((row) => row.depth !== depth), ...(endsAt ? [{ depth, endsAt }] : [])].sort((a, b) => a.depth - b.depth));
        return (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-stone-800">各层推荐截止时间</legend>
            <p className="text-xs text-stone-500">
              推荐阶段为 {formatDateTime(fromDateTimeLocal(stage.startsAt))} 至 {formatDateTime(fromDateTimeLocal(stage.endsAt))}。不填表示该层到推荐阶段结束为止；下级的截止时间应早于上级，给上级留出推荐时间。
            </p>
            <ul className="space-y-2">
              {depths.map((depth) => {
                const index = rows.findIndex((row) => row.depth === depth);
                const id = `setup-level-deadline-${depth}`;
                const error: string | undefined = index >= 0 ? (get(formState.errors, `quotas.levelDeadlines.${index}.endsAt`) as { message?: string } | undefined)?.message : undefined;
                const isClosed = locks.closedLevels?.includes(depth) ?? false;
                const examples = examplesOf(depth);
                return (
                  <li key={depth} className="grid gap-1 rounded-md border border-stone-200 p-3 sm:grid-cols-[1fr_16rem] sm:items-center sm:gap-3">
                    <label htmlFor={id} className="text-sm text-stone-700">
                      组织树第 {depth} 层截止
                      {examples.length > 0 && <span className="block text-xs text-stone-500">如：{examples.slice(0, 3).join('、')}{examples.length > 3 ? ' 等' : ''}</span>}
                    </label>
                    <div className="space-y-1">
                      <input
                        id={id}
                        type="datetime-local"
                        value={index >= 0 ? rows[index].endsAt : ''}
                        readOnly={isClosed || locks.isReadOnly}
                        onChange={(event) => setDeadline(depth, event.target.value)}
                        className={`${inputClass} ${isClosed ? 'bg-stone-100 text-stone-600' : ''}`}
                        aria-invalid={!!error || undefined}
                        aria-describedby={`${id}-note`}
                      />
                      <p id={`${id}-note`} role={error ? 'alert' : undefined} className={`text-xs ${error ? 'text-red-700' : 'text-stone-500'}`}>
                        {error ?? (isClosed ? '本层推荐已截止，不能再修改' : index >= 0 ? '' : '未设置：到推荐阶段结束')}
                      </p>
                    </div>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      }}
    />
  );
}
