/** inspectCertificate never throws, never echoes a private key, and stays fast on large inputs. */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { inspectCertificate } from '../../src/core/certificate';
import { readPemBlocks } from '../../src/core/pem';
import { parseCertificateDer } from '../../src/core/x509';

const NOW = Date.UTC(2025, 5, 1);
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'certificates');
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const derOf = (name: string): Uint8Array =>
  new Uint8Array(
    Buffer.from(new TextDecoder().decode(fixture(name)).replace(/-----[^-]+-----|\s/g, ''), 'base64'),
  );

const inspectBytes = (bytes: Uint8Array, nowMs = NOW) =>
  inspectCertificate({ path: '/home/kubeflow/.tls/certificate.crt', file: { kind: 'file', bytes }, nowMs });

function expectWellFormed(bytes: Uint8Array, nowMs = NOW): string {
  const r = inspectBytes(bytes, nowMs);
  expect(['ok', 'invalid']).toContain(r.section.status);
  expect(r.section.status === 'ok' ? typeof r.section.notAfter : r.section.notAfter).toBe(
    r.section.status === 'ok' ? 'string' : null,
  );
  return JSON.stringify(r);
}

/** Mutations of real certificates: every byte position, any value, truncation and insertion. */
const mutatedDer = fc
  .tuple(
    fc.constantFrom(...['rsa-san.crt', 'ec-san.crt', 'cn-only.crt', 'expired.crt'].map(derOf)),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'cut', 'insert')), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([der, edits]) => {
    let bytes = Array.from(der);
    for (const [at, value, kind] of edits) {
      const i = at % (bytes.length + 1);
      if (kind === 'set') bytes[i % bytes.length] = value;
      else if (kind === 'cut') bytes = bytes.slice(0, i);
      else bytes.splice(i, 0, value);
      if (bytes.length === 0) bytes = [value];
    }
    return Uint8Array.from(bytes);
  });

const armour = (label: string, body: string): Uint8Array =>
  encode(`-----BEGIN ${label}-----\n${body.replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`);

describe('never throws', () => {
  test('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.integer(), (bytes, now) => {
        expectWellFormed(bytes, now);
      }),
      { numRuns: 2000 },
    );
  });

  test('arbitrary bytes in PEM armour', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constantFrom('CERTIFICATE', 'PRIVATE KEY', 'X'),
        (bytes, label) => {
          expectWellFormed(armour(label, base64(bytes)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('arbitrary text in PEM armour', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (body) => {
        expectWellFormed(encode(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`));
      }),
      { numRuns: 1000 },
    );
  });

  test('mutated certificates, bare and in PEM armour', () => {
    fc.assert(
      fc.property(mutatedDer, (der) => {
        const info = parseCertificateDer(der);
        if (info !== null) expect(info.notAfter).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expectWellFormed(armour('CERTIFICATE', base64(der)));
        expectWellFormed(der);
      }),
      { numRuns: 3000 },
    );
  });

  test('PEM structure noise', () => {
    const pieces = fc.constantFrom(
      '-----BEGIN CERTIFICATE-----',
      '-----END CERTIFICATE-----',
      '-----BEGIN PRIVATE KEY-----',
      '-----END PRIVATE KEY-----',
      '-----BEGIN ',
      '-----',
      base64(derOf('cn-only.crt')),
      'AAAA',
      '=',
      '\n',
      '\r\n',
      ' ',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const bytes = encode(parts.join(''));
        expectWellFormed(bytes);
        for (const block of readPemBlocks(bytes))
          expect(block.terminated || block.base64 === null).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a private key never leaves', () => {
  test('whatever surrounds it, the key body is not in the output', () => {
    const canary = 'CANARYKEYBODY0123456789';
    fc.assert(
      fc.property(
        fc.constantFrom('PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'),
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        (label, noise, certFirst, terminated) => {
          const key = `-----BEGIN ${label}-----\n${canary}${noise}\n${terminated ? `-----END ${label}-----\n` : ''}`;
          const cert = new TextDecoder().decode(fixture('cn-only.crt'));
          const out = JSON.stringify(inspectBytes(encode(certFirst ? cert + key : key + cert)));
          expect(out).not.toContain(canary);
          expect(out).toContain('CERTIFICATE_PRIVATE_KEY_PRESENT');
        },
      ),
      { numRuns: 500 },
    );
  });
});

// Speed is measured by `npm run bench` (tests do not time things); here: huge and adversarial inputs are
// inspected to a status without throwing.
describe('huge and adversarial inputs', () => {
  const MiB = 1024 * 1024;
  const chain = new TextDecoder().decode(fixture('rsa-san.crt'));

  test.each([
    ['1 MiB of certificates', encode(chain.repeat(Math.ceil(MiB / chain.length))), 'ok'],
    ['1 MiB of random bytes', Uint8Array.from({ length: MiB }, (_, i) => (i * 2654435761) >>> 24), 'invalid'],
    [
      '1 MiB inside an unterminated block',
      encode(`-----BEGIN CERTIFICATE-----\n${'A\n'.repeat(MiB / 2)}`),
      'invalid',
    ],
    ['1 MiB of text', encode('lorem ipsum dolor sit amet\n'.repeat(MiB / 27)), 'invalid'],
    ['1 MiB of dashes', encode('-'.repeat(MiB)), 'invalid'],
    ['1 MiB of BEGIN lines', encode('-----BEGIN X-----\n'.repeat(MiB / 18)), 'invalid'],
    ['1 MiB of blanks after a BEGIN', encode(`-----BEGIN ${' '.repeat(MiB)}x\n`), 'invalid'],
    [
      '8 MiB (the read limit) of certificates',
      encode(chain.repeat(Math.ceil((8 * MiB) / chain.length))),
      'ok',
    ],
  ])('%s', (_name, bytes, status) => expect(inspectBytes(bytes).section.status).toBe(status));
});
