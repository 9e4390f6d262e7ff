// The dashboard block of a staff home page: the picker, then the charts, or an empty state.
import { EmptyState } from '@/components/ui/card';
import { DashboardPicker } from '@/components/dashboard/campaign-picker';
import { StaffDashboard } from '@/components/dashboard/staff-dashboard';
import type { TAudience } from '@/lib/dashboard/links';
import type { TDashboardScope } from '@/lib/dashboard/scope';
import type { TStaffDashboard } from '@/lib/dashboard/types';

export function DashboardSection({ scope, board, audience, basePath }: { scope: TDashboardScope; board: TStaffDashboard | null; audience: TAudience; basePath: string }) {
  return (
    <section aria-labelledby="dashboard-title" className="mb-6">
      <h2 id="dashboard-title" className="mb-2 text-lg font-semibold text-stone-900">
        {board ? `评选概况 · ${board.campaign.title}` : '评选概况'}
      </h2>
      <DashboardPicker scope={scope} basePath={basePath} />
      {board ? <StaffDashboard board={board} audience={audience} /> : <EmptyState title="还没有进行中或已结束的评选活动">活动发布后，这里显示各环节的进度。</EmptyState>}
    </section>
  );
}
