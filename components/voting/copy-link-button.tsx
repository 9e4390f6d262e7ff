'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Copies the share link; in browsers without clipboard access (some in-app browsers) it says to long-press instead. */
export function CopyLinkButton({ url }: { url: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="flex items-center gap-3">
      <Button
        variant="secondary"
        onClick={() =>
          (navigator.clipboard?.writeText(url) ?? Promise.reject(new Error('no clipboard')))
            .then(() => setState('copied'))
            .catch(() => setState('failed'))
        }
      >
        复制链接
      </Button>
      <span role="status" className="text-sm text-stone-600">
        {state === 'copied' ? '已复制，可粘贴发送给好友' : state === 'failed' ? '无法自动复制，请长按上方链接复制' : ''}
      </span>
    </div>
  );
}
