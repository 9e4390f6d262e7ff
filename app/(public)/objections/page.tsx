import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PublicHeader } from '@/components/layout/public-header';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { isTrackingCode, normaliseTrackingCode } from '@/lib/objections/schema';

export const metadata: Metadata = { title: '异议办理进度查询', robots: { index: false } };

type TProps = { searchParams: Promise<{ code?: string | string[] }> };

export default async function ObjectionLookupPage({ searchParams }: TProps) {
  const { code: raw } = await searchParams;
  const typed = typeof raw === 'string' ? raw.slice(0, 60) : '';
  const code = normaliseTrackingCode(typed);
  if (isTrackingCode(code)) redirect(`/objections/${code}`);
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-md space-y-5 px-4 py-6">
        <div>
          <h1 className="text-xl font-bold text-stone-900">异议办理进度查询</h1>
          <p className="mt-1 text-sm text-stone-600">输入提交异议时获得的 12 位查询码，查看受理、调查和答复情况。</p>
        </div>
        {typed && <Alert tone="error">查询码应为 12 位字母和数字（不含 0、1、O、I），请核对后重新输入。</Alert>}
        <form className="space-y-3 rounded-xl border border-stone-200 bg-white p-5 shadow-sm" action="/objections">
          <label htmlFor="code" className="block text-sm font-medium text-stone-800">查询码</label>
          <input id="code" name="code" defaultValue={typed} required maxLength={40} autoComplete="off" autoCapitalize="characters" spellCheck={false} className={`${inputClass} font-mono tracking-widest`} />
          <button type="submit" className={buttonClass('primary', 'w-full')}>查询</button>
        </form>
      </main>
    </>
  );
}
