'use client';

import { useEffect, useState } from 'react';
import { similarNamesAction } from '@/lib/application/actions';
import type { TSimilarName } from '@/lib/application/similar-names';

const DEBOUNCE_MS = 600;

/** Hints under the brand name: already-submitted names that look alike, in this or earlier campaigns. */
export function SimilarNames({ name, applicationId }: { name: string; applicationId: string }) {
  const [matches, setMatches] = useState<TSimilarName[]>([]);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      if (name.trim().length < 2) {
        setMatches([]);
        return;
      }
      const result = await similarNamesAction({ name, excludeApplicationId: applicationId });
      if (!cancelled && result.ok) setMatches(result.data);
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [name, applicationId]);

  if (matches.length === 0) return null;
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950" role="status">
      <p className="font-medium">已有相似的品牌名称，建议避免重名：</p>
      <ul className="mt-1 space-y-0.5">
        {matches.map((match) => (
          <li key={match.applicationId} className="break-words">
            “{match.brandName}” — {match.organizationName}（{match.campaignTitle}，相似度 {Math.round(match.similarity * 100)}%）
          </li>
        ))}
      </ul>
    </div>
  );
}
