import { describe, expect, it } from 'vitest';
import { contentDisposition } from '@/lib/files/http';
import { isSameOrigin, readBodyWithLimit } from '@/lib/http/request';

describe('isSameOrigin', () => {
  it('accepts only an Origin naming this host', () => {
    expect(isSameOrigin(new Headers({ origin: 'https://dj.example.cn', host: 'dj.example.cn' }))).toBe(true);
    expect(isSameOrigin(new Headers({ origin: 'https://evil.example.com', host: 'dj.example.cn' }))).toBe(false);
    expect(isSameOrigin(new Headers({ origin: 'null', host: 'dj.example.cn' }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: 'dj.example.cn' }))).toBe(false);
  });
});

describe('readBodyWithLimit', () => {
  const post = (size: number) => new Request('http://x/', { method: 'POST', body: new Uint8Array(size) });

  it('returns the body up to the limit and null beyond it', async () => {
    expect((await readBodyWithLimit(post(1000), 1000))?.length).toBe(1000);
    expect(await readBodyWithLimit(post(1001), 1000)).toBeNull();
  });
});

describe('contentDisposition', () => {
  it('downloads documents, shows images inline and encodes the Chinese name per RFC 5987', () => {
    expect(contentDisposition('DOCUMENT', '申报材料.pdf', 'application/pdf')).toBe(
      `attachment; filename="file.pdf"; filename*=UTF-8''${encodeURIComponent('申报材料.pdf')}`,
    );
    expect(contentDisposition('IMAGE', 'logo (1).webp', 'image/png')).toBe(`inline; filename="logo (1).png"; filename*=UTF-8''logo%20%281%29.png`);
  });
});
