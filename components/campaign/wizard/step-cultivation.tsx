'use client';

import { useFormContext } from 'react-hook-form';
import { CultivationSummary } from '@/components/campaign/setup-summary';
import { Alert } from '@/components/ui/alert';
import type { TCampaignSetup, TCampaignSetupInput } from '@/lib/campaign/schema';
import { CheckboxField, DateField, NumberField } from './controls';
import type { TStepProps } from './step-props';

/** 培育创建 and 验收认定 (seed 001): when 台帐 is due each month, reminders, the 创建期 end and the acceptance dates. */
export function StepCultivation({ locks }: TStepProps) {
  const { watch } = useFormContext<TCampaignSetupInput>();
  const values = watch() as TCampaignSetup;
  const isCultivating = values.stages.some((stage) => stage.kind === 'CULTIVATION' && stage.isEnabled);
  if (locks.isReadOnly) return <CultivationSummary cultivation={values.cultivation} />;
  return (
    <div className="space-y-5">
      {!isCultivating && <Alert tone="info">“阶段时间”中未启用培育创建，以下设置在启用后生效。</Alert>}
      <section className="space-y-3">
        <h3 className="font-semibold text-stone-900">培育创建</h3>
        <NumberField
          name="cultivation.ledgerDueDay"
          label="台帐每月上报日"
          required
          min={1}
          max={28}
          suffix="日前"
          hint="各品牌每月在该日（北京时间）前上报当月台帐，如“每月25日前上报”"
        />
        <CheckboxField name="cultivation.reminderSms" label="提醒同时发短信" hint="台帐逾期、评审截止等提醒，除站内通知外再向本人手机发送短信" />
        <DateField name="cultivation.cultivationEndsOn" label="创建期结束日期" hint="一般不超过10月上旬；留空则到培育创建阶段结束" />
      </section>
      <section className="space-y-3">
        <h3 className="font-semibold text-stone-900">验收认定</h3>
        <p className="text-sm text-stone-600">成熟一个、验收一个：品牌随时可申请验收，逐个受理。</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <DateField name="cultivation.acceptanceRequestDeadline" label="申请验收截止日期" hint="如10月下旬；留空则到验收认定阶段结束" />
          <DateField name="cultivation.acceptanceCompleteBy" label="验收完成日期" hint="如12月上旬" />
        </div>
      </section>
    </div>
  );
}
