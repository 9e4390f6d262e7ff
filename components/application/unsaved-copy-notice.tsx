'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { DraftDifferenceList } from '@/components/application/draft-difference-list';
import { diffDraft, type TDraftDifference } from '@/components/application/draft-diff';
import { listLocalDrafts, removeLocalDraft } from '@/components/application/local-draft';
import { formatDateTime } from '@/lib/format';
import type { TApplicationValues } from '@/lib/application/schema';

type TProps = {
  applicationId: string;
  values: TApplicationValues;
  criteria: readonly { id: string; name: string }[];
  fields: readonly { id: string; name: string }[];
};

/**
 * On an application that can no longer be edited here (submitted from another window, say): text this browser
 * kept but could not save is shown beside the stored text, to copy, until the user deletes the copy.
 */
export function UnsavedCopyNotice({ applicationId, values, criteria, fields }: TProps) {
  const [copy, setCopy] = useState<{ revision: number; at: string; rows: TDraftDifference[] } | null>(null);

  useEffect(() => {
    const fieldName = (id: string) => fields.find((field) => field.id === id)?.name ?? id;
    for (const draft of listLocalDrafts(applicationId)) {
      const rows = diffDraft({ mine: draft.values, saved: values, base: draft.base, criteria, fieldName }).filter((row) => row.changedHere !== false);
      if (rows.length) {
        setCopy({ revision: draft.revision, at: draft.at, rows });
        return;
      }
      removeLocalDraft(applicationId, draft.revision);
    }
  }, [applicationId, criteria, fields, values]);

  if (!copy) return null;
  return (
    <Alert tone="warning">
      <div className="space-y-3">
        <p>本设备上保存着 {formatDateTime(copy.at)} 填写、未能保存到申报表的内容（{copy.rows.length} 个栏目）。申报表现在不能在这里修改，需要的文字请复制出来。</p>
        <details className="rounded-md bg-white p-3 text-stone-900">
          <summary className="cursor-pointer font-medium">查看未保存的内容</summary>
          <div className="mt-3">
            <DraftDifferenceList rows={copy.rows} otherLabel="申报表中的内容" />
          </div>
        </details>
        <Button
          variant="secondary"
          onClick={() => {
            removeLocalDraft(applicationId, copy.revision);
            setCopy(null);
          }}
        >
          删除本设备上的副本
        </Button>
      </div>
    </Alert>
  );
}
