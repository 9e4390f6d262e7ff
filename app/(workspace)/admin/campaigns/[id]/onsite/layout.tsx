import type { ReactNode } from 'react';
import { requireProgramStage } from '@/lib/campaign/stage-page';

/** 实地核验: only campaigns whose program holds the stage have these pages. */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requireProgramStage((await params).id, 'ONSITE_CHECK');
  return children;
}
