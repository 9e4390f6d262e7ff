import { BigScreen } from '@/components/bigscreen/big-screen';
import { loadBigScreenPage } from '@/lib/bigscreen/queries';
import { requirePageUser } from '@/lib/http/page';

export const metadata = { title: '大屏' };
export const dynamic = 'force-dynamic';

/** Refresh period of the wall screen. */
const REFRESH_MS = 30_000;

type TProps = { params: Promise<{ id: string }> };

/** The 大屏 of a campaign, for the organizer's staff (outside the workspace layout: no navigation on the wall). */
export default async function BigScreenPage({ params }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { id } = await params;
  const initial = await loadBigScreenPage(user, id);
  return <BigScreen initial={initial} intervalMs={REFRESH_MS} />;
}
