import { expect, type APIRequestContext } from '@playwright/test';

// The addresses scripts/test.mjs passes (scripts/lib/cluster.mjs): nginx, the public address, and the two app
// instances behind it, reached directly as nginx reaches them.
const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} 未设置：集群测试由 npm test（scripts/test.mjs）启动`);
  return value;
};
export const PUBLIC_URL = required('CLUSTER_URL');
export const INSTANCE_A = required('CLUSTER_A_URL');
export const INSTANCE_B = required('CLUSTER_B_URL');
export const NEXTAUTH_SECRET = required('NEXTAUTH_SECRET');

/**
 * What nginx adds to every request it passes on (deploy/nginx.conf.template): the public host, so the instance
 * compares Origin with it, and the client's address. Requests sent to an instance directly carry them too.
 */
export function proxied(clientIp: string) {
  return { Origin: PUBLIC_URL, 'X-Forwarded-Host': new URL(PUBLIC_URL).host, 'X-Forwarded-For': clientIp, 'X-Forwarded-Proto': 'http' };
}

/** A fresh documentation address (203.0.113.0/24) per call, so address limits of one spec do not reach another. */
let lastOctet = 0;
export const freshIp = () => `203.0.113.${(++lastOctet % 250) + 1}`;

/** The failure code next-auth put in its redirect (`CODE|detail`), or null when the sign-in succeeded. */
export type TSignInOutcome = { error: string | null };

/** Signs in through next-auth's credentials callback at `instance`, as the sign-in form does. */
export async function signInAt(
  request: APIRequestContext,
  instance: string,
  identifier: string,
  password: string,
  options: { ip: string; captchaId?: string; captchaAnswer?: string },
): Promise<TSignInOutcome> {
  const headers = proxied(options.ip);
  const { csrfToken } = (await (await request.get(`${instance}/api/auth/csrf`, { headers })).json()) as { csrfToken: string };
  const response = await request.post(`${instance}/api/auth/callback/credentials`, {
    headers,
    form: { redirect: 'false', identifier, password, csrfToken, callbackUrl: '/dashboard', json: 'true', captchaId: options.captchaId ?? '', captchaAnswer: options.captchaAnswer ?? '' },
  });
  // next-auth answers a refused sign-in with 401 and the same JSON.
  expect([200, 401], `sign-in at ${instance}`).toContain(response.status());
  const { url } = (await response.json()) as { url: string };
  const error = new URL(url, PUBLIC_URL).searchParams.get('error');
  return { error: error ? error.split('|')[0] : null };
}
