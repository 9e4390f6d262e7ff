import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CertificateLookupForm } from '@/components/honors/certificate-lookup-form';
import { PublicHeader } from '@/components/layout/public-header';
import { verificationPath } from '@/lib/honors/url';
import { normaliseCertificateNo } from '@/lib/honors/verify';

export const metadata: Metadata = { title: '证书验证', description: '输入党建品牌荣誉证书编号，查验证书真伪与当前状态。' };

type TProps = { searchParams: Promise<{ no?: string | string[] }> };

/** 证书验证: type a number (or scan the certificate's QR code, which opens the result directly). */
export default async function CertificateLookupPage({ searchParams }: TProps) {
  const raw = (await searchParams).no;
  const typed = typeof raw === 'string' ? raw : undefined;
  const certificateNo = typed === undefined ? '' : normaliseCertificateNo(typed).slice(0, 40);
  if (certificateNo) redirect(verificationPath(certificateNo));
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-bold text-stone-900">证书验证</h1>
          <p className="mt-1 text-stone-600">查验党建品牌荣誉证书的真伪，以及该品牌是否已被摘牌。</p>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <CertificateLookupForm error={typed !== undefined ? '请输入证书编号' : undefined} />
        </div>
      </main>
    </>
  );
}
