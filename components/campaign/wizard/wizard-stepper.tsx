'use client';

type TStepperProps = {
  steps: readonly { label: string }[];
  current: number;
  /** Steps the admin may jump to (visited ones while creating, all while editing). */
  canOpen: (index: number) => boolean;
  hasErrors: (index: number) => boolean;
  onOpen: (index: number) => void;
};

/** Progress through the wizard: the full list on wide screens, "第 2 步 / 共 7 步 · 阶段时间" on phones. */
export function WizardStepper({ steps, current, canOpen, hasErrors, onOpen }: TStepperProps) {
  return (
    <nav aria-label="设置步骤" className="mb-4">
      <div className="sm:hidden">
        <p className="text-sm font-medium text-stone-800">
          第 {current + 1} 步 / 共 {steps.length} 步 · {steps[current].label}
        </p>
        <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-stone-200" aria-hidden>
          <div className="h-full rounded-full bg-brand-700 transition-all" style={{ width: `${((current + 1) / steps.length) * 100}%` }} />
        </div>
      </div>
      <ol className="hidden gap-1 sm:flex">
        {steps.map((step, index) => {
          const state = index === current ? 'current' : index < current ? 'done' : 'todo';
          return (
            <li key={step.label} className="min-w-0 flex-1">
              <button
                type="button"
                onClick={() => onOpen(index)}
                disabled={!canOpen(index) || index === current}
                aria-current={index === current ? 'step' : undefined}
                className={`flex w-full flex-col items-start gap-1 border-t-4 pt-2 text-left text-xs disabled:cursor-default ${
                  state === 'todo' ? 'border-stone-200 text-stone-500' : 'border-brand-700 text-stone-900'
                } ${canOpen(index) && index !== current ? 'hover:text-brand-700' : ''}`}
              >
                <span className={state === 'current' ? 'font-semibold text-brand-700' : ''}>
                  {index + 1}. {step.label}
                </span>
                {hasErrors(index) && <span className="font-medium text-red-700">有错误</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
