/** Next's cache handler (see redis-cache-handler.mjs); typed loosely, as Next's own interface is internal. */
export default class RedisCacheHandler {
  constructor(options: unknown);
  get(key: string, ctx: { kind: string; tags?: string[]; softTags?: string[] }): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, data: unknown, ctx: { tags?: string[]; cacheControl?: { revalidate?: number } }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
