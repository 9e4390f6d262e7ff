'use client';

import { Badge } from '@/components/ui/badge';
import { ORG_FIELD_LABELS } from '@/lib/org-tree/fields';
import type { TOrgTreeRow } from '@/lib/organization/queries';
import type { TTreeNode } from '@/lib/org-tree/tree';

export type TNodeAction = 'create' | 'edit' | 'move' | 'toggle';

type TNodeProps = {
  node: TTreeNode<TOrgTreeRow>;
  /** Top of the admin's scope: it can be neither moved nor disabled from here. */
  isScopeRoot: boolean;
  isExpanded: (id: string) => boolean;
  isVisible: (id: string) => boolean;
  isMatch: (id: string) => boolean;
  canToggle: boolean;
  onToggle: (id: string) => void;
  onAction: (action: TNodeAction, org: TOrgTreeRow) => void;
};

const actionClass =
  'min-h-8 rounded px-2 py-1 text-sm text-brand-700 hover:bg-brand-50 focus-visible:bg-brand-50 disabled:text-stone-400';

export function OrganizationTreeNode(props: TNodeProps) {
  const { node, isScopeRoot, isExpanded, isVisible, isMatch, canToggle, onToggle, onAction } = props;
  const children = node.children.filter((child) => isVisible(child.id));
  const expanded = children.length > 0 && isExpanded(node.id);
  const childrenId = `org-children-${node.id}`;
  const name = node.shortName && node.shortName !== node.name ? `${node.name}（${node.shortName}）` : node.name;

  return (
    <li>
      <div
        className={`flex flex-wrap items-start gap-x-2 gap-y-1 rounded-md px-1 py-2 hover:bg-stone-50 ${isMatch(node.id) ? 'bg-amber-50' : ''}`}
      >
        {children.length > 0 && canToggle ? (
          <button
            type="button"
            onClick={() => onToggle(node.id)}
            aria-expanded={expanded}
            aria-controls={expanded ? childrenId : undefined}
            aria-label={`${expanded ? '收起' : '展开'}${node.name}`}
            className="flex size-8 shrink-0 items-center justify-center rounded text-stone-600 hover:bg-stone-200"
          >
            <span aria-hidden className={`inline-block transition-transform ${expanded ? 'rotate-90' : ''}`}>▶</span>
          </button>
        ) : (
          <span aria-hidden className="flex size-8 shrink-0 items-center justify-center text-stone-300">•</span>
        )}
        <div className="min-w-0 flex-1 pt-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className={`font-medium break-words ${node.isActive ? 'text-stone-900' : 'text-stone-500'}`}>{name}</span>
            <Badge>{node.levelLabel}</Badge>
            {node.field && <Badge tone="info">{ORG_FIELD_LABELS[node.field]}</Badge>}
            {!node.isActive && <Badge tone="muted">已停用</Badge>}
          </div>
          <p className="mt-0.5 text-xs text-stone-500">
            <span className="font-mono">{node.code}</span> · 党员 {node.memberCount} 人
            {node.secretaryName && <> · 书记 {node.secretaryName}</>}
          </p>
        </div>
        <div className="flex w-full flex-wrap gap-1 pl-9 sm:w-auto sm:pl-0">
          {node.isActive && (
            <button type="button" className={actionClass} aria-label={`新建下级：${node.name}`} onClick={() => onAction('create', node)}>
              新建下级
            </button>
          )}
          <button type="button" className={actionClass} aria-label={`编辑：${node.name}`} onClick={() => onAction('edit', node)}>
            编辑
          </button>
          {!isScopeRoot && (
            <>
              <button type="button" className={actionClass} aria-label={`移动：${node.name}`} onClick={() => onAction('move', node)}>
                移动
              </button>
              <button type="button" className={actionClass} aria-label={`${node.isActive ? '停用' : '启用'}：${node.name}`} onClick={() => onAction('toggle', node)}>
                {node.isActive ? '停用' : '启用'}
              </button>
            </>
          )}
        </div>
      </div>
      {expanded && (
        <ul id={childrenId} className="ml-4 border-l border-stone-200 pl-1 sm:ml-5 sm:pl-2">
          {children.map((child) => (
            <OrganizationTreeNode key={child.id} {...props} node={child} isScopeRoot={false} />
          ))}
        </ul>
      )}
    </li>
  );
}
