import { describe, expect, it } from 'vitest';
import { createLogger, errorFields } from './logger.ts';
import { createMemoryLog } from './memory-log.ts';
import { runWithRequestContext } from './request-context.ts';

const fixedNow = () => new Date('2026-01-02T03:04:05.000Z');

describe('createLogger', () => {
  it('writes one JSON object per line with time, level and msg first', () => {
    const out: string[] = [];
    const log = createLogger({ level: 'info', write: (line) => out.push(line), now: fixedNow });
    log.info('listening', { port: 8080 });
    expect(out).toEqual(['{"time":"2026-01-02T03:04:05.000Z","level":"info","msg":"listening","port":8080}']);
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
    const context = { requestId: 'req-1', traceId: 'a'.repeat(32), parentSpanId: undefined };
    runWithRequestContext(context, () =>
      log.child({ feature: 'drafting' }).info('draft saved', { sections: 4 }),
    );
    log.info('outside');
    expect(lines[0]).toMatchObject({
      requestId: 'req-1',
      traceId: 'a'.repeat(32),
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
});

describe('errorFields', () => {
  it('keeps the name, code and stack', () => {
    const err = Object.assign(new TypeError('bad thing'), { code: 'E_BAD' });
    expect(errorFields(err)).toMatchObject({ errName: 'TypeError', errCode: 'E_BAD' });
    expect(errorFields(err).stack).toContain('TypeError: bad thing');
    expect(errorFields('a string')).toEqual({ errName: 'string' });
  });
});
