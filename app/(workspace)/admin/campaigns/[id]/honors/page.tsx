import Link from 'next/link';
import { HonorsTable } from '@/components/honors/honors-table';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { formatDate, formatDateTime } from '@/lib/format';
import { loadCampaignHonors } from '@/lib/honors/queries';
import { loadReviewCampaignForPage } from '@/lib/review/admin-page';

export const metadata = { title: '荣誉证书' };

type TProps = { params: Promise<{ id: string }> };

/** Staff: the honors of the 表彰决定 with their certificates, and 摘牌. */
export default async function HonorsAdminPage({ params }: TProps) {
  const user = await requirePageUser(['ORG_ADMIN']);
  const { id } = await params;
  const campaign = await loadReviewCampaignForPage(user, id);
  const { announcement, honors, revoked } = await loadCampaignHonors(campaign.id);
  const publicityHref = `/admin/campaigns/${campaign.id}/publicity`;

  return (
    <>
      <Link href={publicityHref} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回公示与表彰
      </Link>
      <PageHeader
        title="荣誉证书"
        description={`${campaign.title} · 获奖品牌的编号证书（扫码验证真伪）与摘牌`}
        actions={
          announcement && (
            <>
              <Link href={`/campaigns/${campaign.id}/announcement`} target="_blank" className={buttonClass('secondary')}>
                表彰决定
              </Link>
              <a href={`/api/campaigns/${campaign.id}/announcement`} download className={buttonClass('secondary')}>
                下载表彰决定 PDF
              </a>
              {honors.length > revoked && (
                <a href={`/api/campaigns/${campaign.id}/certificates`} download className={buttonClass('secondary')}>
                  下载全部证书 PDF（{honors.length - revoked} 份）
                </a>
              )}
            </>
          )
        }
      />
      {!announcement ? (
        <Card>
          <EmptyState title="表彰决定尚未发布">
            <span>
              在<Link href={publicityHref} className="text-brand-700 underline">公示与表彰</Link>中发布表彰决定后，每个获奖品牌获得一份编号证书。
            </span>
          </EmptyState>
        </Card>
      ) : (
        <Card
          title={`${announcement.title}`}
          actions={
            <p className="text-sm text-stone-600">
              证书 {honors.length} 份{revoked ? `，已摘牌 ${revoked} 个` : ''}
            </p>
          }
        >
          <p className="mb-3 text-sm text-stone-600">
            {announcement.documentNo && <span className="mr-3">{announcement.documentNo}</span>}
            成文日期 {formatDate(announcement.issuedOn)} · {formatDateTime(announcement.publishedAt)} 发布
          </p>
          <HonorsTable honors={honors} />
        </Card>
      )}
    </>
  );
}
