import { ANNOUNCEMENT_ADDRESSEE, awardHeading, chineseDate, issuerMark, paragraphsOf, winnerLine } from '@/lib/honors/document';
import type { TAnnouncement } from '@/lib/honors/queries';

// The faces of a 公文 where the reader has them (仿宋, 小标宋, 黑体), else Noto Serif SC, served from npm
// (@fontsource/noto-serif-sc, imported by the page: the browser loads only the unicode-range slices the text uses).
// Printed, the sheet follows GB/T 9704: 三号 (16 pt) body on a 22-line grid, 二号 title, the red mark 35 mm down.
const DOCUMENT_CSS = `
.gw { font-family: FangSong, STFangsong, FangSong_GB2312, "仿宋", "Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; }
.gw-song { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", STZhongsong, "华文中宋", "Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; font-weight: 700; }
.gw-hei { font-family: SimHei, "黑体", "Heiti SC", "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-weight: 500; }
.gw-mark { font-size: clamp(1.5rem, 8vw, 2.75rem); }
@media print {
  .gw { font-size: 16pt; line-height: 28.95pt; }
  .gw-mark { font-size: 40pt; line-height: 1.1; margin-top: 35mm; }
  .gw-no { margin-top: 57.9pt; }
  .gw-title { font-size: 22pt; line-height: 1.55; margin-top: 57.9pt; }
  .gw-gap { margin-top: 28.95pt; }
}
`;

/**
 * The 表彰决定 as a 红头文件, laid out like its PDF: the red 发文机关标志, the 发文字号 and the red rule, the title, 主送,
 * the body with the awards as 一、 headings and their numbered winners, the issuer and the 成文日期 in Chinese.
 */
export function AnnouncementDocument({ data }: { data: TAnnouncement }) {
  return (
    <article className="announcement-sheet gw rounded-sm border border-stone-200 bg-white px-5 py-8 text-base leading-8 text-stone-950 shadow-sm sm:px-14 sm:py-12 sm:text-lg sm:leading-9">
      <style>{DOCUMENT_CSS}</style>
      <header className="text-center">
        <p className="gw-song gw-mark leading-tight tracking-wide text-balance text-[#d40010]">{issuerMark(data.issuerName)}</p>
        {data.documentNo && <p className="gw-no mt-5">{data.documentNo}</p>}
        <hr className="mt-2 border-0 border-t-2 border-[#d40010]" />
      </header>
      <h1 className="gw-song gw-title mt-8 text-center text-xl leading-relaxed text-balance sm:text-2xl">{data.title}</h1>
      <p className="gw-gap mt-6">{ANNOUNCEMENT_ADDRESSEE}</p>
      {paragraphsOf(data.preamble).map((line, index) => (
        <p key={index} className="indent-[2em] break-words">
          {line}
        </p>
      ))}
      {data.groups.map((group, index) => (
        <section key={group.awardId} aria-labelledby={`award-${group.awardId}`}>
          <h2 id={`award-${group.awardId}`} className="gw-hei indent-[2em] break-after-avoid">
            {awardHeading(index, group)}
          </h2>
          <ol>
            {group.honors.map((honor, position) => (
              <li key={honor.id} className="indent-[2em] break-words">
                {position + 1}.{winnerLine(honor)}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {/* 署名 two characters in from the right, the date two characters right of it (or the date two in, when longer). */}
      <footer className="gw-gap mt-8 ml-auto w-fit break-inside-avoid pr-[2em]">
        <p>{data.issuerName}</p>
        <p className="pl-[2em]">{chineseDate(data.issuedOn)}</p>
      </footer>
    </article>
  );
}
