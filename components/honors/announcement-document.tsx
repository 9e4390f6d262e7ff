import { formatDate } from '@/lib/format';
import { awardHeading, paragraphsOf, winnerLine } from '@/lib/honors/document';
import type { TAnnouncement } from '@/lib/honors/queries';

/** The 表彰决定 laid out like the PDF: red issuer and rule, 文号, title, preamble, winners by award, issuer and date. */
export function AnnouncementDocument({ data }: { data: TAnnouncement }) {
  return (
    <article className="announcement-sheet rounded-sm border border-stone-200 bg-white px-5 py-8 shadow-sm sm:px-14 sm:py-12">
      <header className="border-b-4 border-double border-brand-700 pb-4 text-center">
        <p className="text-2xl font-bold tracking-wider text-brand-700 sm:text-3xl">{data.issuerName}</p>
        {data.documentNo && <p className="mt-2 text-sm text-stone-800">{data.documentNo}</p>}
      </header>
      <h1 className="mt-8 text-center text-xl leading-relaxed font-bold text-stone-900 sm:text-2xl">{data.title}</h1>
      <div className="mt-6 space-y-2 text-base leading-8 text-stone-900">
        {paragraphsOf(data.preamble).map((line, index) => (
          <p key={index} className="indent-8 break-words">
            {line}
          </p>
        ))}
      </div>
      <div className="mt-6 space-y-5">
        {data.groups.map((group, index) => (
          <section key={group.awardId} aria-labelledby={`award-${group.awardId}`} className="break-inside-avoid-page">
            <h2 id={`award-${group.awardId}`} className="pl-8 font-bold text-stone-900">
              {awardHeading(index, group)}
            </h2>
            <ol className="mt-1 list-decimal space-y-1 pl-16 leading-7 text-stone-900 marker:text-stone-700">
              {group.honors.map((honor) => (
                <li key={honor.id} className="break-words pl-1">
                  {winnerLine(honor)}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
      <footer className="mt-12 flex justify-end text-base">
        <div className="text-center leading-8">
          <p>{data.issuerName}</p>
          <p>{formatDate(data.issuedOn)}</p>
        </div>
      </footer>
    </article>
  );
}
