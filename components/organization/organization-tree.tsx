'use client';

import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { TextInput } from '@/components/ui/field';
import { MoveOrganizationDialog } from '@/components/organization/move-organization-dialog';
import { OrganizationFormDialog } from '@/components/organization/organization-form-dialog';
import { OrganizationTreeNode, type TNodeAction } from '@/components/organization/organization-tree-node';
import { ToggleOrganizationDialog } from '@/components/organization/toggle-organization-dialog';
import type { TOrgTreeRow } from '@/lib/organization/queries';
import { buildTree } from '@/lib/org-tree/tree';
import { initiallyExpandedIds, searchTree } from '@/lib/organization/tree-view';

type TOpenDialog = { action: TNodeAction; org: TOrgTreeRow } | null;

/** The admin's subtree: expandable, searchable, with the per-node actions and their dialogs. */
export function OrganizationTree({ rows }: { rows: TOrgTreeRow[] }) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(() => initiallyExpandedIds(rows));
  const [dialog, setDialog] = useState<TOpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const roots = useMemo(() => buildTree(rows), [rows]);
  const search = useMemo(() => searchTree(rows, query), [rows, query]);
  const rootIds = useMemo(() => new Set(roots.map((root) => root.id)), [roots]);

  function toggle(id: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function finish(message: string, expandId?: string) {
    setDialog(null);
    setNotice(message);
    if (expandId) setExpanded((current) => new Set(current).add(expandId));
  }

  const close = () => setDialog(null);

  return (
    <section aria-labelledby="org-tree-title" className="rounded-lg border border-stone-200 bg-white shadow-sm">
      <header className="space-y-3 border-b border-stone-200 px-4 py-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="org-tree-title" className="text-base font-semibold text-stone-900">组织树</h2>
          <div className="flex gap-2">
            <Button variant="ghost" className="min-h-8 px-2 py-1" onClick={() => setExpanded(new Set(rows.map((row) => row.id)))} disabled={!!search}>
              全部展开
            </Button>
            <Button variant="ghost" className="min-h-8 px-2 py-1" onClick={() => setExpanded(new Set())} disabled={!!search}>
              全部收起
            </Button>
          </div>
        </div>
        <div role="search" className="flex items-center gap-2">
          <label htmlFor="org-search" className="sr-only">搜索组织</label>
          <TextInput
            id="org-search"
            type="search"
            placeholder="按名称、简称或组织代码搜索"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
          />
        </div>
        <p aria-live="polite" className="text-xs text-stone-500">
          {search ? `找到 ${search.matchIds.size} 个匹配的组织（连同其上级显示）` : `共 ${rows.length} 个组织，深层级默认收起`}
        </p>
        {notice && <Alert tone="success">{notice}</Alert>}
      </header>
      <div className="px-2 py-2 sm:px-3">
        {rows.length === 0 ? (
          <EmptyState title="您的管理范围内还没有组织" />
        ) : search && search.matchIds.size === 0 ? (
          <EmptyState title="没有匹配的组织">换个关键词试试，或清空搜索框查看全部组织。</EmptyState>
        ) : (
          <ul aria-label="组织树">
            {roots
              .filter((root) => !search || search.visibleIds.has(root.id))
              .map((root) => (
                <OrganizationTreeNode
                  key={root.id}
                  node={root}
                  isScopeRoot={rootIds.has(root.id)}
                  isExpanded={(id) => (search ? search.expandedIds.has(id) : expanded.has(id))}
                  isVisible={(id) => !search || search.visibleIds.has(id)}
                  isMatch={(id) => !!search?.matchIds.has(id)}
                  canToggle={!search}
                  onToggle={toggle}
                  onAction={(action, org) => {
                    setNotice(null);
                    setDialog({ action, org });
                  }}
                />
              ))}
          </ul>
        )}
      </div>

      <OrganizationFormDialog
        open={dialog?.action === 'create' || dialog?.action === 'edit'}
        mode={dialog?.action === 'create' ? 'create' : 'edit'}
        org={dialog?.org ?? null}
        onClose={close}
        onDone={(message, expandId) => finish(message, expandId)}
      />
      <MoveOrganizationDialog
        open={dialog?.action === 'move'}
        org={dialog?.org ?? null}
        rows={rows}
        onClose={close}
        onDone={(message, expandId) => finish(message, expandId)}
      />
      <ToggleOrganizationDialog
        open={dialog?.action === 'toggle'}
        org={dialog?.org ?? null}
        rows={rows}
        onClose={close}
        onDone={(message) => finish(message)}
      />
    </section>
  );
}
