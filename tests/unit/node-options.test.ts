import { describe, expect, it } from 'vitest';
import { SEMI_SPACE_OPTION, productionNodeOptions } from '../../scripts/lib/next-server.mjs';

describe('productionNodeOptions', () => {
  it('adds the young-generation size to an empty NODE_OPTIONS', () => {
    expect(productionNodeOptions('')).toBe('--max-semi-space-size=32');
    expect(productionNodeOptions(undefined)).toBe(SEMI_SPACE_OPTION);
  });

  it('keeps the options already there and appends the size', () => {
    expect(productionNodeOptions('--enable-source-maps')).toBe('--enable-source-maps --max-semi-space-size=32');
  });

  it('leaves a size set by the operator alone', () => {
    expect(productionNodeOptions('--max-semi-space-size=64 --enable-source-maps')).toBe('--max-semi-space-size=64 --enable-source-maps');
  });
});
