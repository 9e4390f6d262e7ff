import { z } from 'zod';

// The one place that reads process.env (lint bans it elsewhere). Parsed lazily so `next build`
// works without a database; a missing variable fails on first use with a clear message.
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * The app's connection: a role with data rights only (no owner, no superuser); see README 「数据库角色」. Migrations run
   * as the owner role of MIGRATE_DATABASE_URL, which only the scripts read (scripts/lib/database-url.mjs).
   */
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL 必须是 PostgreSQL 连接串' }).optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** The site's public address; certificates print their verification link (and QR code) under it. */
  NEXTAUTH_URL: z.string().url({ message: 'NEXTAUTH_URL 必须是网址' }).optional(),
  /** Trust X-Forwarded-For from a reverse proxy for client IPs. */
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  /** Milliseconds of the first sign-in delay after 5 failures; it doubles with each further failure. */
  AUTH_DELAY_BASE_MS: z.coerce.number().int().min(0).default(1000),
  /**
   * Redis for Next's cache (lib/cache/redis-cache-handler.mjs, which Next loads itself and which reads it directly): every
   * instance then shares cached entries and tag expiries. Unset: one process keeps them in memory.
   */
  REDIS_URL: z.string().url({ message: 'REDIS_URL 必须是 redis:// 网址' }).optional(),
  /** Prefix of every cache key in Redis, for one Redis shared by several sites. */
  REDIS_KEY_PREFIX: z.string().min(1).default('dj:next:'),
  /** Where uploaded files live: a local directory (default) or an S3-compatible bucket. */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  UPLOAD_DIR: z.string().min(1).default('.data/uploads'),
  S3_ENDPOINT: z.string().url({ message: 'S3_ENDPOINT 必须是 URL' }).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Text messages: `dev` writes them to the sms_messages table (readable on /admin/sms); `http` posts to a provider. */
  SMS_DRIVER: z.enum(['dev', 'http']).default('dev'),
  /** The provider's (or your SMS gateway's) endpoint; see README 「短信验证码」 for the request it receives. */
  SMS_HTTP_URL: z.string().url({ message: 'SMS_HTTP_URL 必须是 URL' }).optional(),
  SMS_HTTP_TOKEN: z.string().min(1).optional(),
  /** 短信签名 and template id as registered with the provider. */
  SMS_SIGN_NAME: z.string().min(1).default('党建品牌'),
  SMS_TEMPLATE_ID: z.string().min(1).optional(),
  /** `0` keeps this server process from running the job worker (pg-boss); every process runs one by default. */
  JOBS_WORKER: z.enum(['0', '1']).default('1'),
  /** Seconds between polls of an idle job queue (at least 0.5). */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Server logs (lib/log.ts): one JSON object a line, or readable lines; unset = json in production, pretty otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** The least severe level written. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * Milliseconds between SIGTERM and stopping (lib/runtime/shutdown.ts): /api/ready answers 503 meanwhile so the load
   * balancer takes the instance out, and requests in flight finish. Unset = 5000 in production, 0 otherwise.
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function env(): TEnv {
  cached ??= ZEnv.parse(process.env);
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('缺少 DATABASE_URL：请用 npm run dev / npm start 启动（会自动启动内置数据库），或设置 DATABASE_URL。');
  return url;
}

export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error('缺少 NEXTAUTH_SECRET：npm run dev / npm start 会自动生成；其他部署方式请在环境变量中设置。');
  return secret;
}
