/** 已推荐 3 / 5 with a bar; full quota turns amber. */
export function QuotaMeter({ used, limit, size = 'md' }: { used: number; limit: number; size?: 'md' | 'lg' }) {
  const full = used >= limit;
  const percent = limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 100;
  return (
    <div className="min-w-40 space-y-1">
      <p className={size === 'lg' ? 'text-lg font-semibold text-stone-900' : 'text-sm font-medium text-stone-800'}>
        已推荐 <span className="tabular-nums">{used} / {limit}</span>
        {full && <span className="ml-2 text-xs font-medium text-amber-800">名额已满</span>}
      </p>
      <div role="progressbar" aria-label="推荐名额使用情况" aria-valuemin={0} aria-valuemax={limit} aria-valuenow={used} className="h-2 w-full overflow-hidden rounded-full bg-stone-200">
        <div className={`h-full ${full ? 'bg-amber-500' : 'bg-brand-700'}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
