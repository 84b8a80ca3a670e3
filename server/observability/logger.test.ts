import { describe, expect, it } from 'vitest';
import { createLogger, errorFields } from './logger.ts';
import { createMemoryLog } from './memory-log.ts';
import { runWithRequestContext } from './request-context.ts';

const fixedNow = () => new Date('2026-01-02T03:04:05.000Z');

describe('createLogger', () => {
  it('writes one JSON object per line with level, time and msg first', () => {
    const out: string[] = [];
    const log = createLogger({ level: 'info', write: (line) => out.push(line), now: fixedNow });
    log.info('listening', { port: 8080 });
    expect(out).toEqual(['{"level":"info","time":"2026-01-02T03:04:05.000Z","msg":"listening","port":8080}']);
  });

  it('drops lines below its level', () => {
    const out: string[] = [];
    const log = createLogger({ level: 'warn', write: (line) => out.push(line) });
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(out.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['c', 'd']);
  });

  it('stamps the request context, and child loggers add their fields', () => {
    const { log, lines } = createMemoryLog();
    const context = {
      requestId: 'req-1',
      traceId: 'a'.repeat(32),
      spanId: 'b'.repeat(16),
      parentSpanId: undefined,
      traceFlags: '01',
    };
    runWithRequestContext(context, () =>
      log.child({ feature: 'drafting' }).info('draft saved', { sections: 4 }),
    );
    log.info('outside');
    expect(lines[0]).toMatchObject({
      requestId: 'req-1',
      traceId: 'a'.repeat(32),
      spanId: 'b'.repeat(16),
      feature: 'drafting',
      sections: 4,
    });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('clips long strings and cannot overwrite time, level or msg', () => {
    const { log, lines } = createMemoryLog();
    log.info('x', { detail: 'y'.repeat(5_000), level: 'error', msg: 'forged' });
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'x' });
    expect((lines[0]!.detail as string).length).toBeLessThan(1_100);
  });

  it('writes each key once: call fields win over child fields', () => {
    const out: string[] = [];
    const log = createLogger({ level: 'info', write: (line) => out.push(line) });
    log.child({ feature: 'a', launches: 1 }).info('x', { feature: 'b' });
    expect(out[0]!.match(/"feature"/g)).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ feature: 'b', launches: 1 });
  });

  it('blanks credential-like keys, whatever a caller passed', () => {
    const { log, text } = createMemoryLog();
    log.child({ authorization: 'Bearer abc.def' }).warn('oops', {
      access_token: 'tok-123',
      refresh_token: 'ref-456',
      apiKey: 'sk-789',
      status: 401,
    });
    for (const secret of ['abc.def', 'tok-123', 'ref-456', 'sk-789']) expect(text()).not.toContain(secret);
    expect(text()).toContain('[redacted]');
    expect(text()).toContain('"status":401');
  });

  it('writes nothing below its level, even for a child', () => {
    const { log, lines } = createMemoryLog('warn');
    log.child({ a: 1 }).info('quiet');
    log.child({ a: 1 }).error('loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });
});

describe('errorFields', () => {
  it('keeps the name, code and stack', () => {
    const err = Object.assign(new TypeError('bad thing'), { code: 'E_BAD' });
    expect(errorFields(err)).toMatchObject({ errName: 'TypeError', errCode: 'E_BAD' });
    expect(errorFields(err).stack).toContain('TypeError: bad thing');
    expect(errorFields('a string')).toEqual({ errName: 'string' });
  });
});
