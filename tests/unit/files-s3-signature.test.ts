import { describe, expect, it } from 'vitest';
import { signS3Request } from '@/lib/files/s3-signature';
import { createS3Storage } from '@/lib/files/storage';

// The "GET Object" example of the AWS Signature Version 4 documentation for S3.
const EXAMPLE = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('signS3Request', () => {
  it('reproduces the documented AWS example signature', () => {
    const headers = signS3Request(
      { method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'), headers: { Range: 'bytes=0-9' }, payloadSha256: EMPTY_SHA256, now: new Date('2013-05-24T00:00:00Z') },
      EXAMPLE,
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
  });
});

describe('createS3Storage', () => {
  it('sends signed path-style requests and maps 404 to null', async () => {
    const calls: { url: string; method: string; headers: Record<string, string> }[] = [];
    const fetcher = (async (url: URL, init: RequestInit) => {
      calls.push({ url: url.toString(), method: init.method!, headers: init.headers as Record<string, string> });
      return new Response(init.method === 'GET' ? null : '', { status: init.method === 'GET' ? 404 : 200 });
    }) as unknown as typeof fetch;
    const storage = createS3Storage({ ...EXAMPLE, endpoint: 'https://minio.example.cn/', bucket: 'uploads' }, fetcher);
    await storage.put('2026/11/abc.jpg', Buffer.from('x'), 'image/jpeg');
    expect(await storage.get('2026/11/abc.jpg')).toBeNull();
    expect(calls[0]).toMatchObject({ url: 'https://minio.example.cn/uploads/2026/11/abc.jpg', method: 'PUT' });
    expect(calls[0].headers.authorization).toMatch(/SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date/);
    await expect(storage.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
  });
});
