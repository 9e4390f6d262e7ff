import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/lib/format';
import type { TSimilarName } from '@/lib/application/similar-names';
import { STAFF_STATUS_LABELS, type TStaffApplicationRow, type TStaffStatus } from '@/lib/application/staff-queries';

function StatusBadge({ status }: { status: TStaffApplicationRow['status'] }) {
  return <Badge tone={status === 'SUBMITTED' ? 'brand' : 'muted'}>{STAFF_STATUS_LABELS[status as TStaffStatus] ?? status}</Badge>;
}

function RowLinks({ row, showCommitteeLink }: { row: TStaffApplicationRow; showCommitteeLink: boolean }) {
  const label = row.brandName || '未命名品牌';
  return (
    <span className="flex flex-wrap justify-end gap-3 whitespace-nowrap">
      {showCommitteeLink && (
        <Link href={`/committee/applications/${row.id}`} className="font-medium text-brand-700 hover:underline" aria-label={`查看 ${label}`}>查看</Link>
      )}
      <Link href={`/applications/${row.id}/print`} className="font-medium text-brand-700 hover:underline" aria-label={`打印 ${label}`}>打印</Link>
    </span>
  );
}

/** The names most like this entry's, so staff notice a city with five "红心向党". */
function SimilarHint({ matches }: { matches: TSimilarName[] | undefined }) {
  if (!matches?.length) return null;
  return (
    <div className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-950">
      <p className="font-medium">相似名称：</p>
      <ul>
        {matches.map((match) => (
          <li key={match.applicationId} className="break-words">
            “{match.brandName}”（{match.organizationName}，{match.campaignTitle}，相似度 {Math.round(match.similarity * 100)}%）
          </li>
        ))}
      </ul>
    </div>
  );
}

type TStaffApplicationListProps = { rows: TStaffApplicationRow[]; similar: Map<string, TSimilarName[]>; showCommitteeLink: boolean };

/** A table on wide screens, cards on phones. */
export function StaffApplicationList({ rows, similar, showCommitteeLink }: TStaffApplicationListProps) {
  return (
    <>
      <div className="hidden overflow-hidden rounded-lg border border-stone-200 bg-white md:block">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-xs text-stone-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">品牌名称</th>
              <th scope="col" className="px-4 py-2 font-medium">申报单位</th>
              <th scope="col" className="px-4 py-2 font-medium">领域</th>
              <th scope="col" className="px-4 py-2 font-medium">状态</th>
              <th scope="col" className="px-4 py-2 font-medium">提交时间</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-stone-50">
                <td className="px-4 py-3">
                  <p className="font-medium text-stone-900">{row.brandName || '未命名品牌'}</p>
                  <p className="text-xs text-stone-500">{row.campaign.title}</p>
                  <SimilarHint matches={similar.get(row.id)} />
                </td>
                <td className="px-4 py-3">
                  <p>{row.organization.name}</p>
                  {row.organization.parent && <p className="text-xs text-stone-500">{row.organization.parent.name}</p>}
                </td>
                <td className="px-4 py-3">{row.field?.name ?? '—'}</td>
                <td className="px-4 py-3"><StatusBadge status={row.status} /></td>
                <td className="whitespace-nowrap px-4 py-3 text-stone-600">{formatDateTime(row.submittedAt)}</td>
                <td className="px-4 py-3 text-right"><RowLinks row={row} showCommitteeLink={showCommitteeLink} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <div className="flex items-start justify-between gap-2">
              <p className="break-all font-medium text-stone-900">{row.brandName || '未命名品牌'}</p>
              <StatusBadge status={row.status} />
            </div>
            <SimilarHint matches={similar.get(row.id)} />
            <p className="mt-1 text-sm text-stone-700">{row.organization.name}</p>
            <p className="mt-1 text-xs text-stone-500">
              {[row.field?.name, formatDateTime(row.submittedAt)].filter(Boolean).join(' · ')}
            </p>
            <div className="mt-3 border-t border-stone-100 pt-2 text-sm"><RowLinks row={row} showCommitteeLink={showCommitteeLink} /></div>
          </li>
        ))}
      </ul>
    </>
  );
}
