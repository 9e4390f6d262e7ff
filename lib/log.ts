import { env } from '@/lib/env';

// Server logs for operational events (pool errors, job worker start/stop/failures, faults at the request boundary):
// one JSON object a line in production ({"level","time","msg", …context}), readable lines in development
// (LOG_FORMAT, LOG_LEVEL in lib/env.ts). A few dozen lines instead of pino: the app logs events, not every request,
// so pino's speed buys nothing, while its readable format needs pino-pretty as a worker-thread transport that Next's
// server bundle must be told about, and its path-based redaction would still miss a phone number inside an error
// message. Nothing here writes a request body: callers pass named fields, and the fields below are hidden by name
// and by shape wherever they appear.

export type TLogLevel = 'debug' | 'info' | 'warn' | 'error';
export type TLogFields = Record<string, unknown>;
export type TLogger = Record<TLogLevel, (msg: string, fields?: TLogFields) => void>;

const RANK: Record<TLogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const HIDDEN = '[已隐藏]';

/** Fields whose value is never written, at any depth: credentials, session material, phone numbers, request bodies. */
const SECRET_KEY = /passw(or)?d|^pass$|hash$|secret|token|authorization|cookie|credential|session|phone|mobile|^body$|^captcha|^code$|signature|api[-_]?key|access[-_]?key/i;
/** A mainland mobile number inside any string (11 digits starting 1[3-9]), not part of a longer number. */
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** The password of a connection string (postgresql://user:password@host). */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]+:)[^@/\s]+@/gi;
/** Bearer / Basic credentials in a string. */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

export function redactText(text: string): string {
  return text.replace(URL_PASSWORD, `$1${HIDDEN}@`).replace(AUTH_SCHEME, `$1 ${HIDDEN}`).replace(MOBILE, '[手机号]');
}

function serializeError(error: Error, depth: number): TLogFields {
  const out: TLogFields = { name: error.name, message: redactText(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  if (error.stack) out.stack = redactText(error.stack);
  if (error.cause !== undefined && depth < 3) out.cause = clean(error.cause, depth + 1);
  return out;
}

/** A copy safe to write: secret keys hidden, strings redacted, errors as {name, message, code, stack}, depth bounded. */
function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return serializeError(value, depth);
  if (value instanceof Date) return value.toISOString();
  if (depth >= 4) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => clean(item, depth + 1));
  const out: TLogFields = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? HIDDEN : clean(item, depth + 1);
  return out;
}

export type TLoggerOptions = {
  format: 'json' | 'pretty';
  level: TLogLevel;
  /** Where a finished line goes (default: stdout for debug/info, stderr for warn/error). */
  write?: (line: string, level: TLogLevel) => void;
  now?: () => Date;
};

const defaultWrite = (line: string, level: TLogLevel) => (RANK[level] >= RANK.warn ? process.stderr : process.stdout).write(line);

function prettyLine(level: TLogLevel, time: Date, msg: string, fields: TLogFields): string {
  const { error, ...rest } = fields;
  const clock = time.toISOString().slice(11, 23);
  const context = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const failure = error && typeof error === 'object' ? `\n${String((error as TLogFields).stack ?? (error as TLogFields).message ?? JSON.stringify(error))}` : '';
  return `${clock} ${level.toUpperCase().padEnd(5)} ${msg}${context ? ` ${context}` : ''}${failure}\n`;
}

export function createLogger(options: TLoggerOptions): TLogger {
  const { format, level: least, write = defaultWrite, now = () => new Date() } = options;
  const emit = (level: TLogLevel) => (msg: string, fields: TLogFields = {}) => {
    if (RANK[level] < RANK[least]) return;
    try {
      const time = now();
      const safe = clean(fields) as TLogFields;
      const text = redactText(msg);
      write(format === 'json' ? `${JSON.stringify({ level, time: time.toISOString(), msg: text, ...safe })}\n` : prettyLine(level, time, text, safe), level);
    } catch {
      // A log line must never take a request or the worker down with it.
    }
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

let shared: TLogger | undefined;

function sharedLogger(): TLogger {
  if (!shared) {
    const { LOG_FORMAT, LOG_LEVEL, NODE_ENV } = env();
    shared = createLogger({ format: LOG_FORMAT ?? (NODE_ENV === 'production' ? 'json' : 'pretty'), level: LOG_LEVEL });
  }
  return shared;
}

/** The server's logger, configured from the environment on first use: `log.error('任务失败', { jobName, error })`. */
export const log: TLogger = {
  debug: (msg, fields) => sharedLogger().debug(msg, fields),
  info: (msg, fields) => sharedLogger().info(msg, fields),
  warn: (msg, fields) => sharedLogger().warn(msg, fields),
  error: (msg, fields) => sharedLogger().error(msg, fields),
};
