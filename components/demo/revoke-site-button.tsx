'use client';

import { useRouter } from 'next/navigation';
import { ReasonDialogButton } from '@/components/ui/reason-dialog-button';
import { revokeDemoSiteAction } from '@/lib/demo-site/actions';

/** 摘牌 of a 示范点, with a written reason in a confirmation dialog. */
export function RevokeSiteButton({ siteId, name }: { siteId: string; name: string }) {
  const router = useRouter();
  return (
    <ReasonDialogButton
      label="摘牌"
      title={`示范点摘牌：${name}`}
      description="摘牌后该示范点不再公开展示，照片随即不公开；检查清单、考评和照片冻结，记录保留。此操作不可撤销。"
      reasonLabel="摘牌理由"
      confirmLabel="确认摘牌"
      onSubmit={(reason) => revokeDemoSiteAction({ siteId, reason })}
      onDone={() => router.refresh()}
    />
  );
}
