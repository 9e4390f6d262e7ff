import { formatDate } from '@/lib/format';
import type { TVerification } from '@/lib/honors/verify';

const LOOKS = {
  valid: { label: '有效', summary: '该证书真实有效。', box: 'border-green-300 bg-green-50', badge: 'bg-green-700', text: 'text-green-800', mark: '✓' },
  revoked: { label: '已摘牌', summary: '该品牌已被摘牌，证书已失效。', box: 'border-red-300 bg-red-50', badge: 'bg-red-700', text: 'text-red-800', mark: '✕' },
  unknown: { label: '未查到', summary: '未查到该编号的证书，请核对编号后重试。', box: 'border-stone-300 bg-white', badge: 'bg-stone-500', text: 'text-stone-800', mark: '?' },
} as const;

/** A 认定 (DJRD-…) that was revoked reads 已撤销: it was never an award to take down. */
const REVOKED_RECOGNITION = { ...LOOKS.revoked, label: '已撤销', summary: '该认定已撤销（摘牌），证书已失效。' };

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[5.5rem_1fr] gap-2 py-2 sm:grid-cols-[7rem_1fr]">
      <dt className="text-stone-500">{term}</dt>
      <dd className="min-w-0 break-words text-stone-900">{children}</dd>
    </div>
  );
}

/** The verdict first and large (read at a glance on a phone), then what the certificate says. */
export function VerificationResult({ result }: { result: TVerification }) {
  const look = result.status === 'revoked' && result.certificateNo.startsWith('DJRD-') ? REVOKED_RECOGNITION : LOOKS[result.status];
  return (
    <section aria-labelledby="verdict" className={`rounded-xl border-2 ${look.box} p-5`}>
      <div className="flex items-center gap-4">
        <span aria-hidden className={`flex size-14 shrink-0 items-center justify-center rounded-full text-3xl font-bold text-white ${look.badge}`}>
          {look.mark}
        </span>
        <div className="min-w-0">
          <h2 id="verdict" className={`text-3xl font-bold ${look.text}`}>
            {look.label}
          </h2>
          <p className={`mt-0.5 ${look.text}`}>{look.summary}</p>
        </div>
      </div>
      {result.status === 'revoked' && (
        <div className="mt-4 rounded-lg bg-white/70 p-3 text-sm leading-6 text-red-900">
          <p className="font-semibold">摘牌日期：{formatDate(result.revokedAt)}</p>
          {result.revokeReason && <p className="whitespace-pre-line break-words">摘牌原因：{result.revokeReason}</p>}
        </div>
      )}
      <dl className="mt-4 divide-y divide-stone-200/80 border-t border-stone-200/80 text-sm">
        <Row term="证书编号">
          <span className="font-mono">{result.certificateNo || '—'}</span>
        </Row>
        {result.status !== 'unknown' && (
          <>
            <Row term="品牌名称">“{result.brandName}”</Row>
            <Row term="获奖单位">{result.organizationName}</Row>
            <Row term="荣誉">{result.awardName}</Row>
            <Row term="评选活动">{result.campaignTitle}</Row>
            <Row term="颁发单位">{result.issuerName}</Row>
            <Row term="颁发日期">{formatDate(result.issuedOn)}</Row>
          </>
        )}
      </dl>
    </section>
  );
}
