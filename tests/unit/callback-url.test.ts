import { describe, expect, it } from 'vitest';
import { CALLBACK_URL_MAX_LENGTH, sameOriginRedirect } from '@/lib/auth/callback-url';

const baseUrl = 'https://dj.example.cn';
const redirect = (url: string) => sameOriginRedirect({ url, baseUrl });

describe("next-auth's redirect callback", () => {
  it('keeps a path or a URL of this site', () => {
    expect(redirect('/login?changed=1')).toBe('https://dj.example.cn/login?changed=1');
    expect(redirect('/')).toBe('https://dj.example.cn/');
    expect(redirect('https://dj.example.cn/campaigns/abc/vote')).toBe('https://dj.example.cn/campaigns/abc/vote');
    expect(redirect(`/${'a'.repeat(CALLBACK_URL_MAX_LENGTH - 1)}`)).toBe(`${baseUrl}/${'a'.repeat(CALLBACK_URL_MAX_LENGTH - 1)}`);
  });

  it('sends everything else to the home page, and never throws', () => {
    const elsewhere = [
      'https://evil.example/x',
      'http://dj.example.cn/x',
      'https://dj.example.cn.evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'data:text/html,x',
      '%00%ff<script>',
      '\u0000',
      '/x\u0000y',
      '/x\ny',
      'garbage',
      '',
      `/${'a'.repeat(CALLBACK_URL_MAX_LENGTH)}`,
    ];
    for (const url of elsewhere) expect(redirect(url), JSON.stringify(url)).toBe(baseUrl);
    expect(sameOriginRedirect({ url: undefined as unknown as string, baseUrl })).toBe(baseUrl);
  });
});
