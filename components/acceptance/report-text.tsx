import { parseReport, type TInline } from '@/lib/acceptance/report-markup';

function Inline({ parts }: { parts: TInline[] }) {
  return (
    <>
      {parts.map((part, index) => (part.bold ? <strong key={index}>{part.text}</strong> : <span key={index}>{part.text}</span>))}
    </>
  );
}

/** One part of the 成果报告, from its small markup (lib/acceptance/report-markup): React elements only, never HTML. */
export function ReportText({ text }: { text: string }) {
  return (
    <div className="space-y-2 break-words text-sm leading-7 text-stone-800 print:text-[12pt]">
      {parseReport(text).map((block, index) => {
        if (block.kind === 'paragraph') {
          return (
            <p key={index}>
              {block.lines.map((line, lineIndex) => (
                <span key={lineIndex} className="block">
                  <Inline parts={line} />
                </span>
              ))}
            </p>
          );
        }
        const List = block.kind === 'bullets' ? 'ul' : 'ol';
        return (
          <List key={index} className={`space-y-1 pl-6 ${block.kind === 'bullets' ? 'list-disc' : 'list-decimal'}`}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <Inline parts={item} />
              </li>
            ))}
          </List>
        );
      })}
    </div>
  );
}
