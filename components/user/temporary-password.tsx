'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

/** Shows a temporary password once; it is never stored in readable form, so it cannot be shown again. */
export function TemporaryPassword({ loginName, password }: { loginName: string; password: string }) {
  const [isCopied, setIsCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(`登录名：${loginName}\n初始密码：${password}`);
      setIsCopied(true);
    } catch {
      setIsCopied(false);
    }
  }

  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[5rem_1fr] items-center gap-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
        <dt className="text-stone-600">登录名</dt>
        <dd className="font-mono">{loginName}</dd>
        <dt className="text-stone-600">临时密码</dt>
        <dd>
          <output data-testid="temporary-password" className="select-all font-mono text-lg font-semibold tracking-wide text-stone-900">
            {password}
          </output>
        </dd>
      </dl>
      <p className="text-sm text-stone-700">密码只显示这一次，请立即转交本人。对方首次登录时须设置新密码。</p>
      <Button variant="secondary" onClick={copy}>{isCopied ? '已复制' : '复制登录信息'}</Button>
    </div>
  );
}
