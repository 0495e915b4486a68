import fc from 'fast-check';
import { parseChallenges } from '../../../src/core/check/challenge';

describe('parseChallenges (Www-Authenticate)', () => {
  it('reads the Bearer challenge of distribution, Docker Hub and GHCR', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/ubuntu:pull',
        },
      },
    ]);
  });

  it('reads Basic, case-insensitive schemes and names, spaces around = and quoted escapes', () => {
    expect(parseChallenges('basic Realm = "my \\"registry\\""')).toEqual([
      { scheme: 'basic', params: { realm: 'my "registry"' } },
    ]);
  });

  it('splits several challenges joined in one header, commas inside quotes kept', () => {
    const parsed = parseChallenges('Basic realm="a, b", Bearer realm="https://t/x",service=reg');
    expect(parsed.map((c) => c.scheme)).toEqual(['basic', 'bearer']);
    expect(parsed[0].params.realm).toBe('a, b');
    expect(parsed[1].params).toEqual({ realm: 'https://t/x', service: 'reg' });
  });

  it('gives no challenge for an empty header and keeps going past garbage', () => {
    expect(parseChallenges('')).toEqual([]);
    expect(parseChallenges('"junk", Basic realm=x').map((c) => c.scheme)).toEqual(['basic']);
    expect(parseChallenges('Negotiate')).toEqual([{ scheme: 'negotiate', params: {} }]);
  });

  it('never throws and always ends, on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const out = parseChallenges(s);
        expect(Array.isArray(out)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.stringOf(fc.constantFrom('B', 'a', '=', '"', ',', ' ', '\\', 'r'), { maxLength: 60 }),
        (s) => {
          expect(() => parseChallenges(s)).not.toThrow();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a parameter named __proto__ stays a plain parameter', () => {
    const [c] = parseChallenges('Bearer __proto__="x",realm=y');
    expect(Object.keys(c.params)).toEqual(['__proto__', 'realm']);
    expect(Object.getPrototypeOf(c.params)).toBe(Object.prototype);
  });
});
