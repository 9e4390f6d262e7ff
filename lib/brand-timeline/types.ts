/** One event in a brand's life, as the staff timeline shows it (newest first). */
export type TTimelineItem = {
  /** Unique across sources, e.g. "declaration:<id>". */
  key: string;
  at: Date;
  /** What kind of event: 申报, 表彰, 摘牌, 培育, 创建方案, 台帐, 验收 … */
  kind: string;
  title: string;
  detail?: string;
  /** Where staff open it. */
  href?: string;
  tone?: 'neutral' | 'brand' | 'info' | 'success' | 'warning' | 'muted';
};

/**
 * A domain's contribution to the timeline: the events of one brand. Each domain that adds to a brand's life (创建方案,
 * 台帐, 验收认定 …) writes one and lists it in SOURCES (lib/brand-timeline/sources.ts).
 */
export type TTimelineSource = (brandId: string) => Promise<TTimelineItem[]>;
