import { describe, expect, it } from 'vitest';
import CacheHandler from '@/lib/cache/redis-cache-handler.mjs';

// The cache handler without REDIS_URL (this process's memory): the same rules as on Redis, which the cluster tier
// tries with two instances.

const handler = new CacheHandler({});
const later = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('cache handler', () => {
  it('keeps Buffers and Maps of a page entry as they were', async () => {
    const page = { kind: 'APP_PAGE', html: '<p>品牌</p>', rscData: Buffer.from([0, 1, 2, 255]), segmentData: new Map([['/a', Buffer.from('段')]]), headers: { 'x-next-cache-tags': 'gallery,_N_T_/gallery' }, status: 200 };
    await handler.set('/gallery/1', page, {});
    const found = await handler.get('/gallery/1', { kind: 'APP_PAGE' });
    expect(found?.value).toEqual(page);
    expect(Buffer.isBuffer((found?.value as typeof page).rscData)).toBe(true);
  });

  it('misses an entry once one of its tags was revalidated after it was written, page tags and data tags alike', async () => {
    await handler.set('page-a', { kind: 'APP_PAGE', html: 'a', headers: { 'x-next-cache-tags': 'gallery' } }, {});
    await handler.set('data-b', { kind: 'FETCH', data: { body: 'b' }, revalidate: 600 }, { tags: ['demo'] });
    await later();
    await handler.revalidateTag('gallery');
    expect(await handler.get('page-a', { kind: 'APP_PAGE' })).toBeNull();
    expect((await handler.get('data-b', { kind: 'FETCH', tags: ['demo'] }))?.value).toEqual({ kind: 'FETCH', data: { body: 'b' }, revalidate: 600 });
    await later();
    await handler.revalidateTag(['demo']);
    expect(await handler.get('data-b', { kind: 'FETCH', tags: ['demo'] })).toBeNull();
  });

  it('dates an entry from the miss that led to it: a tag revalidated while it was computed makes it stale at once', async () => {
    expect(await handler.get('slow', { kind: 'FETCH', tags: ['gallery'] })).toBeNull();
    await later();
    await handler.revalidateTag('gallery'); // a 摘牌 commits while the render still reads old data
    await later();
    await handler.set('slow', { kind: 'FETCH', data: { body: 'old' }, revalidate: 600 }, { tags: ['gallery'] });
    expect(await handler.get('slow', { kind: 'FETCH', tags: ['gallery'] })).toBeNull();
    // The next computation, started after the change, is kept.
    await later();
    await handler.set('slow', { kind: 'FETCH', data: { body: 'new' }, revalidate: 600 }, { tags: ['gallery'] });
    expect((await handler.get('slow', { kind: 'FETCH', tags: ['gallery'] }))?.value).toMatchObject({ data: { body: 'new' } });
  });

  it('removes an entry set to null', async () => {
    await handler.set('gone', { kind: 'FETCH', data: { body: 'x' }, revalidate: 600 }, {});
    await handler.set('gone', null, {});
    expect(await handler.get('gone', { kind: 'FETCH' })).toBeNull();
  });
});
