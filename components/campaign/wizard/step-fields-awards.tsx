'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import { LockNotice } from '@/components/campaign/lock-notice';
import { AwardsSummary, FieldsSummary } from '@/components/campaign/setup-summary';
import { Button } from '@/components/ui/button';
import type { TCampaignSetup, TCampaignSetupInput } from '@/lib/campaign/schema';
import { defaultAwards } from '@/lib/campaign/setup-values';
import { AWARD_KIND_LABELS } from '@/lib/campaign/templates';
import { ORG_FIELDS, ORG_FIELD_LABELS } from '@/lib/org-tree/fields';
import { ListError, NumberField, SelectField, TextField, useErrorOf } from './controls';
import type { TStepProps } from './step-props';

function OrgFieldChoices({ index }: { index: number }) {
  const { register } = useFormContext<TCampaignSetupInput>();
  const error = useErrorOf(`fields.${index}.orgFields`);
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs font-medium text-stone-700">对应的组织领域</legend>
      <div className="flex flex-wrap gap-1.5">
        {ORG_FIELDS.map((orgField) => (
          <label key={orgField} className="flex items-center gap-1 rounded border border-stone-300 bg-white px-2 py-1 text-xs has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="checkbox" value={orgField} className="size-3.5 accent-brand-700" {...register(`fields.${index}.orgFields`)} />
            {ORG_FIELD_LABELS[orgField]}
          </label>
        ))}
      </div>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}

function FieldsEditor() {
  const { control } = useFormContext<TCampaignSetupInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'fields' });
  return (
    <div className="space-y-2">
      <ListError name="fields" />
      <ul className="space-y-2">
        {fields.map((row, index) => (
          <li key={row.id} className="grid grid-cols-[1fr_auto] items-end gap-2 rounded-md border border-stone-200 p-3 lg:grid-cols-[14rem_1fr_auto] lg:items-start">
            <TextField name={`fields.${index}.name`} label={`领域 ${index + 1} 名称`} required maxLength={20} />
            <div className="col-span-2 lg:order-2 lg:col-span-1">
              <OrgFieldChoices index={index} />
            </div>
            <Button variant="ghost" className="row-start-1 lg:order-3 lg:row-auto lg:mt-6" onClick={() => remove(index)} aria-label={`删除领域 ${index + 1}`}>
              删除
            </Button>
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={() => append({ name: '', orgFields: [] })}>
        + 添加领域
      </Button>
    </div>
  );
}

function AwardsEditor() {
  const { control, watch, getValues } = useFormContext<TCampaignSetupInput>();
  const { fields: rows, append, remove, replace } = useFieldArray({ control, name: 'awards' });
  const fieldNames = watch('fields').map((field) => field.name.trim()).filter(Boolean);

  function generatePerFieldAwards() {
    const kept = getValues('awards').filter((award) => award.kind !== 'BEST_IN_FIELD');
    replace([...kept, ...defaultAwards(fieldNames).filter((award) => award.kind === 'BEST_IN_FIELD')]);
  }

  return (
    <div className="space-y-2">
      <ListError name="awards" />
      <ul className="space-y-2">
        {rows.map((row, index) => (
          <li key={row.id} className="grid grid-cols-2 gap-2 rounded-md border border-stone-200 p-3 lg:grid-cols-[8rem_1fr_7rem_10rem_auto] lg:items-start">
            <div className="col-span-2 lg:order-2 lg:col-span-1">
              <TextField name={`awards.${index}.name`} label={`奖项 ${index + 1} 名称`} required maxLength={40} />
            </div>
            <div className="lg:order-1">
              <SelectField name={`awards.${index}.kind`} label="类别">
                {Object.entries(AWARD_KIND_LABELS).map(([kind, label]) => (
                  <option key={kind} value={kind}>
                    {label}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="lg:order-3">
              <NumberField name={`awards.${index}.count`} label="数量" required min={1} max={500} />
            </div>
            <div className="lg:order-4">
              <SelectField name={`awards.${index}.fieldName`} label="对应领域" isNullable>
                <option value="">不限领域</option>
                {fieldNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </SelectField>
            </div>
            <Button variant="ghost" className="self-end lg:order-5 lg:mt-6 lg:self-start" onClick={() => remove(index)} aria-label={`删除奖项 ${index + 1}`}>
              删除
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => append({ kind: 'CUSTOM', name: '', count: 1, fieldName: null })}>
          + 添加奖项
        </Button>
        <Button variant="secondary" onClick={generatePerFieldAwards}>
          按领域重新生成“最佳领域”奖项
        </Button>
      </div>
    </div>
  );
}

export function StepFieldsAwards({ locks }: TStepProps) {
  const { watch } = useFormContext<TCampaignSetupInput>();
  const values = watch() as TCampaignSetup;
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h3 className="font-semibold text-stone-900">领域</h3>
        <p className="text-sm text-stone-600">申报时按领域分组；每个领域对应一个或多个组织领域。</p>
        {locks.groups.fields ? (
          <>
            <LockNotice reason={locks.groups.fields} />
            <FieldsSummary fields={values.fields} />
          </>
        ) : (
          <FieldsEditor />
        )}
      </section>
      {values.program === 'SELECTION' && <section className="space-y-2">
        <h3 className="font-semibold text-stone-900">奖项</h3>
        <p className="text-sm text-stone-600">“最佳领域”类奖项每个领域一个，需选择对应领域。</p>
        {locks.groups.awards ? (
          <>
            <LockNotice reason={locks.groups.awards} />
            <AwardsSummary awards={values.awards} />
          </>
        ) : (
          <AwardsEditor />
        )}
      </section>}
    </div>
  );
}
