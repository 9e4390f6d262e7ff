'use client';

import { useFormContext } from 'react-hook-form';
import { LockNotice } from '@/components/campaign/lock-notice';
import { DeclarationFormSummary } from '@/components/campaign/setup-summary';
import type { TCampaignSetup, TCampaignSetupInput } from '@/lib/campaign/schema';
import { switchProgram } from '@/lib/campaign/setup-values';
import { PROGRAM_HINTS, PROGRAM_LABELS } from '@/lib/campaign/templates';
import type { CampaignProgram } from '@/lib/generated/prisma/enums';
import { CheckboxField, NumberField, SelectField, TextAreaField, TextField } from './controls';
import { orgNamesOf, type TStepProps } from './step-props';

const PROGRAMS: CampaignProgram[] = ['SELECTION', 'CREATION'];

/** The template decides the stages and which steps follow; switching it re-plans the stages from the same first day. */
function ProgramChoice({ isEditing }: { isEditing: boolean }) {
  const { watch, getValues, reset } = useFormContext<TCampaignSetupInput>();
  const program = watch('program');
  if (isEditing) {
    return (
      <div className="space-y-1 text-sm">
        <p className="font-medium text-stone-800">活动模板</p>
        <p>
          {PROGRAM_LABELS[program]}
          <span className="block text-xs text-stone-500">{PROGRAM_HINTS[program]}；模板创建后不能更改。</span>
        </p>
      </div>
    );
  }
  function choose(next: CampaignProgram) {
    if (next === getValues('program')) return;
    reset(switchProgram(getValues() as TCampaignSetup, next), { keepDefaultValues: true });
  }
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-stone-800">活动模板</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {PROGRAMS.map((option) => (
          <label
            key={option}
            className={`flex cursor-pointer items-start gap-2 rounded-md border p-3 text-sm ${program === option ? 'border-brand-600 bg-brand-50' : 'border-stone-200 bg-white'}`}
          >
            <input type="radio" name="program" value={option} checked={program === option} onChange={() => choose(option)} className="mt-0.5 size-4 accent-brand-700" />
            <span>
              <span className="font-medium text-stone-900">{PROGRAM_LABELS[option]}</span>
              <span className="block text-xs text-stone-600">{PROGRAM_HINTS[option]}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function StepBasics({ isEditing, locks, orgOptions }: TStepProps) {
  const { watch } = useFormContext<TCampaignSetupInput>();
  const ownerOrgId = watch('ownerOrgId');
  const rootDepth = Math.min(...orgOptions.map((option) => option.depth));
  return (
    <div className="space-y-4">
      <ProgramChoice isEditing={isEditing} />
      <TextField name="title" label="活动名称" required maxLength={60} hint="不超过 60 个字，如“2027年度东城区党建品牌选树”" />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField name="year" label="年度" required min={2000} max={2100} />
        <NumberField name="batch" label="批次" isOptional min={1} max={99} hint="不分批次可留空" />
      </div>
      {isEditing ? (
        <div className="space-y-1 text-sm">
          <p className="font-medium text-stone-800">主办组织</p>
          <p>{orgNamesOf(orgOptions)[ownerOrgId] ?? '—'}</p>
          <p className="text-xs text-stone-500">主办组织创建后不能更改，品牌的层级由它决定。</p>
        </div>
      ) : (
        <SelectField name="ownerOrgId" label="主办组织" required hint="活动在哪一级开展：被表彰品牌的层级由主办组织决定">
          <option value="">请选择</option>
          {orgOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {'　'.repeat(option.depth - rootDepth)}
              {option.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField name="description" label="活动说明" hint="选填，不超过 500 个字，显示在活动首页" />
      <fieldset className="space-y-3 rounded-md border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium text-stone-800">申报表</legend>
        {locks.groups.declarationForm ? (
          <>
            <LockNotice reason={locks.groups.declarationForm} />
            <DeclarationFormSummary setup={watch() as TCampaignSetup} />
          </>
        ) : (
          <>
            <NumberField name="nameMaxLength" label="品牌名称字数上限" required min={5} max={30} suffix="个字" hint="5 至 30 个字，默认 15 个字" />
            <CheckboxField name="allowMultipleApplications" label="允许同一组织申报多个品牌" />
          </>
        )}
      </fieldset>
    </div>
  );
}
