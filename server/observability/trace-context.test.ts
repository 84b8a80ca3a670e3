import { describe, expect, it } from 'vitest';
import { formatTraceparent, outboundTraceparent, parseTraceparent } from './trace-context.ts';

describe('parseTraceparent', () => {
  it('reads a valid W3C traceparent', () => {
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentSpanId: '00f067aa0ba902b7',
      flags: '01',
    });
  });

  it('reads the first four fields of a later version', () => {
    expect(parseTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra')?.traceId).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it.each([
    undefined,
    'garbage',
    '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
    'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
    '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01',
  ])('rejects %j', (header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });
});

describe('outboundTraceparent', () => {
  it('keeps the trace id and flags and names the new span', () => {
    const header = outboundTraceparent({ traceId: 'a'.repeat(32), traceFlags: '00' }, () => 'b'.repeat(16));
    expect(header).toBe(formatTraceparent('a'.repeat(32), 'b'.repeat(16), '00'));
    expect(parseTraceparent(header)).toEqual({
      traceId: 'a'.repeat(32),
      parentSpanId: 'b'.repeat(16),
      flags: '00',
    });
  });
});
