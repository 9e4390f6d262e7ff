// Notices about one entry (申报) to its branch: the secretaries whose role covers the declaring organization, i.e.
// those who can revise and resubmit it. The link opens the declaration form.
import type { TTx } from '@/lib/db';
import type { TNotificationKind } from '@/lib/notifications/kinds';
import { usersCovering } from '@/lib/notifications/recipients';
import { notify } from '@/lib/notifications/service';

export type TEntryFacts = { brand: string; campaignTitle: string };

export async function notifyEntryBranch(
  tx: TTx,
  applicationId: string,
  notice: { kind: TNotificationKind; title: (entry: TEntryFacts) => string; body?: string },
): Promise<string[]> {
  const entry = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { brandName: true, campaignId: true, campaign: { select: { title: true } }, organization: { select: { path: true } } },
  });
  const recipients = await usersCovering(tx, ['BRANCH_SECRETARY'], entry.organization.path);
  return notify(tx, recipients, {
    kind: notice.kind,
    title: notice.title({ brand: entry.brandName || '申报表', campaignTitle: entry.campaign.title }),
    body: notice.body,
    link: `/declare/${applicationId}`,
    campaignId: entry.campaignId,
  });
}
