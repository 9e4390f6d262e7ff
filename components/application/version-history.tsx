import { Card, EmptyState } from '@/components/ui/card';
import { diffSnapshots } from '@/lib/application/version-diff';
import { formatDateTime } from '@/lib/format';

type TVersion = {
  id: string;
  number: number;
  snapshot: unknown;
  submittedAt: Date;
  returnedAt: Date | null;
  returnReason: string | null;
  submittedBy: { displayName: string } | null;
  returnedBy: { displayName: string } | null;
};

/** Newest first; each version shows what changed since the one before it. */
export function VersionHistory({ versions }: { versions: TVersion[] }) {
  if (versions.length === 0) return <EmptyState title="还没有提交记录">申报表提交后，每次提交都会在这里留下一个版本。</EmptyState>;
  const newestFirst = [...versions].reverse();
  return (
    <ol className="space-y-4">
      {newestFirst.map((version) => {
        const previous = versions.find((candidate) => candidate.number === version.number - 1);
        const changes = previous ? diffSnapshots(previous.snapshot, version.snapshot) : [];
        return (
          <li key={version.id}>
            <Card title={`第 ${version.number} 版`}>
              <div className="space-y-3 text-sm">
                <p className="text-stone-700">
                  {version.submittedBy?.displayName ?? '（已删除的用户）'} 于 {formatDateTime(version.submittedAt)} 提交
                </p>
                {version.returnedAt && (
                  <div className="rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950">
                    <p>
                      {version.returnedBy?.displayName ?? '（已删除的用户）'} 于 {formatDateTime(version.returnedAt)} 退回
                    </p>
                    <p className="mt-1 whitespace-pre-wrap break-words">退回理由：{version.returnReason}</p>
                  </div>
                )}
                {previous &&
                  (changes.length === 0 ? (
                    <p className="text-stone-500">与第 {previous.number} 版相比没有修改。</p>
                  ) : (
                    <div className="space-y-2">
                      <p className="font-medium text-stone-800">与第 {previous.number} 版相比的修改：</p>
                      {changes.map((change) => (
                        <div key={change.label} className="rounded-md border border-stone-200">
                          <p className="border-b border-stone-200 bg-stone-50 px-3 py-1.5 font-medium">{change.label}</p>
                          <div className="grid sm:grid-cols-2">
                            <p className="whitespace-pre-wrap break-words px-3 py-2 text-red-900 line-through decoration-red-300 sm:border-r sm:border-stone-200">
                              {change.before || '（空）'}
                            </p>
                            <p className="whitespace-pre-wrap break-words bg-green-50 px-3 py-2 text-green-900">{change.after || '（空）'}</p>
                          </div>
                        </div>
                      ))}
                    </div>
                  ))}
              </div>
            </Card>
          </li>
        );
      })}
    </ol>
  );
}
