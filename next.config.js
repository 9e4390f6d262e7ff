import { fileURLToPath } from 'node:url';
import { ACTION_BODY_LIMIT_BYTES } from './lib/http/body-limit.mjs';

// Security headers on every response. The CSP has no nonces so public pages stay static and cacheable.
const isDev = process.env.NODE_ENV !== 'production';

const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The public pages nginx or a CDN may keep (see headers()). */
// '/gallery/page/:page' and '/demo/:view' are what proxy.ts rewrites /gallery and /demo to (lib/http/cached-pages.ts): as
// cached pages Next would mark them s-maxage=600 itself, and nginx would keep a 摘牌 out of sight for ten minutes.
const PUBLIC_PAGES = ['/gallery', '/gallery/:id', '/gallery/page/:page', '/certificates/:no', '/demo', '/demo/:view', '/demo/belts/:id', '/demo/sites/:id'];
const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=59';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel builds (e.g. a second e2e run) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Production runs Next's own server: .next/standalone/server.js (scripts/build.mjs copies the static files beside it).
  output: 'standalone',
  // Next's cache (data cache, ISR pages) through lib/cache/redis-cache-handler.mjs: on Redis when REDIS_URL is set, so
  // every instance shares entries and tag invalidations; in this process's memory otherwise. Next keeps no memory
  // copy of its own in front of it (that copy would not see another instance's revalidateTag).
  cacheHandler: fileURLToPath(new URL('./lib/cache/redis-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  // Instances built separately agree on the build id when NEXT_BUILD_ID fixes it (docs/DEPLOY.md); unset = Next's own.
  generateBuildId: async () => process.env.NEXT_BUILD_ID || null,
  // scripts/test.mjs type-checks the project itself (next typegen, then tsc --noEmit over the same tsconfig, generated
  // route types included) before it builds, and sets this so the build does not check everything a second time.
  // Every other build (npm run build, production) checks types as usual.
  typescript: { ignoreBuildErrors: process.env.DJ_TYPES_CHECKED === '1' },
  // The benchmark build (npm run bench:vote sets DJ_BENCH_BUILD=1) also serves app/api/bench/**/route.bench.ts;
  // every other build ignores those files, so the bench-only routes never exist in production.
  pageExtensions: process.env.DJ_BENCH_BUILD === '1' ? ['bench.ts', 'tsx', 'ts', 'jsx', 'js'] : ['tsx', 'ts', 'jsx', 'js'],
  // /api/ready compares the newest migration folder of this build with _app_migrations (lib/runtime/readiness.ts).
  outputFileTracingIncludes: { '/api/ready': ['./prisma/migrations/**/migration.sql'] },
  serverExternalPackages: ['@node-rs/argon2', 'exceljs', 'svg-captcha', 'pg', 'pg-boss', 'sharp', 'pdfkit'],
  // Excel imports upload up to 5 MB through a server action (lib/import/upload.ts checks the exact limit). nginx
  // (client_max_body_size) and proxy.ts refuse a larger body with 413 first, with the same number.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    return [
      // The public pages read no cookie: one response serves everyone. nginx (or a CDN) keeps it for a second and
      // serves it stale for a minute while it fetches a fresh one, so a crowd costs the app one render a second per
      // page; a change (摘牌, a new honor) reaches them within that second, since the data behind them is expired on
      // every instance at once (lib/cache). Browsers always ask again (max-age=0). Next keeps a Cache-Control set here
      // and overrides it for errors (no-store).
      ...PUBLIC_PAGES.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: PUBLIC_CACHE_CONTROL }] })),
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
