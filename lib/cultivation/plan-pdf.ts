// 创建方案 as an A4 PDF: title, the organization and brand, goals and measures, the tasks as a table by date, the
// approval line and a signing box (lib/pdf helpers: CJK font, tables that break across pages).
import { formatDate } from '@/lib/format';
import { stampPages } from '@/lib/pdf/kit';
import { contentWidth, createA4, drawTable, MARGIN_X, MARGIN_Y, setFont, signatureBox, titleBlock } from '@/lib/pdf/table';
import { PLAN_STATUS_LABELS, scheduleTasks, type TScheduledTask } from '@/lib/cultivation/plan-schema';
import type { TPlanView } from '@/lib/cultivation/queries';

function paragraph(doc: PDFKit.PDFDocument, heading: string, text: string) {
  setFont(doc, true, 11);
  doc.moveDown(0.6);
  doc.text(heading, MARGIN_X, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.2);
  setFont(doc, false, 10.5);
  doc.text(text.trim() || '（未填写）', MARGIN_X, doc.y, { width: contentWidth(doc), lineGap: 3 });
}

export async function renderPlanPdf(view: TPlanView & { plan: NonNullable<TPlanView['plan']> }): Promise<Buffer> {
  const { doc, done } = createA4({ title: `${view.target.brandName}创建方案`, subject: view.target.campaign.title });
  titleBlock(doc, `“${view.target.brandName}”党建品牌创建方案`, view.target.organization.name, `状态：${PLAN_STATUS_LABELS[view.plan.status]}`);
  paragraph(doc, '一、创建目标', view.plan.goals);
  paragraph(doc, '二、主要措施', view.plan.measures);
  doc.moveDown(0.6);
  drawTable<TScheduledTask>(
    doc,
    [
      { header: '序号', width: 36, center: true, value: (_, index) => String(index + 1) },
      { header: '任务', width: null, value: (task) => task.title },
      { header: '时间节点', width: 96, center: true, value: (task) => (task.dueOn ? formatDate(`${task.dueOn}T00:00:00+08:00`) : '—') },
      { header: '责任人', width: 80, center: true, value: (task) => task.responsible || '—' },
    ],
    scheduleTasks(view.plan.tasks, view.today),
    { empty: '（未列任务）', heading: '三、任务与时间节点（倒排工期）' },
  );
  if (view.plan.status === 'APPROVED') {
    doc.moveDown(0.6);
    setFont(doc, false, 10.5);
    doc.text(`审核意见：同意。${view.plan.decidedByName ?? ''} ${formatDate(view.plan.decidedAt)}`, MARGIN_X, doc.y, { width: contentWidth(doc) });
  }
  signatureBox(doc, ['品牌所在党组织（盖章）：', '上级党(工)委意见：', '日期：______年____月____日']);
  stampPages(doc, { runningHeader: `${view.target.campaign.title} · 创建方案`, marginX: MARGIN_X, marginY: MARGIN_Y });
  doc.end();
  return done;
}
