import type { ReactNode } from 'react';
import { formatDate } from '@/lib/format';
import { opinionDateText, printTextSections, type TApplicationPrintData } from '@/lib/application/print-data';

const cellLabel = 'w-28 border border-stone-700 bg-stone-100 px-2 py-1.5 text-left align-top font-semibold print:bg-stone-100';
const cellValue = 'border border-stone-700 px-2 py-1.5 align-top break-all';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-4 break-inside-auto border border-stone-700">
      <h2 className="border-b border-stone-700 bg-stone-100 px-2 py-1.5 text-sm font-semibold">{title}</h2>
      <div className="px-2 py-2 text-sm leading-relaxed">{children}</div>
    </section>
  );
}

function LongText({ text, placeholder = '（未填写）' }: { text: string; placeholder?: string }) {
  return text.trim() ? <p className="whitespace-pre-wrap break-all">{text}</p> : <p className="text-stone-500">{placeholder}</p>;
}

/** The 申报表 as HTML, laid out like the PDF so it prints the same from the browser. */
export function PrintForm({ data }: { data: TApplicationPrintData }) {
  const texts = printTextSections(data);
  const contact = [data.contactName, data.contactPhone].filter(Boolean).join(' ') || '—';
  return (
    <article className="mx-auto max-w-3xl rounded-lg border border-stone-200 bg-white p-4 text-stone-900 shadow-sm sm:p-8 print:max-w-none print:rounded-none print:border-0 print:p-0 print:shadow-none">
      <h1 className="text-center text-2xl font-bold tracking-wide">党建品牌选树申报表</h1>
      <p className="mt-1 text-center text-sm">{data.campaignTitle}</p>
      {data.submittedAt && <p className="mt-1 text-right text-xs text-stone-600">提交时间：{formatDate(data.submittedAt)}</p>}
      <table className="mt-4 w-full border-collapse text-sm">
        <tbody>
          <tr><th scope="row" className={cellLabel}>品牌名称</th><td colSpan={3} className={cellValue}>{data.brandName || '—'}</td></tr>
          <tr><th scope="row" className={cellLabel}>所属领域</th><td colSpan={3} className={cellValue}>{data.fieldName || '—'}</td></tr>
          <tr><th scope="row" className={cellLabel}>申报单位</th><td colSpan={3} className={cellValue}>{data.organizationName}</td></tr>
          <tr><th scope="row" className={cellLabel}>上级党组织</th><td colSpan={3} className={cellValue}>{data.parentOrganizationName || '—'}</td></tr>
          <tr className="hidden sm:table-row print:table-row">
            <th scope="row" className={cellLabel}>党组织书记</th>
            <td className={cellValue}>{data.secretaryName || '—'}</td>
            <th scope="row" className={cellLabel}>联系人及电话</th>
            <td className={cellValue}>{contact}</td>
          </tr>
          {/* Phones have no room for four cells in one row. */}
          <tr className="sm:hidden print:hidden"><th scope="row" className={cellLabel}>党组织书记</th><td colSpan={3} className={cellValue}>{data.secretaryName || '—'}</td></tr>
          <tr className="sm:hidden print:hidden"><th scope="row" className={cellLabel}>联系人及电话</th><td colSpan={3} className={cellValue}>{contact}</td></tr>
          <tr><th scope="row" className={cellLabel}>品牌口号</th><td colSpan={3} className={cellValue}>{data.slogan || '—'}</td></tr>
        </tbody>
      </table>
      <Section title="品牌标识">
        {data.logoFileId ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by the access-checked file route, not a static asset
          <img src={`/api/files/${data.logoFileId}?variant=medium`} alt={`${data.brandName}品牌标识`} className="mx-auto max-h-40 object-contain" />
        ) : (
          <p className="text-stone-500">（未上传品牌标识）</p>
        )}
      </Section>
      {texts.map(([title, text]) => (
        <Section key={title} title={title}><LongText text={text} /></Section>
      ))}
      <Section title="对照评选标准自评">
        {data.criteria.length ? (
          <ol className="space-y-3">
            {data.criteria.map((criterion, index) => (
              <li key={`${index}-${criterion.name}`}>
                <p className="font-semibold">{index + 1}. {criterion.name}（{criterion.maxPoints} 分）</p>
                <LongText text={criterion.selfAssessment} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-stone-500">（本次活动未设评选标准）</p>
        )}
      </Section>
      <Section title="附件清单">
        {data.attachmentNames.length ? (
          <ol className="list-inside list-decimal">
            {data.attachmentNames.map((name, index) => <li key={`${index}-${name}`} className="break-all">{name}</li>)}
          </ol>
        ) : (
          <p className="text-stone-500">（无附件）</p>
        )}
      </Section>
      {data.opinionBoxes.map((box) => (
        <section key={box.title} className="mt-4 break-inside-avoid border border-stone-700">
          <h2 className="border-b border-stone-700 bg-stone-100 px-2 py-1.5 text-sm font-semibold">{box.title}</h2>
          <div className="flex min-h-40 flex-col justify-between gap-4 px-4 py-3 text-sm">
            <div className="space-y-1 leading-relaxed">
              {box.decision && <p>{box.kind === 'APPROVAL' ? '审核结果' : '推荐决定'}：{box.decision}</p>}
              {box.opinion && <p className="whitespace-pre-wrap break-all">{box.opinion}</p>}
            </div>
            <div className="ml-auto w-full max-w-64 space-y-2">
              <p className="break-all">{box.signer}（盖章）</p>
              <p>签字：____________</p>
              <p>{opinionDateText(box.date)}</p>
            </div>
          </div>
        </section>
      ))}
    </article>
  );
}
