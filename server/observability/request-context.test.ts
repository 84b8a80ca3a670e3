import { describe, expect, it } from 'vitest';
import { parseTraceparent, requestIdFrom } from './request-context.ts';

describe('requestIdFrom', () => {
  const newId = () => 'generated';

  it('keeps a well-formed incoming id', () => {
    expect(requestIdFrom('lb-7f3a.91:x_y', newId)).toBe('lb-7f3a.91:x_y');
  });

  it.each([undefined, '', 'has space', 'new\nline', '<script>', 'x'.repeat(129)])(
    'replaces %j with a new id',
    (header) => {
      expect(requestIdFrom(header, newId)).toBe('generated');
    },
  );
});

describe('parseTraceparent', () => {
  it('reads a valid W3C traceparent', () => {
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentSpanId: '00f067aa0ba902b7',
      flags: '01',
    });
  });

  it.each([
    undefined,
    'garbage',
    '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
    'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
  ])('rejects %j', (header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });
});
