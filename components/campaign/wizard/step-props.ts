import type { TCampaignOrgOption } from '@/lib/campaign/admin-queries';
import type { TSetupLocks } from '@/lib/campaign/setup-locks';

export type TStepProps = {
  isEditing: boolean;
  locks: TSetupLocks;
  orgOptions: TCampaignOrgOption[];
};

export function orgNamesOf(options: readonly TCampaignOrgOption[]): Record<string, string> {
  return Object.fromEntries(options.map((option) => [option.id, option.name]));
}
