import Link from 'next/link';
import type { TBrandListVersion } from '@/lib/brand-list/queries';
import { formatDateTime } from '@/lib/format';

function changeText(change: TBrandListVersion['change']): string {
  if (!change) return '首次发布';
  if (!change.added && !change.removed) return '品牌无增减';
  return [change.added && `新增 ${change.added}`, change.removed && `移出 ${change.removed}`].filter(Boolean).join('，');
}

/** Every published version, newest first; each links to its public page. */
export function BrandListVersions({ campaignId, versions }: { campaignId: string; versions: TBrandListVersion[] }) {
  return (
    <ol className="divide-y divide-stone-100">
      {versions.map((version, index) => (
        <li key={version.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0">
          <div className="min-w-0 space-y-1">
            <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
              第 {version.version} 版
              {index === 0 && <span className="rounded bg-green-50 px-1.5 py-0.5 text-xs font-medium text-green-800 ring-1 ring-inset ring-green-200">当前公开</span>}
            </p>
            <p className="text-sm text-stone-600">
              {formatDateTime(version.publishedAt)} · {version.publisherName ?? '—'} 发布 · {version.entryCount} 个品牌（{changeText(version.change)}）
            </p>
            {version.reason && <p className="break-words text-sm text-stone-700">变更理由：{version.reason}</p>}
            {version.left.length > 0 && (
              <p className="break-words text-sm text-amber-900">
                发布后退回重新申报、已移出清单（不参加投票、评审和排名）：{version.left.map((entry) => `“${entry.brandName}”（${entry.organizationName}）`).join('、')}
              </p>
            )}
          </div>
          <Link href={`/campaigns/${campaignId}/brands?version=${version.version}`} className="shrink-0 text-sm font-medium text-brand-700 hover:underline" aria-label={`查看第 ${version.version} 版公开页面`}>
            查看
          </Link>
        </li>
      ))}
    </ol>
  );
}
