import type { ReactNode } from 'react';
import { requireProgramStage } from '@/lib/campaign/stage-page';

/** 表彰决定: only campaigns whose program holds the stage have these pages. */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requireProgramStage((await params).id, 'ANNOUNCEMENT');
  return children;
}
