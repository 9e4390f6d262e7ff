/** One long text of a brand page (内涵, 载体, 做法与成效), line breaks kept; nothing when the text is empty. */
export function BrandSection({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold text-stone-900">{title}</h2>
      <div className="whitespace-pre-line break-words text-[15px] leading-7 text-stone-800">{text}</div>
    </section>
  );
}
