import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { hmacSha1, hmacSha256, sha1, sha256, toHex } from '../../../src/core/check/sha';

describe('sha256 and sha1 (pure, for the browser too)', () => {
  it('match the FIPS 180 examples', () => {
    const abc = new TextEncoder().encode('abc');
    expect(toHex(sha256(abc))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha1(abc))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(toHex(sha256(new Uint8Array(0)))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('equal node:crypto on every length around the block boundaries', () => {
    for (let n = 0; n < 200; n++) {
      const m = Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) & 255);
      expect(toHex(sha256(m))).toBe(createHash('sha256').update(m).digest('hex'));
      expect(toHex(sha1(m))).toBe(createHash('sha1').update(m).digest('hex'));
    }
  });

  it('HMACs equal node:crypto for arbitrary keys and messages (keys longer than a block included)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.uint8Array({ maxLength: 300 }), (key, message) => {
        expect(toHex(hmacSha256(key, message))).toBe(createHmac('sha256', key).update(message).digest('hex'));
        expect(toHex(hmacSha1(key, message))).toBe(createHmac('sha1', key).update(message).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });
});
