import { describe, expect, it } from 'vitest';
import { countDescendants, initiallyExpandedIds, moveTargets, relativeDepths, searchTree } from '@/lib/organization/tree-view';

const row = (id: string, path: string, name: string, code: string, isActive = true) => ({
  id,
  parentId: path.split('/').filter(Boolean).at(-2) ?? null,
  path,
  name,
  shortName: null,
  code,
  isActive,
});

// A scope that starts below the real root: the admin holds ORG_ADMIN at "d".
const rows = [
  row('d', '/root/d/', '东城区委', 'SF-DC'),
  row('s', '/root/d/s/', '东华街道党工委', 'SF-DC-DH'),
  row('b1', '/root/d/s/b1/', '幸福里社区党委', 'SF-DC-DH-01'),
  row('g', '/root/d/s/b1/g/', '一号楼党小组', 'SF-DC-DH-01-G1'),
  row('t', '/root/d/t/', '城关镇党委', 'SF-DC-CG', false),
];

describe('tree view helpers', () => {
  it('measures depth from the top of the loaded scope and opens only the first two levels', () => {
    expect(relativeDepths(rows).get('d')).toBe(0);
    expect(relativeDepths(rows).get('g')).toBe(3);
    expect([...initiallyExpandedIds(rows)].sort()).toEqual(['d', 's', 't']);
  });

  it('finds by name or code, case-insensitively, and shows the ancestors opened', () => {
    const result = searchTree(rows, '  sf-dc-dh-01  ')!;
    expect([...result.matchIds].sort()).toEqual(['b1', 'g']);
    expect([...result.visibleIds].sort()).toEqual(['b1', 'd', 'g', 's']);
    expect([...result.expandedIds].sort()).toEqual(['b1', 'd', 's']);
    expect(searchTree(rows, '幸福里')!.visibleIds.has('t')).toBe(false);
    expect(searchTree(rows, '   ')).toBeNull();
    expect(searchTree(rows, '不存在')!.visibleIds.size).toBe(0);
  });

  it('offers active organizations except the node itself and its current parent as move targets', () => {
    const targets = moveTargets(rows, rows[2]).map((target) => target.id);
    expect(targets).toEqual(['d', 'g']);
    expect(countDescendants(rows, rows[1])).toBe(2);
  });
});
