import Link from 'next/link';
import { AssessmentForm } from '@/components/demo/assessment-form';
import { ChecklistPanel } from '@/components/demo/checklist-panel';
import { RevokeSiteButton } from '@/components/demo/revoke-site-button';
import { SiteForm } from '@/components/demo/site-form';
import { SitePhotos } from '@/components/demo/site-photos';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, PageHeader } from '@/components/ui/card';
import { pageNotFound, requirePageUser } from '@/lib/http/page';
import { formatDate, formatDateTime } from '@/lib/format';
import { loadChecklist } from '@/lib/checklist/queries';
import { SITE_LEVEL_LABELS } from '@/lib/demo/templates';
import { loadDemoSite, siteFormOptions } from '@/lib/demo-site/queries';

export const metadata = { title: '示范点' };

/** One 示范点: its record, photos, checklists with evidence, yearly assessments with their history, and 摘牌. */
export default async function DemoSitePage({ params }: { params: Promise<{ siteId: string }> }) {
  const user = await requirePageUser(['ORG_ADMIN', 'COMMITTEE_ADMIN', 'BRANCH_SECRETARY']);
  const siteId = (await params).siteId;
  const site = await loadDemoSite(user.roles, siteId);
  const checklist = site && (await loadChecklist(user.roles, { siteId }));
  if (!site || !checklist) pageNotFound();
  const active = site.status === 'ACTIVE';
  const years = Array.from({ length: site.program.years }, (_, index) => site.program.startYear + index);
  const organizations = site.canManage && active ? await siteFormOptions(user.roles, site.program.ownerOrg.path) : [];
  return (
    <>
      <PageHeader
        title={site.name}
        description={
          <>
            <Link href={`/admin/demo/${site.program.id}`} className="text-brand-700 hover:underline">
              {site.program.title}
            </Link>
            {` · ${site.organization.name}`}
          </>
        }
        actions={site.canManage && active ? <RevokeSiteButton siteId={site.id} name={site.name} /> : undefined}
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <Badge tone={site.level === 'CITY' ? 'brand' : 'info'}>{SITE_LEVEL_LABELS[site.level]}</Badge>
        {site.brand && <Badge tone="neutral">品牌“{site.brand.name}”</Badge>}
      </div>
      {!active && (
        <div className="mb-4">
          <Alert tone="warning">
            已于 {site.revokedAt ? formatDate(site.revokedAt) : ''} 摘牌{site.revokedBy ? `（${site.revokedBy.displayName}）` : ''}：{site.revokeReason}
          </Alert>
        </div>
      )}
      <div className="space-y-6">
        <Card title="基本情况">
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-stone-500">地址</dt>
              <dd>{site.address || '—'}</dd>
            </div>
            <div>
              <dt className="text-stone-500">坐标</dt>
              <dd>{site.latitude !== null ? `${site.latitude}, ${site.longitude}` : '—'}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-stone-500">简介</dt>
              <dd className="whitespace-pre-line">{site.description || '—'}</dd>
            </div>
          </dl>
        </Card>
        <Card title="照片">
          <SitePhotos siteId={site.id} photos={site.photos} editable={active} />
        </Card>
        <Card title="检查清单">
          <ChecklistPanel view={checklist} />
        </Card>
        <Card title="年度量化考评">
          {site.canManage && active && (
            <div className="mb-4">
              <AssessmentForm siteId={site.id} sheet={site.scoreSheet} years={years} defaultYear={years.includes(new Date().getFullYear()) ? new Date().getFullYear() : years[0]} />
            </div>
          )}
          {site.assessments.length === 0 ? (
            <p className="text-sm text-stone-500">尚未考评。</p>
          ) : (
            <ol className="divide-y divide-stone-200 text-sm" aria-label="考评记录">
              {site.assessments.map((row) => (
                <li key={row.id} className="py-2">
                  <p className="font-medium text-stone-900">
                    {row.year} 年 第 {row.version} 版：{row.total} 分
                  </p>
                  <p className="text-xs text-stone-600">{row.criteria.map((criterion, index) => `${criterion.name} ${row.scores[index]}/${criterion.maxPoints}`).join('，')}</p>
                  <p className="text-xs text-stone-500">
                    {row.assessedBy?.displayName ?? ''} {formatDateTime(row.assessedAt)}
                    {row.comment ? `：${row.comment}` : ''}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
        {organizations.length > 0 && (
          <Card title="修改示范点">
            <SiteForm siteId={site.id} organizations={organizations} initial={site} />
          </Card>
        )}
      </div>
    </>
  );
}
