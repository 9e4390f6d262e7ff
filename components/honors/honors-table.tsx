import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { RevokeHonorButton } from '@/components/honors/revoke-honor-button';
import { formatDate } from '@/lib/format';
import type { TCampaignHonors } from '@/lib/honors/queries';
import { verificationPath } from '@/lib/honors/url';

/** The staff list of honors (one per entry and award): number, brand, award, state, certificate download, verification page and 摘牌. */
export function HonorsTable({ honors }: { honors: TCampaignHonors['honors'] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">荣誉证书列表</caption>
        <thead className="border-b border-stone-200 text-xs text-stone-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">证书编号</th>
            <th scope="col" className="py-2 pr-3 font-medium">品牌 / 单位</th>
            <th scope="col" className="py-2 pr-3 font-medium">奖项</th>
            <th scope="col" className="py-2 pr-3 font-medium">状态</th>
            <th scope="col" className="py-2 font-medium">操作</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {honors.map((honor) => (
            <tr key={honor.id} className="align-top">
              <td className="py-3 pr-3 font-mono text-xs whitespace-nowrap text-stone-800">{honor.certificateNo}</td>
              <td className="py-3 pr-3">
                <span className="block font-medium text-stone-900">{honor.brandName}</span>
                <span className="block text-xs text-stone-500">{honor.organizationName}</span>
              </td>
              <td className="py-3 pr-3">{honor.awardName}</td>
              <td className="py-3 pr-3">
                {honor.revokedAt ? (
                  <>
                    <Badge tone="warning">已摘牌</Badge>
                    <span className="mt-1 block text-xs text-stone-600">
                      {formatDate(honor.revokedAt)}
                      {honor.revokedBy && ` · ${honor.revokedBy.displayName}`}
                    </span>
                    <span className="mt-0.5 block max-w-56 break-words text-xs text-stone-500">{honor.revokeReason}</span>
                  </>
                ) : (
                  <Badge tone="success">有效</Badge>
                )}
              </td>
              <td className="py-3">
                <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                  <a href={`/api/certificates/${honor.certificateNo}`} download className="text-brand-700 underline-offset-2 hover:underline" aria-label={`下载证书 ${honor.brandName}（${honor.awardName}）`}>
                    下载证书
                  </a>
                  <Link href={verificationPath(honor.certificateNo)} target="_blank" className="text-brand-700 underline-offset-2 hover:underline" aria-label={`验证页 ${honor.brandName}（${honor.awardName}）`}>
                    验证页
                  </Link>
                  {!honor.revokedAt && <RevokeHonorButton honorId={honor.id} brandName={honor.brandName} awardName={honor.awardName} certificateNo={honor.certificateNo} />}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
