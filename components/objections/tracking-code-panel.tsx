'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';

/** After filing: the 查询码, large and copyable, and the page that follows the objection. */
export function TrackingCodePanel({ code }: { code: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    const ok = await navigator.clipboard?.writeText(code).then(() => true, () => false);
    setCopied(Boolean(ok));
  }

  return (
    <div className="space-y-4 text-center" data-testid="objection-filed">
      <h2 className="text-lg font-semibold text-green-800">异议已提交</h2>
      <p className="text-sm text-stone-700">请记下查询码，凭查询码查看受理、调查和答复情况。查询码只显示这一次。</p>
      <p className="rounded-lg border-2 border-dashed border-brand-600 bg-brand-50 px-3 py-4 font-mono text-2xl font-bold tracking-[0.2em] text-brand-800 break-all" aria-label={`查询码 ${code.split('').join(' ')}`} data-testid="tracking-code">
        {code}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:justify-center">
        <Button variant="secondary" onClick={() => void copy()}>
          复制查询码
        </Button>
        <Link href={`/objections/${code}`} className={buttonClass('primary')}>
          查看办理进度
        </Link>
      </div>
      <p role="status" className="text-sm text-stone-600">
        {copied === true ? '已复制到剪贴板' : copied === false ? '无法自动复制，请手动抄写查询码' : ''}
      </p>
    </div>
  );
}
