import { describe, expect, it } from 'vitest';
import { NETWORK_FAILURE, createVoteSender } from '@/components/voting/send-vote';

const json = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A sender whose requests are answered by `answers` in turn ('network' = the request fails); records each body. */
function scripted(answers: (Response | 'network')[]) {
  const sent: { applicationId: string; idempotencyKey: string }[] = [];
  const paused: number[] = [];
  let keys = 0;
  const send = createVoteSender({
    applicationId: 'app1',
    newKey: () => `key-${++keys}`,
    sleep: async (ms) => void paused.push(ms),
    post: async (body) => {
      sent.push(JSON.parse(body) as { applicationId: string; idempotencyKey: string });
      const answer = answers.shift();
      if (!answer || answer === 'network') throw new TypeError('Failed to fetch');
      return answer;
    },
  });
  return { send, sent, paused };
}

describe('the vote button’s requests', () => {
  it('sends the same key again after a network error and a 5xx, and shows the receipt the server then gives', async () => {
    const { send, sent, paused } = scripted(['network', json(500, { message: 'Internal Server Error' }), json(502, {}), json(200, { receipt: 'ABCDEFGH23', usedToday: 2, perDay: 5, repeated: true })]);
    expect(await send()).toEqual({ ok: true, receipt: 'ABCDEFGH23', left: 3 });
    expect(sent).toEqual(Array.from({ length: 4 }, () => ({ applicationId: 'app1', idempotencyKey: 'key-1' })));
    expect(paused).toEqual([400, 1200, 3000]);
  });

  it('keeps the key when every try failed, so the next click cannot count the vote twice; a new click after an answer gets a new key', async () => {
    const { send, sent } = scripted([json(503, {}), 'network', 'network', json(504, {}), json(200, { receipt: 'SAVED23456', usedToday: 1, perDay: 1 }), json(200, { receipt: 'NEXT234567', usedToday: 1, perDay: 2 })]);
    expect(await send()).toEqual({ ok: false, message: NETWORK_FAILURE });
    expect(await send()).toMatchObject({ ok: true, receipt: 'SAVED23456', left: 0 });
    await send();
    expect(sent.map((body) => body.idempotencyKey)).toEqual(['key-1', 'key-1', 'key-1', 'key-1', 'key-1', 'key-2']);
  });

  it('a 200 whose body is cut off is tried again with the same key', async () => {
    const { send, sent } = scripted([new Response('{"rece', { status: 200 }), json(200, { receipt: 'WHOLE23456', usedToday: 1, perDay: 3 })]);
    expect(await send()).toMatchObject({ ok: true, receipt: 'WHOLE23456' });
    expect(new Set(sent.map((body) => body.idempotencyKey))).toEqual(new Set(['key-1']));
  });

  it('does not retry a refusal (4xx): it shows the reason, and the next click is a new vote', async () => {
    const { send, sent } = scripted([json(429, { message: '今天的 2 票已经投完，明天再来吧', code: 'VOTE_LIMIT' }), json(409, { message: '网络投票阶段已结束，不能投票' })]);
    expect(await send()).toEqual({ ok: false, message: '今天的 2 票已经投完，明天再来吧' });
    expect(await send()).toEqual({ ok: false, message: '网络投票阶段已结束，不能投票' });
    expect(sent.map((body) => body.idempotencyKey)).toEqual(['key-1', 'key-2']);
  });
});
