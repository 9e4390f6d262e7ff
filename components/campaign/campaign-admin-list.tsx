import Link from 'next/link';
import { CampaignStatusBadge, currentStageText } from '@/components/campaign/campaign-status-badge';
import type { TAdminCampaignRow } from '@/lib/campaign/admin-queries';
import { formatDate } from '@/lib/format';

const yearText = (campaign: TAdminCampaignRow) => `${campaign.year}年度${campaign.batch ? ` · 第${campaign.batch}批` : ''}`;

/** Campaigns an admin manages: a table on wide screens, cards on phones. */
export function CampaignAdminList({ campaigns, now }: { campaigns: TAdminCampaignRow[]; now: Date }) {
  return (
    <>
      <ul className="space-y-2 md:hidden">
        {campaigns.map((campaign) => (
          <li key={campaign.id}>
            <Link href={`/admin/campaigns/${campaign.id}`} className="block rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <div className="flex items-start justify-between gap-2">
                <p className="font-semibold text-stone-900">{campaign.title}</p>
                <CampaignStatusBadge status={campaign.status} />
              </div>
              <p className="mt-1 text-sm text-stone-600">
                {campaign.ownerOrg.shortName ?? campaign.ownerOrg.name} · {yearText(campaign)}
              </p>
              <p className="mt-1 text-sm text-stone-700">当前阶段：{currentStageText(campaign.stages, now)}</p>
            </Link>
          </li>
        ))}
      </ul>
      <table className="hidden w-full overflow-hidden rounded-lg border border-stone-200 bg-white text-sm shadow-sm md:table">
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">活动名称</th>
            <th scope="col" className="px-4 py-2 font-medium">主办组织</th>
            <th scope="col" className="px-4 py-2 font-medium">年度</th>
            <th scope="col" className="px-4 py-2 font-medium">状态</th>
            <th scope="col" className="px-4 py-2 font-medium">当前阶段</th>
            <th scope="col" className="px-4 py-2 font-medium">创建日期</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {campaigns.map((campaign) => (
            <tr key={campaign.id} className="hover:bg-stone-50">
              <td className="px-4 py-3">
                <Link href={`/admin/campaigns/${campaign.id}`} className="font-medium text-brand-700 hover:underline">
                  {campaign.title}
                </Link>
              </td>
              <td className="px-4 py-3 text-stone-700">{campaign.ownerOrg.shortName ?? campaign.ownerOrg.name}</td>
              <td className="whitespace-nowrap px-4 py-3 text-stone-700">{yearText(campaign)}</td>
              <td className="px-4 py-3">
                <CampaignStatusBadge status={campaign.status} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-stone-700">{currentStageText(campaign.stages, now)}</td>
              <td className="whitespace-nowrap px-4 py-3 text-stone-500">{formatDate(campaign.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
