import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PublicHeader } from '@/components/layout/public-header';
import { ObjectionForm } from '@/components/objections/objection-form';
import { Alert } from '@/components/ui/alert';
import { formatDate } from '@/lib/format';
import { loadPublicPublicity } from '@/lib/publicity/queries';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '提出异议 · 公示', robots: { index: false } };

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ entry?: string | string[] }> };

export default async function ObjectionFormPage({ params, searchParams }: TProps) {
  const [{ id }, { entry }] = await Promise.all([params, searchParams]);
  const publicity = await loadPublicPublicity(id);
  if (!publicity) notFound();
  const { campaign } = publicity;
  // An entry with several awards is one choice, its awards named together.
  const entries: { id: string; brandName: string; organizationName: string; awardName: string }[] = [];
  for (const group of publicity.groups) {
    for (const item of group.entries) {
      const known = entries.find((candidate) => candidate.id === item.id);
      if (known) known.awardName = `${known.awardName}、${group.award.name}`;
      else entries.push({ id: item.id, brandName: item.brandName, organizationName: item.organization.name, awardName: group.award.name });
    }
  }
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-xl space-y-5 px-4 py-6">
        <div>
          <Link href={`/campaigns/${campaign.id}/publicity`} className="text-sm text-brand-700 underline-offset-2 hover:underline">
            ← 返回公示名单
          </Link>
          <h1 className="mt-2 text-xl font-bold text-stone-900">提出异议</h1>
          <p className="mt-1 text-sm text-stone-600">{campaign.title}</p>
        </div>
        {publicity.phase === 'open' ? (
          <div className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
            <p className="text-sm text-stone-700">
              公示期至 {formatDate(publicity.lastDay)}。异议须实名提出并如实反映情况；每个手机号对本次公示最多提出 3 件异议。您的姓名和手机号只用于核实，不会公开。
            </p>
            <ObjectionForm campaignId={campaign.id} entries={entries} entryId={typeof entry === 'string' ? entry : undefined} />
          </div>
        ) : (
          <Alert tone="warning">
            {publicity.phase === 'upcoming' ? `公示尚未开始，${formatDate(publicity.startsAt)} 起可以提出异议。` : '公示期已结束，不能再提出异议。'}
          </Alert>
        )}
        {publicity.notice && (
          <section aria-labelledby="contact-heading" className="space-y-1 rounded-lg border border-stone-200 bg-white p-4 text-sm">
            <h2 id="contact-heading" className="font-semibold text-stone-900">也可以电话或书面反映</h2>
            <p className="whitespace-pre-line break-words leading-6 text-stone-700">{publicity.notice}</p>
          </section>
        )}
        <p className="text-center text-sm">
          <Link href="/objections" className="text-brand-700 underline">已提交过异议？查询办理进度</Link>
        </p>
      </main>
    </>
  );
}
