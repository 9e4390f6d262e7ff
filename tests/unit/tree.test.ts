import { describe, expect, it } from 'vitest';
import { buildTree, depthOf, isInSubtree, pathFor, wouldCreateCycle } from '@/lib/org-tree/tree';

describe('organization tree paths', () => {
  it('builds paths and depths from the parent path', () => {
    const root = pathFor(null, 'r');
    const child = pathFor(root, 'c');
    expect(root).toBe('/r/');
    expect(child).toBe('/r/c/');
    expect(depthOf(root)).toBe(0);
    expect(depthOf(pathFor(child, 'g'))).toBe(2);
  });

  it('does not confuse an id that is a prefix of a sibling id', () => {
    expect(isInSubtree('/r/c1/x/', '/r/c/')).toBe(false);
    expect(isInSubtree('/r/c/x/', '/r/c/')).toBe(true);
  });
});

describe('tree-move cycle detection', () => {
  it('refuses moving a node under itself or its descendants', () => {
    expect(wouldCreateCycle('/r/a/', '/r/a/')).toBe(true);
    expect(wouldCreateCycle('/r/a/', '/r/a/b/c/')).toBe(true);
  });

  it('allows moving under a sibling or an ancestor', () => {
    expect(wouldCreateCycle('/r/a/', '/r/b/')).toBe(false);
    expect(wouldCreateCycle('/r/a/b/', '/r/')).toBe(false);
    expect(wouldCreateCycle('/r/a/', '/r/ab/')).toBe(false);
  });
});

describe('buildTree', () => {
  it('nests rows under their parents in sort order', () => {
    const tree = buildTree([
      { id: 'r', parentId: null, sortOrder: 0, name: '市委' },
      { id: 'b', parentId: 'r', sortOrder: 2, name: '乙' },
      { id: 'a', parentId: 'r', sortOrder: 1, name: '甲' },
      { id: 'x', parentId: 'a', sortOrder: 0, name: '支部' },
    ]);
    expect(tree.map((node) => node.id)).toEqual(['r']);
    expect(tree[0].children.map((node) => node.id)).toEqual(['a', 'b']);
    expect(tree[0].children[0].children.map((node) => node.id)).toEqual(['x']);
  });
});
