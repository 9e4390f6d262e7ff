'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { FormProvider, get, useForm, type FieldErrors } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { createCampaignAction, updateCampaignAction } from '@/lib/campaign/actions';
import { SETUP_STEP_SCHEMAS, setupStepsOf, ZCampaignSetup, type TCampaignSetup, type TCampaignSetupInput, type TSetupStep } from '@/lib/campaign/schema';
import type { CampaignProgram } from '@/lib/generated/prisma/enums';
import type { TSetupPath } from './controls';
import { StepBasics } from './step-basics';
import { StepCultivation } from './step-cultivation';
import { StepFieldsAwards } from './step-fields-awards';
import type { TStepProps } from './step-props';
import { StepQuotas } from './step-quotas';
import { StepReview } from './step-review';
import { StepRubric } from './step-rubric';
import { StepStages } from './step-stages';
import { StepVoting } from './step-voting';
import { WizardStepper } from './wizard-stepper';

type TStep = { key: TSetupStep | 'review'; label: string; fields: TSetupPath[]; Body?: (props: TStepProps) => React.ReactNode };

const STEP_BODIES: Record<TSetupStep, { label: string; Body: (props: TStepProps) => React.ReactNode }> = {
  basics: { label: '基本信息', Body: StepBasics },
  stages: { label: '阶段时间', Body: StepStages },
  fieldsAwards: { label: '领域与奖项', Body: StepFieldsAwards },
  rubric: { label: '评分标准', Body: StepRubric },
  quotas: { label: '推荐名额', Body: StepQuotas },
  voting: { label: '投票设置', Body: StepVoting },
  cultivation: { label: '培育与验收', Body: StepCultivation },
};

/**
 * The program's steps (创建认定 hides recommendation, review, awards and vote), each validating the fields of its schema
 * in SETUP_STEP_SCHEMAS; the last one reviews them all.
 */
function stepsOf(program: CampaignProgram, isCultivating: boolean): TStep[] {
  return [
    ...setupStepsOf(program, isCultivating).map((key) => ({
      key,
      label: key === 'fieldsAwards' && program === 'CREATION' ? '申报领域' : STEP_BODIES[key].label,
      fields: Object.keys(SETUP_STEP_SCHEMAS[key].shape) as TSetupPath[],
      Body: STEP_BODIES[key].Body,
    })),
    { key: 'review', label: '确认', fields: [] },
  ];
}

type TWizardProps = Omit<TStepProps, 'isEditing'> & {
  defaultValues: TCampaignSetup;
  /** Set when editing an existing campaign. */
  campaignId?: string;
  initialStep?: number;
};

/**
 * One react-hook-form over every step, validated by the schema the server action uses. "下一步" checks
 * only the current step; on submit, errors from the client or the server take the admin to their step.
 */
export function CampaignWizard({ defaultValues, campaignId, initialStep = 0, locks, orgOptions }: TWizardProps) {
  const router = useRouter();
  const isEditing = !!campaignId;
  const methods = useForm<TCampaignSetupInput, unknown, TCampaignSetup>({ resolver: zodResolver(ZCampaignSetup), defaultValues, mode: 'onTouched' });
  const program = methods.watch('program');
  const isCultivating = methods.watch('stages').some((stage) => stage.kind === 'CULTIVATION' && stage.isEnabled);
  const steps = useMemo(() => stepsOf(program, isCultivating), [program, isCultivating]);
  const LAST = steps.length - 1;
  const [step, setStep] = useState(Math.min(Math.max(initialStep, 0), LAST));
  const [furthest, setFurthest] = useState(isEditing ? LAST : 0);
  const [formError, setFormError] = useState<string | null>(null);
  const [isPublishing, setIsPublishing] = useState(false);
  const topRef = useRef<HTMLDivElement>(null);
  const errors = methods.formState.errors;

  function goTo(index: number) {
    setStep(index);
    setFurthest((value) => Math.max(value, index));
    topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  async function next() {
    if (await methods.trigger(steps[step].fields, { shouldFocus: true })) goTo(step + 1);
  }

  /** The step that shows a field path such as "stages.1.startsAt"; unknown paths land on the last step. */
  function stepOf(path: string): number {
    const head = path.split('.')[0];
    const index = steps.findIndex((candidate) => candidate.fields.some((field) => field === head));
    return index < 0 ? LAST : index;
  }

  function jumpToFirstError(paths: string[]) {
    if (paths.length) goTo(Math.min(...paths.map(stepOf)));
  }

  async function save(values: TCampaignSetup) {
    setFormError(null);
    const result = campaignId ? await updateCampaignAction(campaignId, values) : await createCampaignAction(values, { publish: isPublishing });
    if (result.ok) {
      const id = campaignId ?? (result.data as { id: string }).id;
      router.push(`/admin/campaigns/${id}?${isEditing ? 'saved' : 'created'}=1`);
      return;
    }
    setFormError(result.message);
    const fieldErrors = Object.entries(result.fieldErrors ?? {});
    for (const [path, message] of fieldErrors) methods.setError(path as TSetupPath, { type: 'server', message });
    jumpToFirstError(fieldErrors.map(([path]) => path));
  }

  function onInvalid(invalid: FieldErrors<TCampaignSetupInput>) {
    setFormError('还有内容需要修改，请查看标出的字段');
    jumpToFirstError(Object.keys(invalid));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Enter inside an earlier step means "下一步", never "创建".
    if (step < LAST) {
      event.preventDefault();
      void next();
      return;
    }
    void methods.handleSubmit(save, onInvalid)(event);
  }

  const Body = steps[step].Body;
  const stepProps: TStepProps = { isEditing, locks, orgOptions };
  return (
    <FormProvider {...methods}>
      <div ref={topRef} className="scroll-mt-4" />
      <WizardStepper
        steps={steps}
        current={step}
        canOpen={(index) => index <= furthest}
        hasErrors={(index) => steps[index].fields.some((field) => get(errors, field))}
        onOpen={goTo}
      />
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {formError && <Alert tone="error">{formError}</Alert>}
        <Card title={`${step + 1}. ${steps[step].label}`}>
          {Body ? (
            <Body {...stepProps} />
          ) : (
            <StepReview
              {...stepProps}
              steps={steps.slice(0, LAST).map((candidate) => candidate.key as TSetupStep)}
              onEdit={goTo}
              publishControl={
                !isEditing && (
                  <label className="flex items-start gap-2 rounded-md border border-stone-200 bg-stone-50 p-3 text-sm">
                    <input type="checkbox" className="mt-0.5 size-4 accent-brand-700" checked={isPublishing} onChange={(event) => setIsPublishing(event.target.checked)} />
                    <span>
                      创建后立即发布
                      <span className="block text-xs text-stone-500">发布后各级组织即可看到本活动，阶段按时间自动开始；阶段开始后，受其约束的规则将被锁定。不勾选则保存为草稿。</span>
                    </span>
                  </label>
                )
              }
            />
          )}
        </Card>
        <div className="flex items-center justify-between gap-2">
          <Button variant="secondary" onClick={() => goTo(step - 1)} disabled={step === 0}>
            上一步
          </Button>
          {step < LAST ? (
            <Button type="submit">下一步</Button>
          ) : (
            <Button type="submit" isLoading={methods.formState.isSubmitting}>
              {isEditing ? '保存修改' : '创建'}
            </Button>
          )}
        </div>
      </form>
    </FormProvider>
  );
}
