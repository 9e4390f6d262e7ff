import { expect, test } from './support/test';

// The probes of the running production build: liveness answers without touching the database, readiness checks the
// database and this build's newest migration; neither is ever cached nor says more than ok / a reason.
test('/api/health and /api/ready answer 200 on the running app, never cached', async ({ request }) => {
  for (const path of ['/api/health', '/api/ready']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toBe('no-store');
    expect(await response.json(), path).toEqual({ ok: true });
  }
});
