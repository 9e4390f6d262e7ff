import { PublicHeader } from '@/components/layout/public-header';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { formatDateTime } from '@/lib/format';
import { lookupReceipt } from '@/lib/voting/service';

export const dynamic = 'force-dynamic';
export const metadata = { title: '查询投票回执' };

export default async function ReceiptPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  const typed = typeof code === 'string' ? code.slice(0, 20) : '';
  const receipt = typed ? await lookupReceipt(typed) : null;
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-md space-y-4 px-4 py-6">
        <h1 className="text-xl font-bold text-stone-900">查询投票回执</h1>
        <p className="text-sm text-stone-600">投票成功后会得到 10 位回执码，凭它可以查询这一票是否计入。</p>
        <form className="flex gap-2" role="search" aria-label="查询回执">
          <label htmlFor="receipt-code" className="sr-only">回执码</label>
          <input id="receipt-code" name="code" defaultValue={typed} placeholder="输入回执码" autoComplete="off" autoCapitalize="characters" className={`${inputClass} font-mono uppercase tracking-widest`} />
          <button type="submit" className={buttonClass('primary')}>查询</button>
        </form>
        {typed && !receipt && <Alert tone="warning">没有找到这个回执码，请检查是否输入正确。</Alert>}
        {receipt && (
          <div className="space-y-1 rounded-lg border border-stone-200 bg-white p-4 text-sm">
            <p className="text-base font-semibold text-stone-900">{receipt.counted ? '这一票已计入' : '这一票已被认定无效，不计入结果'}</p>
            <p>活动：{receipt.campaignTitle}</p>
            <p>品牌：{receipt.brandName}</p>
            <p>投票时间：{formatDateTime(receipt.createdAt)}</p>
            {!receipt.counted && receipt.invalidReason && <p>原因：{receipt.invalidReason}</p>}
          </div>
        )}
      </main>
    </>
  );
}
