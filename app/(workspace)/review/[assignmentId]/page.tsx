import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TEXT_SECTIONS } from '@/components/application/application-sections';
import { EarlierHonours } from '@/components/brand/earlier-honours';
import { DeclareConflictButton } from '@/components/review/declare-conflict-button';
import { EntryMaterials } from '@/components/review/entry-materials';
import { ScoreSheet } from '@/components/review/score-sheet';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/card';
import { requirePageUser } from '@/lib/http/page';
import { AppError } from '@/lib/errors';
import { fileUrl } from '@/lib/files/service';
import { formatDateTime } from '@/lib/format';
import { getSheetForExpert } from '@/lib/review/scoring';

export const metadata = { title: '专家评分' };

type TProps = { params: Promise<{ assignmentId: string }> };

export default async function ScoreSheetPage({ params }: TProps) {
  const user = await requirePageUser(['EXPERT']);
  const { assignmentId } = await params;
  const sheet = await getSheetForExpert(assignmentId, user.id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!sheet) notFound();
  const { entry } = sheet;
  return (
    <>
      <Link href="/review" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        ← 返回评审任务
      </Link>
      <PageHeader
        title={entry.brandName || '未命名品牌'}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {sheet.campaign.title}
            {sheet.round > 1 && <Badge tone="info">第 {sheet.round} 轮 · 复议</Badge>}
            {sheet.campaign.blindReview && <Badge tone="neutral">匿名评审</Badge>}
          </span>
        }
      />
      <div className="space-y-4">
        {sheet.submittedAt ? (
          <Alert tone="success">评分表已于 {formatDateTime(sheet.submittedAt)} 提交，不能再修改；如需更正，请联系组织部重新开放。</Alert>
        ) : sheet.stage === 'upcoming' ? (
          <Alert tone="warning">专家评审尚未开始，可以先阅读申报材料。</Alert>
        ) : sheet.stage !== 'open' ? (
          <Alert tone="warning">专家评审已截止，评分表未提交。</Alert>
        ) : (
          <Alert tone="info">评分自动保存；请在 {formatDateTime(sheet.endsAt)} 前提交。</Alert>
        )}
        {sheet.campaign.blindReview && <Alert tone="info">匿名评审：申报单位名称和人员信息已隐去，材料中出现的以“××”代替，文件按编号列出。</Alert>}
        {sheet.reopenReason && <Alert tone="warning">组织部已重新开放本评分表：{sheet.reopenReason}</Alert>}
        {sheet.isEditable && (
          // A <div>: the button's <dialog> may not sit in a <p> (the parser would close the <p>, and hydration fail).
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-stone-600">
            <p>与申报单位有利害关系的，请申请回避。</p>
            <DeclareConflictButton assignmentId={sheet.id} brandName={entry.brandName || '未命名品牌'} />
          </div>
        )}

        <EarlierHonours honours={sheet.earlierHonours} />

        <section aria-labelledby="entry-heading" className="rounded-lg border border-stone-200 bg-white shadow-sm">
          <div className="flex items-start gap-3 border-b border-stone-100 p-4">
            {entry.logoFileId && (
              // eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route
              <img src={fileUrl(entry.logoFileId, 'thumb')} alt={`${entry.brandName}标识`} className="size-16 shrink-0 rounded border border-stone-200 object-contain" />
            )}
            <div className="min-w-0 space-y-1">
              <h2 id="entry-heading" className="text-base font-semibold text-stone-900">
                申报材料
              </h2>
              {entry.slogan && <p className="text-sm text-stone-700">“{entry.slogan}”</p>}
              <p className="text-xs text-stone-500">
                {[entry.fieldName, entry.organizationName ?? '申报单位已隐去', entry.secretaryName && `书记 ${entry.secretaryName}`].filter(Boolean).join(' · ')}
              </p>
            </div>
          </div>
          <div className="divide-y divide-stone-100">
            {TEXT_SECTIONS.map((section, index) => (
              <details key={section.key} open={index === 0} className="group px-4 py-3">
                <summary className="flex min-h-8 cursor-pointer list-none items-center justify-between text-sm font-medium text-stone-800">
                  {section.title}
                  <span aria-hidden className="text-stone-500 group-open:rotate-180">⌄</span>
                </summary>
                <p className="mt-2 whitespace-pre-wrap break-words text-sm leading-relaxed text-stone-900">{entry[section.key] || <span className="text-stone-500">未填写</span>}</p>
              </details>
            ))}
            <EntryMaterials photos={entry.photos} documents={entry.documents} />
          </div>
        </section>

        <section aria-labelledby="score-heading" className="space-y-3">
          <h2 id="score-heading" className="text-lg font-semibold text-stone-900">
            评分
          </h2>
          <ScoreSheet assignmentId={sheet.id} criteria={sheet.criteria} commentBelowPercent={sheet.campaign.commentBelowPercent} isEditable={sheet.isEditable} />
        </section>
      </div>
    </>
  );
}
