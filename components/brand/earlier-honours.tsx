import { Badge } from '@/components/ui/badge';
import type { TEarlierHonour } from '@/lib/brand/honours';
import { formatDate } from '@/lib/format';

/** 分层次选树: the honours the brand already holds from other (e.g. district) campaigns, for reviewers and staff. */
export function EarlierHonours({ honours }: { honours: readonly TEarlierHonour[] }) {
  if (!honours.length) return null;
  return (
    <section aria-labelledby="earlier-honours-heading" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
      <h2 id="earlier-honours-heading" className="text-sm font-semibold text-amber-900">
        该品牌此前获得的表彰（{honours.length}）
      </h2>
      <ul className="mt-2 space-y-1.5 text-sm text-stone-800">
        {honours.map((honour) => (
          <li key={honour.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-medium">{honour.awardName}</span>
            <span className="text-stone-600">
              {honour.ownerOrgName} · {honour.campaignTitle}
              {honour.batch ? ` · 第${honour.batch}批` : ''} · {formatDate(honour.issuedOn)}
            </span>
            {honour.revokedAt && <Badge tone="warning">已摘牌</Badge>}
          </li>
        ))}
      </ul>
    </section>
  );
}
