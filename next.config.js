import { ACTION_BODY_LIMIT_BYTES } from './scripts/lib/edge.mjs';

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

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Production runs Next's own server: `node .next/standalone/server.js` (scripts/lib/standalone.mjs copies the static
  // files beside it; Dockerfile and the cluster test do the same).
  output: 'standalone',
  // Lets parallel builds (e.g. a second e2e run) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
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
  // Excel imports upload up to 5 MB through a server action (lib/import/upload.ts checks the exact limit). The server in
  // front of Next (scripts/lib/edge.mjs) refuses a larger body with 413 first, with the same number.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    return [
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
