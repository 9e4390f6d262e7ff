import type { CultivationStatus } from '@/lib/generated/prisma/enums';

export const CULTIVATION_STATUS_LABELS: Record<CultivationStatus, string> = {
  CULTIVATING: '培育创建中',
  ACCEPTANCE: '验收中',
  RECOGNISED: '已认定',
  ENDED: '已结束',
};
