import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NGINX_PRODUCTION_CONFIG, PRODUCTION_NGINX, renderNginxConfig, renderProductionNginxConfig } from '../../scripts/lib/nginx-config.mjs';

describe('deploy/nginx.conf', () => {
  it('is the template rendered with the production values (run node scripts/lib/nginx-config.mjs after editing the template)', () => {
    expect(readFileSync(NGINX_PRODUCTION_CONFIG, 'utf8')).toBe(renderProductionNginxConfig());
  });

  it('keeps the proxy rules of issue 22: body limit, overwritten client address, one cache fill per page', () => {
    const config = renderProductionNginxConfig();
    expect(config).toContain('client_max_body_size 6m;');
    expect(config).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    expect(config).toContain('proxy_set_header X-Real-IP $remote_addr;');
    expect(config).toContain('proxy_cache_lock on;');
    expect(config).toMatch(/server app1:3000 [^\n]*\n\s*server app2:3000 /);
  });

  it('names a missing value instead of writing a broken file', () => {
    expect(() => renderNginxConfig({ ...PRODUCTION_NGINX, upstreams: [] }, 'listen {{port}};')).toThrow('{{port}}');
  });
});
