'use client';

// The 大屏 of a campaign: a 1920×1080 stage scaled to the window, dark, type sized to be read from 5 m. It polls
// /api/campaigns/<id>/screen and updates in place: one timer at a time (the next is set after a refresh ends), one
// chart instance updated with setOption, one resize listener, nothing that grows with the hours it stays open.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Chart, type TChartOption } from '@/components/charts/chart';
import { compactCount } from '@/lib/bigscreen/format';
import type { TBigScreenData } from '@/lib/bigscreen/queries';

const STAGE_W = 1920;
const STAGE_H = 1080;
const TIME_ZONE = 'Asia/Shanghai';

type TProps = { initial: TBigScreenData; intervalMs: number };

/** Test hook: one refresh now, resolved once its data is applied (the e2e drives 8 hours of refreshes through it). */
type TScreenWindow = Window & { __bigScreen?: { refresh: () => Promise<void> } };

const number = new Intl.NumberFormat('zh-CN');

function useStageScale() {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const fit = () => setScale(Math.min(window.innerWidth / STAGE_W, window.innerHeight / STAGE_H));
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  return scale;
}

/** The clock re-renders alone every second; the rest of the screen only when data arrives. */
const Clock = memo(function Clock() {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!now) return <div className="h-[112px] w-[420px]" />;
  const date = now.toLocaleDateString('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });
  const time = now.toLocaleTimeString('zh-CN', { timeZone: TIME_ZONE, hour12: false });
  return (
    <div className="text-right" aria-label="当前时间">
      <div className="font-mono text-[64px] leading-[1.2] font-bold tabular-nums text-white">{time}</div>
      <div className="mt-1 text-[28px] leading-tight text-slate-300">{date}</div>
    </div>
  );
});

const monthDayTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: TIME_ZONE, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

const STATUS_TEXT = { upcoming: '未开始', open: '进行中', closed: '已结束', disabled: '不启用' } as const;

function voteChartOption(top: TBigScreenData['top']): TChartOption {
  return {
    backgroundColor: 'transparent',
    animationDurationUpdate: 800,
    grid: { left: 20, right: 140, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: top.map((entry) => `${entry.brandName}\n${entry.organizationName}`),
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: {
        width: 480,
        overflow: 'truncate',
        color: '#f1f5f9',
        fontSize: 26,
        lineHeight: 32,
        formatter: (value: string) => {
          const [brand, organization] = value.split('\n');
          return `{brand|${brand}}\n{org|${organization}}`;
        },
        rich: { brand: { fontSize: 27, fontWeight: 'bold', color: '#f8fafc', width: 480, overflow: 'truncate' }, org: { fontSize: 20, color: '#94a3b8', width: 480, overflow: 'truncate' } },
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        data: top.map((entry) => entry.validVotes),
        itemStyle: { color: '#ef4444', borderRadius: [0, 8, 8, 0] },
        label: { show: true, position: 'right', fontSize: 30, fontWeight: 'bold', color: '#fde68a', formatter: (item: { value: number }) => number.format(item.value) },
      },
    ],
  };
}

export function BigScreen({ initial, intervalMs }: TProps) {
  const [data, setData] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const refreshes = useRef(0);
  const scale = useStageScale();
  const campaignId = initial.campaign.id;

  const refresh = useCallback(async () => {
    try {
      const response = await fetch(`/api/campaigns/${campaignId}/screen`, { cache: 'no-store', credentials: 'same-origin' });
      if (response.ok) {
        setData((await response.json()) as TBigScreenData);
        setProblem(null);
      } else {
        setProblem(response.status === 401 ? '登录已失效，请重新登录' : '数据暂未更新，稍后重试');
      }
    } catch {
      setProblem('网络中断，稍后重试');
    }
    refreshes.current += 1;
    rootRef.current?.setAttribute('data-refreshes', String(refreshes.current));
  }, [campaignId]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await refresh();
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    timer = setTimeout(tick, intervalMs);
    const screenWindow = window as TScreenWindow;
    screenWindow.__bigScreen = { refresh };
    return () => {
      stopped = true;
      clearTimeout(timer);
      delete screenWindow.__bigScreen;
    };
  }, [refresh, intervalMs]);

  const option = useMemo(() => voteChartOption(data.top), [data.top]);
  const { stats } = data;
  const tiles: { label: string; value: string; unit: string }[] = [
    { label: '已提交申报', value: compactCount(stats.declared), unit: '个' },
    { label: '资格审查通过', value: compactCount(stats.qualified), unit: '个' },
    { label: '品牌清单', value: compactCount(stats.listed), unit: '个' },
    { label: '专家评审已提交', value: compactCount(stats.reviewsDone), unit: `/ ${compactCount(stats.reviewsTotal)} 份` },
    { label: '有效票总数', value: compactCount(stats.validVotes), unit: '票' },
    { label: '今日投票', value: compactCount(stats.votesToday), unit: '票' },
    { label: '参与投票', value: compactCount(stats.voters), unit: '人' },
    { label: '草稿中', value: compactCount(stats.drafts), unit: '个' },
  ];

  return (
    <div className="fixed inset-0 overflow-hidden bg-[#070b18]">
      <div
        ref={rootRef}
        data-big-screen
        className="absolute top-1/2 left-1/2 flex flex-col bg-gradient-to-b from-[#0b1530] to-[#070b18] px-[56px] pt-[40px] pb-[32px] text-slate-100"
        style={{ width: STAGE_W, height: STAGE_H, transform: `translate(-50%, -50%) scale(${scale})` }}
      >
        <header className="flex h-[140px] shrink-0 items-start justify-between border-b-2 border-red-700/70 pb-[20px]">
          <div className="min-w-0">
            <h1 className="truncate text-[54px] leading-tight font-bold tracking-wide text-white">{data.campaign.title}</h1>
            <p className="mt-1 text-[28px] text-slate-300">
              {data.campaign.ownerName}
              {data.current && (
                <>
                  {' · '}
                  <span className="font-bold text-amber-300">
                    {data.current.label}
                    {data.current.status === 'open' ? `进行中，${monthDayTime(data.current.endsAt)} 截止` : `${monthDayTime(data.current.startsAt)} 开始`}
                  </span>
                </>
              )}
            </p>
          </div>
          <Clock />
        </header>

        <main className="mt-[28px] flex min-h-0 flex-1 gap-[40px]">
          <section aria-label="活动统计" className="grid w-[680px] shrink-0 grid-cols-2 content-start gap-[20px]">
            {tiles.map((tile) => (
              <div key={tile.label} className="rounded-xl border border-slate-700/70 bg-slate-800/50 px-[24px] py-[18px]">
                <div className="text-[26px] text-slate-300">{tile.label}</div>
                <div className="mt-1 text-[56px] leading-tight font-bold tabular-nums text-white">
                  {tile.value}
                  <span className="ml-2 text-[24px] font-normal text-slate-400">{tile.unit}</span>
                </div>
              </div>
            ))}
          </section>

          <section aria-labelledby="votes-title" className="flex min-w-0 flex-1 flex-col rounded-xl border border-slate-700/70 bg-slate-800/30 px-[28px] py-[20px]">
            <h2 id="votes-title" className="text-[34px] font-bold text-white">
              网络投票实时票数<span className="ml-3 text-[24px] font-normal text-slate-400">前 {data.top.length} 名 · 有效票</span>
            </h2>
            {data.top.length === 0 ? (
              <p className="flex flex-1 items-center justify-center text-[36px] text-slate-400">品牌清单发布后显示各品牌票数</p>
            ) : (
              <>
                <Chart option={option} theme="dark" height="100%" label="各品牌有效票数条形图，数据见下表" className="mt-2 min-h-0 flex-1" />
                <table className="sr-only">
                  <caption>网络投票实时票数</caption>
                  <thead>
                    <tr>
                      <th scope="col">名次</th>
                      <th scope="col">品牌</th>
                      <th scope="col">单位</th>
                      <th scope="col">有效票</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.top.map((entry, index) => (
                      <tr key={entry.applicationId}>
                        <td>{index + 1}</td>
                        <td>{entry.brandName}</td>
                        <td>{entry.organizationName}</td>
                        <td>{entry.validVotes}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
        </main>

        <footer className="mt-[24px] flex h-[96px] shrink-0 items-stretch gap-[12px]">
          <ol aria-label="活动阶段" className="flex min-w-0 flex-1 gap-[12px]">
            {data.stages.map((stage) => (
              <li
                key={stage.kind}
                className={`flex min-w-0 flex-1 flex-col justify-center rounded-lg px-[16px] ${stage.status === 'open' ? 'bg-red-700 text-white' : stage.status === 'closed' ? 'bg-slate-800 text-slate-300' : 'bg-slate-900 text-slate-400'}`}
              >
                <span className="truncate text-[26px] font-bold">{stage.label}</span>
                <span className="text-[20px]">{STATUS_TEXT[stage.status]}</span>
              </li>
            ))}
          </ol>
          <p className="flex w-[300px] shrink-0 flex-col justify-center text-right text-[20px] text-slate-400" aria-live="polite">
            <span>数据更新于 {new Date(data.at).toLocaleTimeString('zh-CN', { timeZone: TIME_ZONE, hour12: false })}</span>
            <span className={problem ? 'text-amber-300' : ''}>{problem ?? `每 ${Math.round(intervalMs / 1000)} 秒自动刷新`}</span>
          </p>
        </footer>
      </div>
    </div>
  );
}
