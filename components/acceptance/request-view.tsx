import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ReportText } from '@/components/acceptance/report-text';
import { formatDate, formatDateTime, formatFileSize } from '@/lib/format';
import { ACCEPTANCE_STATUS_LABELS } from '@/lib/acceptance/schema';
import type { TAcceptanceRequestView } from '@/lib/acceptance/queries';

const STATUS_TONES = { WAITING: 'warning', REVIEWING: 'info', PASSED: 'success', FAILED: 'neutral' } as const;

export function AcceptanceStatusBadge({ status }: { status: keyof typeof ACCEPTANCE_STATUS_LABELS }) {
  return <Badge tone={STATUS_TONES[status]}>{ACCEPTANCE_STATUS_LABELS[status]}</Badge>;
}

const PARTS = [
  { key: 'background', title: '一、创建背景' },
  { key: 'measures', title: '二、主要措施' },
  { key: 'results', title: '三、工作成效' },
] as const;

/** The 成果报告 with its figures, 证明材料 and the 台帐 summary attached when it was requested. */
export function AcceptanceReport({ request }: { request: TAcceptanceRequestView }) {
  const figures = request.evidence.filter((item) => item.file.kind === 'IMAGE');
  const documents = request.evidence.filter((item) => item.file.kind !== 'IMAGE');
  return (
    <Card title="成果报告">
      <div className="space-y-5">
        {PARTS.map((part) => (
          <section key={part.key} aria-labelledby={`part-${part.key}`}>
            <h3 id={`part-${part.key}`} className="mb-1 font-semibold text-stone-900">{part.title}</h3>
            <ReportText text={request[part.key]} />
          </section>
        ))}
        {figures.length > 0 && (
          <section aria-label="图片" className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {figures.map((item, index) => (
              <figure key={item.file.id} className="space-y-1">
                {/* eslint-disable-next-line @next/next/no-img-element -- the file route checks access on every request */}
                <img src={`/api/files/${item.file.id}?variant=thumb`} alt={item.caption || `图 ${index + 1}`} className="aspect-[4/3] w-full rounded object-cover" />
                <figcaption className="text-xs text-stone-500">图 {index + 1}{item.caption ? `　${item.caption}` : ''}</figcaption>
              </figure>
            ))}
          </section>
        )}
        {documents.length > 0 && (
          <section aria-label="证明材料">
            <h3 className="mb-1 font-semibold text-stone-900">证明材料</h3>
            <ul className="space-y-1 text-sm">
              {documents.map((item) => (
                <li key={item.file.id}>
                  <a href={`/api/files/${item.file.id}`} className="break-all text-brand-700 hover:underline">{item.file.originalName}</a>
                  <span className="ml-1 text-xs text-stone-500">{formatFileSize(item.file.size)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="rounded-md bg-stone-50 p-3 text-sm text-stone-700">
          台帐情况（申请时自动附上）：已上报 {request.ledgerMonths} 个月，台帐 {request.ledgerEntries} 条。
        </p>
      </div>
    </Card>
  );
}

/** Facts of the request: brand, campaign, round, dates, status. */
export function AcceptanceFacts({ request, now }: { request: TAcceptanceRequestView; now: Date }) {
  const { cultivation } = request;
  return (
    <dl className="grid gap-x-6 gap-y-1 rounded-lg border border-stone-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-2">
      <div className="flex gap-2"><dt className="text-stone-500">创建单位</dt><dd>{cultivation.brand.organization.name}</dd></div>
      <div className="flex gap-2"><dt className="text-stone-500">所属活动</dt><dd className="min-w-0 break-words">{cultivation.campaign.title}</dd></div>
      <div className="flex gap-2"><dt className="text-stone-500">申请时间</dt><dd>{formatDateTime(request.requestedAt)}（第 {request.round} 次申请）</dd></div>
      <div className="flex items-center gap-2"><dt className="text-stone-500">状态</dt><dd><AcceptanceStatusBadge status={request.status} /></dd></div>
      {request.status === 'WAITING' && <div className="flex gap-2"><dt className="text-stone-500">已等候</dt><dd>{waitingText(request.requestedAt, now)}</dd></div>}
      {request.decidedAt && <div className="flex gap-2"><dt className="text-stone-500">结论日期</dt><dd>{formatDate(request.decidedAt)}</dd></div>}
      {request.recognition && <div className="flex gap-2"><dt className="text-stone-500">认定编号</dt><dd className="font-mono">{request.recognition.recognitionNo}</dd></div>}
    </dl>
  );
}

/** "3 天 4 小时": how long a request has waited. */
export function waitingText(from: Date, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 3_600_000));
  const days = Math.floor(hours / 24);
  return days ? `${days} 天 ${hours % 24} 小时` : `${hours} 小时`;
}
