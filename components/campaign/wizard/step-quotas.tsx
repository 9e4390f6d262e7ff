'use client';

import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { LockNotice } from '@/components/campaign/lock-notice';
import { QuotasSummary } from '@/components/campaign/setup-summary';
import { Button } from '@/components/ui/button';
import type { TCampaignSetup, TCampaignSetupInput } from '@/lib/campaign/schema';
import { ListError, NumberField, SelectField } from './controls';
import { orgNamesOf, type TStepProps } from './step-props';

export function StepQuotas({ locks, orgOptions }: TStepProps) {
  const { control, watch } = useFormContext<TCampaignSetupInput>();
  const { fields: rows, append, remove } = useFieldArray({ control, name: 'quotas.overrides' });
  const owner = orgOptions.find((option) => option.id === watch('ownerOrgId'));
  const below = owner ? orgOptions.filter((option) => option.id !== owner.id && option.path.startsWith(owner.path)) : [];
  const depths = [...new Set(below.map((option) => option.depth))].sort((a, b) => a - b);

  if (locks.groups.quotas) {
    return (
      <div className="space-y-3">
        <LockNotice reason={locks.groups.quotas} />
        <QuotasSummary quotas={(watch() as TCampaignSetup).quotas} orgNames={orgNamesOf(orgOptions)} />
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
                    onChange={() => field.onChange(isChecked ? field.value.filter((value) => value !== depth) : [...field.value, depth].sort((a, b) => a - b))}
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
    </div>
  );
}
