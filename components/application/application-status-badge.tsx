import type { ApplicationStatus } from '@/lib/generated/prisma/enums';

const STATUS = {
  DRAFT: { label: '草稿', className: 'bg-stone-100 text-stone-700 ring-stone-200' },
  SUBMITTED: { label: '已提交', className: 'bg-green-50 text-green-800 ring-green-200' },
  RETURNED: { label: '已退回', className: 'bg-amber-50 text-amber-900 ring-amber-200' },
} satisfies Record<ApplicationStatus, { label: string; className: string }>;

export function applicationStatusLabel(status: ApplicationStatus): string {
  return STATUS[status].label;
}

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus | null }) {
  const { label, className } = status ? STATUS[status] : { label: '未填写', className: 'bg-white text-stone-600 ring-stone-300' };
  return <span className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>{label}</span>;
}
