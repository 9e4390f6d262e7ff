import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/card';
import { RoleCampaigns } from '@/components/workspace/role-campaigns';
import type { TSessionUser } from '@/lib/auth/session';
import { listCampaignsAbove } from '@/lib/campaign/queries';
import type { Role } from '@/lib/generated/prisma/enums';

type TRoleHomeProps = { user: TSessionUser; role: Role; title: string; description: string; note: string; summary?: ReactNode };

/** Landing page of a role: the campaigns run above the user's organizations, with what the role does there. */
export async function RoleHome({ user, role, title, description, note, summary }: TRoleHomeProps) {
  const grants = user.roles.filter((grant) => grant.role === role);
  const { now, campaigns } = await listCampaignsAbove(grants.map((grant) => grant.organizationPath));
  return (
    <>
      <PageHeader title={title} description={`${grants.map((grant) => grant.organizationName).join('、')} · ${description}`} />
      {summary}
      <RoleCampaigns campaigns={campaigns} now={now} note={note} showVote={role === 'MEMBER'} />
    </>
  );
}
