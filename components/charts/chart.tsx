'use client';

// One ECharts canvas (SVG renderer). ECharts loads in its own chunk once the chart's box comes near the screen; the
// instance is created once per mount, updated in place with setOption when the option changes, resized with its box and
// disposed on unmount, so a page that refreshes its data all day keeps one instance and flat memory. A data item
// carrying `href` ({ value, href }) is a link: clicking its bar, point or cell opens the list behind the number.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

export type TChartOption = EChartsCoreOption;

/**
 * The platform's palette (party red first) and a CJK-safe font; an option's own `color` / `textStyle` win. ECharts' own
 * aria description stays off: it would replace the box's label, and the data table beside the chart has the numbers.
 */
const BASE_OPTION = {
  color: ['#b91c1c', '#d97706', '#2563eb', '#059669', '#7c3aed', '#0891b2', '#db2777', '#65a30d'],
  textStyle: { fontFamily: 'system-ui, "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
};

type TProps = {
  option: TChartOption;
  /** CSS height of the chart box, e.g. 320 or '100%'. */
  height?: number | string;
  /** Built-in 'dark' theme for the 大屏. */
  theme?: 'dark';
  /** Short description read by screen readers instead of the drawing (the data table next to it has the numbers). */
  label: string;
  className?: string;
};

export function Chart({ option, height = 320, theme, label, className }: TProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);
  // Bumped once the instance exists, so the option effect below applies the first option.
  const [version, setVersion] = useState(0);
  const router = useRouter();
  const routerRef = useRef(router);
  useEffect(() => {
    routerRef.current = router;
  }, [router]);

  useEffect(() => {
    let cancelled = false;
    let resize: ResizeObserver | undefined;
    const start = () =>
      import('./echarts-setup')
        .then(({ echarts }) => {
          const box = boxRef.current;
          if (cancelled || !box) return;
          const chart = echarts.init(box, theme, { renderer: 'svg' });
          chartRef.current = chart;
          chart.on('click', (params) => {
            const data = params.data as { href?: unknown } | null | undefined;
            if (data && typeof data.href === 'string') routerRef.current.push(data.href);
          });
          resize = new ResizeObserver(() => chart.resize());
          resize.observe(box);
          setVersion((value) => value + 1);
        })
        .catch(() => setFailed(true));
    // A page of ten charts draws only those on screen (and those scrolled to): a phone does not draw what nobody sees.
    const visible = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        visible.disconnect();
        void start();
      },
      { rootMargin: '200px' },
    );
    if (boxRef.current) visible.observe(boxRef.current);
    return () => {
      cancelled = true;
      visible.disconnect();
      resize?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, [theme]);

  // Re-applied whenever the option changes or the instance becomes ready.
  useEffect(() => {
    chartRef.current?.setOption({ ...BASE_OPTION, ...option }, { notMerge: true, lazyUpdate: true });
  }, [option, version]);

  if (failed) return <p className="text-sm text-gray-500">图表加载失败，请查看下方数据表。</p>;
  return <div ref={boxRef} role="img" aria-label={label} className={className} style={{ width: '100%', height }} />;
}
