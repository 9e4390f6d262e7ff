import { Badge } from '@/components/ui/badge';
import type { ObjectionOutcome, ObjectionStatus } from '@/lib/generated/prisma/enums';
import { OBJECTION_OUTCOME_LABELS, OBJECTION_STATUS_LABELS } from '@/lib/objections/status';

const TONES: Record<ObjectionStatus, 'warning' | 'info' | 'success' | 'muted'> = {
  RECEIVED: 'warning',
  ACCEPTED: 'info',
  INVESTIGATING: 'info',
  ANSWERED: 'success',
  DECLINED: 'muted',
};

export function ObjectionStatusBadge({ status }: { status: ObjectionStatus }) {
  return <Badge tone={TONES[status]}>{OBJECTION_STATUS_LABELS[status]}</Badge>;
}

export function ObjectionOutcomeBadge({ outcome }: { outcome: ObjectionOutcome }) {
  return <Badge tone={outcome === 'UPHELD' ? 'warning' : 'neutral'}>{OBJECTION_OUTCOME_LABELS[outcome]}</Badge>;
}
