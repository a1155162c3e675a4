import { describe, expect, it } from 'vitest';
import { currentRequestId, requestIdFrom, runWithRequest } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it.each(['abc', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'lb.1700000000.42_x', 'A'.repeat(64)])(
    'keeps a short safe token: %s',
    (id) => {
      expect(requestIdFrom(id)).toBe(id);
    },
  );

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'A'.repeat(65)],
    ['a space', 'abc def'],
    ['a header injection', 'abc\r\nSet-Cookie: x=1'],
    ['a log injection', 'abc"}{"level":"fatal'],
    ['a comma list (sent twice)', 'abc, def'],
    ['non-ASCII', 'abcé'],
    ['several values', ['abc', 'def']],
  ])('replaces %s with a new UUID', (_, incoming) => {
    const id = requestIdFrom(incoming);
    expect(id).toMatch(UUID);
  });

  it('generates a different id each time', () => {
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe('the request context', () => {
  it('follows the request across awaits and timers, and is gone outside it', async () => {
    expect(currentRequestId()).toBeUndefined();
    const seen = await runWithRequest({ requestId: 'req-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const inTimer = await new Promise<string | undefined>((resolve) =>
        setTimeout(() => resolve(currentRequestId()), 1),
      );
      return [currentRequestId(), inTimer];
    });
    expect(seen).toEqual(['req-1', 'req-1']);
    expect(currentRequestId()).toBeUndefined();
  });

  it('keeps two requests running at once apart', async () => {
    const one = runWithRequest({ requestId: 'one' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return currentRequestId();
    });
    const two = runWithRequest({ requestId: 'two' }, async () => currentRequestId());
    expect(await Promise.all([one, two])).toEqual(['one', 'two']);
  });
});
