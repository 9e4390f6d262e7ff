import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CertificateLookupForm } from '@/components/honors/certificate-lookup-form';
import { VerificationResult } from '@/components/honors/verification-result';
import { PublicHeader } from '@/components/layout/public-header';
import { verifyCertificateCached } from '@/lib/honors/public-cache';
import { verificationPath } from '@/lib/honors/url';
import { CERTIFICATE_NO_PATTERN, normaliseCertificateNo } from '@/lib/honors/verify';

type TProps = { params: Promise<{ no: string }> };

// Rendered on first request and kept in Next's cache like a brand page (app/(public)/gallery/[applicationId]/page.tsx):
// a QR scan is answered from the cache, with an ETag, until an honor changes.
export const revalidate = 600;
export function generateStaticParams(): { no: string }[] {
  return [];
}

/** The number as typed in the address (cut short: it is shown back); a malformed escape is just an unknown number. */
async function requestedNumber(params: TProps['params']): Promise<string> {
  const no = (await params).no.slice(0, 120);
  try {
    return decodeURIComponent(no).slice(0, 40);
  } catch {
    return no.slice(0, 40);
  }
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const result = await verifyCertificateCached(await requestedNumber(params));
  if (result.status === 'unknown') return { title: '证书验证 · 未查到', robots: { index: false, follow: false } };
  return {
    title: `证书验证 · ${result.certificateNo}`,
    description: `${result.organizationName}“${result.brandName}”${result.awardName}荣誉证书${result.status === 'revoked' ? '（已摘牌）' : ''}`,
  };
}

/** What a QR scan opens: the verdict on the certificate, cached until an honor changes (lib/honors/public-cache.ts). */
export default async function CertificateVerificationPage({ params }: TProps) {
  const typed = await requestedNumber(params);
  const certificateNo = normaliseCertificateNo(typed);
  // Lower case or full-width input lands on the one canonical address.
  if (certificateNo !== typed && CERTIFICATE_NO_PATTERN.test(certificateNo)) redirect(verificationPath(certificateNo));
  const result = await verifyCertificateCached(certificateNo);
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-xl space-y-6 px-4 py-6">
        <div>
          <Link href="/certificates" className="text-sm text-brand-700 hover:underline">
            ← 查验其他证书
          </Link>
          <h1 className="mt-2 text-2xl font-bold text-stone-900">证书验证</h1>
        </div>
        <VerificationResult result={result} />
        {result.status === 'unknown' && (
          <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <CertificateLookupForm defaultValue={certificateNo} />
          </div>
        )}
        <p className="text-xs leading-5 text-stone-500">查验结果以本平台记录为准。证书被摘牌后，扫描原证书二维码将显示“已摘牌”。</p>
      </main>
    </>
  );
}
