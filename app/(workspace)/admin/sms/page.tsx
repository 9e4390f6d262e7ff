import { redirect } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { requirePageUser } from '@/lib/http/page';
import { env } from '@/lib/env';
import { formatDateTime, queryString } from '@/lib/format';
import { canReadSms, listSmsMessages } from '@/lib/sms/queries';

export const metadata = { title: '短信记录' };

export default async function SmsMessagesPage({ searchParams }: { searchParams: Promise<{ phone?: string; page?: string }> }) {
  const user = await requirePageUser(['ORG_ADMIN']);
  if (!canReadSms(user)) redirect('/forbidden');
  const raw = await searchParams;
  const phone = typeof raw.phone === 'string' ? raw.phone.replace(/\D/g, '').slice(0, 11) : '';
  const page = Math.max(1, Number.parseInt(raw.page ?? '1', 10) || 1);
  const { rows, total, pageCount } = await listSmsMessages({ phone: phone || undefined, page });
  const isDev = env().SMS_DRIVER === 'dev';
  return (
    <>
      <PageHeader
        title="短信记录"
        description={
          isDev
            ? '当前使用开发环境短信通道：短信不会真正发出，内容（含验证码）记录在这里，仅供演示和测试。'
            : '当前通过短信服务商发送；为保护验证码，这里只记录发送结果，不保存短信内容。'
        }
      />
      <form className="flex flex-wrap gap-2" role="search" aria-label="按手机号查找">
        <label htmlFor="sms-phone" className="sr-only">手机号</label>
        <input id="sms-phone" name="phone" defaultValue={phone} inputMode="numeric" placeholder="手机号（可输入部分号码）" className={`${inputClass} max-w-xs`} />
        <button type="submit" className={buttonClass('secondary')}>查找</button>
      </form>
      {rows.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="暂无短信记录">群众在投票页验证手机号时，发送的短信会记录在这里。</EmptyState>
        </div>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-stone-50 text-left text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">时间</th>
                <th scope="col" className="px-3 py-2 font-medium">手机号</th>
                <th scope="col" className="px-3 py-2 font-medium">内容</th>
                <th scope="col" className="px-3 py-2 font-medium">结果</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((row) => (
                <tr key={String(row.id)}>
                  <td className="whitespace-nowrap px-3 py-2 text-stone-600">{formatDateTime(row.createdAt)}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono">{row.phone}</td>
                  <td className="min-w-64 px-3 py-2" data-testid="sms-body">{row.body ?? <span className="text-stone-500">（服务商通道不保存内容）</span>}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {row.status === 'SENT' ? <Badge tone="success">已发送</Badge> : <Badge tone="warning">失败{row.error ? `：${row.error}` : ''}</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} total={total} hrefFor={(next) => `/admin/sms${queryString({ phone: phone || undefined, page: next })}`} />
    </>
  );
}
