import fc from 'fast-check';
import { maskAccessKeyId } from '../../src/core/mask';

describe('maskAccessKeyId', () => {
  test('first four and last four around …; under 12 characters only …', () => {
    expect(maskAccessKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…MPLE');
    expect(maskAccessKeyId('AKIAIOSFODNN')).toBe('AKIA…ODNN');
    expect(maskAccessKeyId('AKIAIOSFODN')).toBe('…');
    expect(maskAccessKeyId('')).toBe('…');
  });

  test('stable, never longer than 9 code points, never reveals the middle', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 64 }), (value) => {
        const masked = maskAccessKeyId(value);
        expect(maskAccessKeyId(value)).toBe(masked);
        const chars = Array.from(value);
        expect(Array.from(masked).length).toBeLessThanOrEqual(9);
        if (chars.length >= 12) {
          expect(masked).toBe(`${chars.slice(0, 4).join('')}…${chars.slice(-4).join('')}`);
        } else {
          expect(masked).toBe('…');
        }
      }),
    );
  });
});
