import { describe, expect, it } from 'vitest';
import { createLogger, redactText, type TLogLevel } from '@/lib/log';

const NOW = new Date('2026-12-06T09:30:15.123Z');

function capture(format: 'json' | 'pretty', level: TLogLevel = 'info') {
  const lines: { line: string; level: TLogLevel }[] = [];
  const logger = createLogger({ format, level, now: () => NOW, write: (line, at) => lines.push({ line, level: at }) });
  return { logger, lines };
}

describe('server logger', () => {
  it('writes one JSON object a line with level, time, msg and the context fields', () => {
    const { logger, lines } = capture('json');
    logger.error('任务执行失败', { jobName: 'sms-send', jobId: 'a1', attempt: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0].line.endsWith('\n')).toBe(true);
    expect(lines[0].line.trim().includes('\n')).toBe(false);
    expect(JSON.parse(lines[0].line)).toEqual({ level: 'error', time: '2026-12-06T09:30:15.123Z', msg: '任务执行失败', jobName: 'sms-send', jobId: 'a1', attempt: 2 });
    expect(lines[0].level).toBe('error');
  });

  it('writes errors as name, message, code and stack, with their cause', () => {
    const { logger, lines } = capture('json');
    const error = Object.assign(new Error('连接被拒绝', { cause: new Error('底层原因') }), { code: 'ECONNREFUSED' });
    logger.warn('数据库空闲连接已断开', { error });
    const entry = JSON.parse(lines[0].line);
    expect(entry.error).toMatchObject({ name: 'Error', message: '连接被拒绝', code: 'ECONNREFUSED', cause: { message: '底层原因' } });
    expect(entry.error.stack).toContain('连接被拒绝');
  });

  it('leaves out levels below LOG_LEVEL', () => {
    const { logger, lines } = capture('json', 'warn');
    logger.debug('调试');
    logger.info('信息');
    logger.warn('警告');
    logger.error('错误');
    expect(lines.map((entry) => JSON.parse(entry.line).msg)).toEqual(['警告', '错误']);
  });

  it('never writes passwords, tokens, cookies, phone numbers or request bodies', () => {
    const { logger, lines } = capture('json');
    logger.error('接口处理出错', {
      route: '/api/votes',
      password: 'hunter2hunter2',
      passwordHash: '$argon2id$v=19$abc',
      nested: { smsHttpToken: 'tok-123', headers: { authorization: 'Bearer abc.def', cookie: 'next-auth.session-token=xyz' } },
      phone: '13812345678',
      body: { name: '张三', idempotencyKey: 'k' },
      note: '发送到 13812345678 失败',
      url: 'postgresql://dangjian_app:s3cretpw@db:5432/dangjian',
      error: new Error('用户 13912345678 的令牌 Bearer eyJhbGciOi.payload 无效'),
    });
    const line = lines[0].line;
    for (const secret of ['hunter2hunter2', 'argon2id', 'tok-123', 'abc.def', 'xyz', '13812345678', '张三', 's3cretpw', '13912345678', 'eyJhbGciOi']) {
      expect(line, secret).not.toContain(secret);
    }
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({ route: '/api/votes', password: '[已隐藏]', phone: '[已隐藏]', body: '[已隐藏]', note: '发送到 [手机号] 失败' });
    expect(entry.url).toBe('postgresql://dangjian_app:[已隐藏]@db:5432/dangjian');
  });

  it('redacts inside the message too, and keeps numbers that are not phone numbers', () => {
    expect(redactText('手机号 13812345678，订单 2026120613812345678')).toBe('手机号 [手机号]，订单 2026120613812345678');
  });

  it('pretty lines: time, level, message, fields, then the stack', () => {
    const { logger, lines } = capture('pretty');
    logger.info('任务队列已启动（pg-boss）', { pollingIntervalSeconds: 2 });
    expect(lines[0].line).toBe('09:30:15.123 INFO  任务队列已启动（pg-boss） pollingIntervalSeconds=2\n');
    logger.error('定时扫描失败', { scanner: 'stages', error: new Error('boom') });
    expect(lines[1].line).toMatch(/^09:30:15\.123 ERROR 定时扫描失败 scanner=stages\nError: boom\n/);
  });

  it('a value that cannot be written does not throw', () => {
    const { logger, lines } = capture('json');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => logger.info('循环', { loop, big: 10n })).not.toThrow();
    expect(JSON.parse(lines[0].line)).toMatchObject({ msg: '循环', big: '10' });
  });
});
