// Next's cache (data cache entries of unstable_cache, ISR pages and route responses) on Redis, so every instance of the
// app reads the same entries and a revalidateTag() on one instance expires them on all. next.config.js always names
// this handler (the choice cannot wait for the build's environment); without REDIS_URL it keeps the entries in this
// process's memory instead (one process: dev, tests), with the same tag rules.
//
// Keys: `<prefix>e:<cache key>` holds one entry as JSON ({ value, lastModified, tags }), with a TTL; the hash
// `<prefix>tags` maps a tag to the time it was last revalidated. An entry is a miss when any of its tags (its own, the
// page's x-next-cache-tags, the request's soft tags) was revalidated after the entry was written. Times are the
// instances' clocks (kept in step by NTP in production; one machine in the cluster test).
//
// Redis unreachable: a get is a miss and a set is dropped, so pages render from the database and stay correct; a
// revalidateTag that cannot reach Redis is logged (entries then age out through their TTL).
import { createClient } from 'redis';

const PREFIX = process.env.REDIS_KEY_PREFIX || 'dj:next:';
const TAGS_KEY = `${PREFIX}tags`;
/** An entry lives at most this long in Redis whatever its revalidate time (memory bound; Next re-renders a miss). */
const MAX_TTL_SECONDS = 24 * 60 * 60;
const COMMAND_TIMEOUT_MS = 1_000;

let client = null;
let connecting = null;

/** One client per process, connected on first use; commands fail at once while it is disconnected. */
function redis() {
  if (client?.isReady) return Promise.resolve(client);
  connecting ??= (async () => {
    const created = createClient({
      url: process.env.REDIS_URL,
      disableOfflineQueue: true,
      socket: { connectTimeout: COMMAND_TIMEOUT_MS, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 3_000) },
    });
    created.on('error', (error) => warn('Redis 连接错误', error));
    await created.connect();
    client = created;
    return created;
  })().finally(() => {
    connecting = null;
  });
  return connecting;
}

let lastWarning = 0;
function warn(message, error) {
  // At most one line per 10 s: a Redis outage must not flood the log.
  if (Date.now() - lastWarning < 10_000) return;
  lastWarning = Date.now();
  console.warn(JSON.stringify({ level: 'warn', time: new Date().toISOString(), msg: `缓存：${message}`, error: String(error?.message ?? error) }));
}

/** JSON that keeps Buffers and Maps (page HTML/RSC payloads and segment data are Buffers and Maps). */
function encode(value) {
  return JSON.stringify(value, function replacer(key, item) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { $b: raw.toString('base64') };
    if (raw instanceof Map) return { $m: [...raw.entries()] };
    return item;
  });
}

function decode(text) {
  return JSON.parse(text, (_key, item) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      if (typeof item.$b === 'string' && Object.keys(item).length === 1) return Buffer.from(item.$b, 'base64');
      if (Array.isArray(item.$m) && Object.keys(item).length === 1) return new Map(item.$m);
    }
    return item;
  });
}

/** The tags an entry answers to: its own (data cache) and the page's x-next-cache-tags header. */
function tagsOf(data, ctx) {
  const tags = new Set(ctx?.tags ?? []);
  const header = data?.headers?.['x-next-cache-tags'];
  if (typeof header === 'string') for (const tag of header.split(',')) if (tag) tags.add(tag);
  return [...tags];
}

const withTimeout = (promise) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout after ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS).unref())]);

/** Entries and tag times in this process, for a server without REDIS_URL. Oldest entries go first past MAX_ENTRIES. */
const MAX_MEMORY_ENTRIES = 2_000;
const memory = { entries: new Map(), tags: new Map() };
const memoryStore = {
  async get(key) {
    const found = memory.entries.get(key);
    if (!found || found.expiresAt < Date.now()) return null;
    return found.text;
  },
  async set(key, text, ttl) {
    memory.entries.delete(key);
    if (memory.entries.size >= MAX_MEMORY_ENTRIES) memory.entries.delete(memory.entries.keys().next().value);
    memory.entries.set(key, { text, expiresAt: Date.now() + ttl * 1000 });
  },
  async del(key) {
    memory.entries.delete(key);
  },
  async tagTimes(tags) {
    return tags.map((tag) => memory.tags.get(tag) ?? null);
  },
  async markTags(tags, time) {
    for (const tag of tags) memory.tags.set(tag, time);
  },
};

const redisStore = {
  async get(key) {
    const connection = await withTimeout(redis());
    return withTimeout(connection.get(`${PREFIX}e:${key}`));
  },
  async set(key, text, ttl) {
    const connection = await withTimeout(redis());
    await withTimeout(connection.set(`${PREFIX}e:${key}`, text, { expiration: { type: 'EX', value: ttl } }));
  },
  async del(key) {
    const connection = await withTimeout(redis());
    await withTimeout(connection.del(`${PREFIX}e:${key}`));
  },
  async tagTimes(tags) {
    const connection = await withTimeout(redis());
    const times = await withTimeout(connection.hmGet(TAGS_KEY, tags));
    return times.map((time) => (time === null ? null : Number(time)));
  },
  async markTags(tags, time) {
    const connection = await withTimeout(redis());
    await withTimeout(connection.hSet(TAGS_KEY, Object.fromEntries(tags.map((tag) => [tag, String(time)]))));
  },
};

const store = () => (process.env.REDIS_URL ? redisStore : memoryStore);

/**
 * When this process last missed each key. Next computes a missing entry between the miss and the set, so the entry is
 * dated from the miss: a tag revalidated while it was being computed (a 摘牌 during the render) makes it stale at once
 * instead of storing data read before the change as if it were newer.
 */
const missedAt = new Map();
const MAX_MISSES = 5_000;
function noteMiss(key) {
  missedAt.delete(key);
  if (missedAt.size >= MAX_MISSES) missedAt.delete(missedAt.keys().next().value);
  missedAt.set(key, Date.now());
}

export default class RedisCacheHandler {
  constructor(options) {
    this.options = options;
  }

  async get(key, ctx) {
    try {
      const text = await store().get(key);
      if (!text) return noteMiss(key), null;
      const entry = decode(text);
      const tags = [...new Set([...(entry.tags ?? []), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])];
      if (tags.length) {
        const revalidatedAt = await store().tagTimes(tags);
        if (revalidatedAt.some((time) => time !== null && time >= entry.lastModified)) return noteMiss(key), null;
      }
      return { value: entry.value, lastModified: entry.lastModified };
    } catch (error) {
      warn('读取失败，按未命中处理', error);
      noteMiss(key);
      return null;
    }
  }

  async set(key, data, ctx) {
    try {
      if (!data) return void (await store().del(key));
      const revalidate = typeof data.revalidate === 'number' ? data.revalidate : ctx?.cacheControl?.revalidate;
      const ttl = Math.min(MAX_TTL_SECONDS, typeof revalidate === 'number' && revalidate > 0 ? Math.ceil(revalidate * 2) : MAX_TTL_SECONDS);
      const lastModified = missedAt.get(key) ?? Date.now();
      missedAt.delete(key);
      await store().set(key, encode({ value: data, lastModified, tags: tagsOf(data, ctx) }), ttl);
    } catch (error) {
      warn('写入失败，已跳过', error);
    }
  }

  async revalidateTag(tags) {
    const list = (typeof tags === 'string' ? [tags] : tags).filter(Boolean);
    if (!list.length) return;
    try {
      await store().markTags(list, Date.now());
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: '缓存：标签失效未能写入 Redis', tags: list, error: String(error?.message ?? error) }));
    }
  }

  resetRequestCache() {}
}
