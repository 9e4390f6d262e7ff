'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TNewAccount } from '@/lib/import/service';

/** Initial passwords of the imported accounts, shown once; copied as tab-separated lines that paste into Excel. */
export function NewAccountsTable({ accounts }: { accounts: TNewAccount[] }) {
  const [isCopied, setIsCopied] = useState(false);

  async function copyAll() {
    const lines = ['登录名\t姓名\t初始密码', ...accounts.map((account) => `${account.loginName}\t${account.displayName}\t${account.temporaryPassword}`)];
    try {
      await navigator.clipboard.writeText(lines.join('\n'));
      setIsCopied(true);
    } catch {
      setIsCopied(false);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-stone-800">新账号的初始密码（只显示这一次，请复制保存后转交本人）</p>
        <Button variant="secondary" onClick={copyAll}>{isCopied ? '已复制' : '复制全部'}</Button>
      </div>
      <div className="max-h-96 overflow-auto rounded-md border border-stone-200">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-stone-50 text-xs text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">登录名</th>
              <th scope="col" className="px-3 py-2 font-medium">姓名</th>
              <th scope="col" className="px-3 py-2 font-medium">初始密码</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100 bg-white">
            {accounts.map((account) => (
              <tr key={account.loginName}>
                <td className="break-all px-3 py-2 font-mono text-xs">{account.loginName}</td>
                <td className="px-3 py-2">{account.displayName}</td>
                <td className="select-all whitespace-nowrap px-3 py-2 font-mono">{account.temporaryPassword}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
