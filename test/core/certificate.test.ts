/** inspectCertificate on real certificates (test/fixtures/certificates, made by make.sh) and broken files. */
import * as fs from 'fs';
import * as path from 'path';
import { inspectCertificate, type CertificateResult } from '../../src/core/certificate';
import type { FileState } from '../../src/core/snapshot';

const CERT_PATH = '/home/kubeflow/.tls/certificate.crt';
/** The fixtures' dates are fixed around this "now" (make.sh). */
const NOW = Date.UTC(2025, 5, 1);
const DAY = 24 * 60 * 60 * 1000;
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'certificates');

const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function inspect(file: FileState | Uint8Array, nowMs = NOW): CertificateResult {
  const state: FileState = file instanceof Uint8Array ? { kind: 'file', bytes: file } : file;
  return inspectCertificate({ path: CERT_PATH, file: state, nowMs });
}
const codes = (r: CertificateResult): string[] => r.findings.map((f) => f.code).sort();

/** A private key block whose body is a marker that must never show up in any output. */
const KEY_MARKER = 'S3CR3TKEYMATERIALXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';
const privateKey = (label: string): Uint8Array =>
  text(`-----BEGIN ${label}-----\n${KEY_MARKER}\n${KEY_MARKER.slice(0, 32)}==\n-----END ${label}-----\n`);

describe('the certificates the SDK would use', () => {
  test('RSA with DNS and IP subjectAltNames (IPv6 in RFC 5952 form), UTCTime', () => {
    expect(inspect(fixture('rsa-san.crt'))).toEqual({
      section: {
        path: CERT_PATH,
        status: 'ok',
        names: ['registry.example.com', '*.registry.example.com', '10.0.0.5', 'fd00::5'],
        notAfter: '2034-12-31T23:59:59Z',
      },
      findings: [],
    });
  });

  test('EC with IPv4, IPv6 and IPv4-mapped addresses; e-mail and URI names are not names; GeneralizedTime', () => {
    const r = inspect(fixture('ec-san.crt'));
    expect(r.section).toEqual({
      path: CERT_PATH,
      status: 'ok',
      names: ['ec.example.com', '192.168.1.10', '2001:db8::1:0:0:1', '::ffff:10.1.2.3'],
      notAfter: '2055-12-31T23:59:59Z',
    });
    expect(r.findings).toEqual([]);
  });

  test('a v1 certificate with a common name only', () => {
    expect(inspect(fixture('cn-only.crt')).section).toEqual({
      path: CERT_PATH,
      status: 'ok',
      names: ['cn-only.example.com'],
      notAfter: '2030-01-01T00:00:00Z',
    });
  });

  test('text before the block (openssl x509 -text) and CRLF line endings are fine', () => {
    for (const name of ['with-text.crt', 'crlf.crt']) {
      const r = inspect(fixture(name));
      expect([r.section.status, r.section.names, r.findings]).toEqual(['ok', ['cn-only.example.com'], []]);
    }
  });

  test('a chain reports its first certificate (the registry itself)', () => {
    const r = inspect(fixture('chain.crt'));
    expect(r.section).toEqual({
      path: CERT_PATH,
      status: 'ok',
      names: ['leaf.example.com'],
      notAfter: '2026-01-01T00:00:00Z',
    });
    expect(r.findings).toEqual([]);
  });
});

describe('file states', () => {
  test('missing: no finding, the certificate is optional', () => {
    expect(inspect({ kind: 'missing' })).toEqual({
      section: { path: CERT_PATH, status: 'missing', names: [], notAfter: null },
      findings: [],
    });
  });

  test.each([
    ['not_a_file', 'CERTIFICATE_NOT_A_FILE', 'error'],
    ['unreadable', 'CERTIFICATE_UNREADABLE', 'error'],
  ] as const)('%s', (kind, code, severity) => {
    const r = inspect({ kind });
    expect(r.section).toEqual({ path: CERT_PATH, status: kind, names: [], notAfter: null });
    expect(r.findings).toEqual([
      expect.objectContaining({ code, severity, subject: CERT_PATH, objects: [] }),
    ]);
    expect(r.findings[0].fix).toEqual(expect.any(String));
  });

  test('too_large (over the 8 MiB read limit): not read', () => {
    const r = inspect({ kind: 'too_large', size: 9 * 1024 * 1024 });
    expect(r.section.status).toBe('too_large');
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'CERTIFICATE_TOO_LARGE', severity: 'error' }),
    ]);
    expect(r.findings[0].message).toContain('9.0 MiB');
  });

  test('over 1 MiB but read: inspected, and CERTIFICATE_TOO_LARGE since it cannot become a Secret', () => {
    const cert = fixture('cn-only.crt');
    const padding = (n: number): Uint8Array => text('#'.repeat(n - cert.length - 1) + '\n');
    const over = inspect(concat(cert, padding(1024 * 1024 + 1)));
    expect([over.section.status, codes(over)]).toEqual(['ok', ['CERTIFICATE_TOO_LARGE']]);
    const exactly = inspect(concat(cert, padding(1024 * 1024)));
    expect([exactly.section.status, codes(exactly)]).toEqual(['ok', []]);
  });
});

describe('CERTIFICATE_INVALID', () => {
  const begin = '-----BEGIN CERTIFICATE-----';
  const end = '-----END CERTIFICATE-----';
  const pemBody = (name: string): string => {
    const t = new TextDecoder().decode(fixture(name));
    return t.slice(t.indexOf(begin) + begin.length, t.indexOf(end)).trim();
  };

  test.each([
    ['empty file', text(''), 'is empty'],
    ['whitespace only', text(' \n\r\n\t'), 'is empty'],
    ['DER without PEM armour (the SDK expects PEM text)', fixture('ec-san.der'), 'binary DER'],
    [
      'binary',
      Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 7) & 0xff),
      'no -----BEGIN CERTIFICATE-----',
    ],
    ['garbage between BEGIN and END', text(`${begin}\nthis is not base64!\n${end}\n`), 'not base64'],
    ['base64 without padding', text(`${begin}\nMIIB\nAAA\n${end}\n`), 'not base64'],
    [
      'a header line in the block',
      text(`${begin}\nProc-Type: 4,ENCRYPTED\n\n${pemBody('cn-only.crt')}\n${end}\n`),
      'not base64',
    ],
    ['base64 that is not X.509', text(`${begin}\naGVsbG8gd29ybGQ=\n${end}\n`), 'not a valid X.509'],
    ['an empty block', text(`${begin}\n${end}\n`), 'not a valid X.509'],
    ['no END line', text(`${begin}\n${pemBody('cn-only.crt')}\n`), 'no matching -----END CERTIFICATE-----'],
    [
      'END of another label',
      text(`${begin}\n${pemBody('cn-only.crt')}\n-----END PUBLIC KEY-----\n`),
      'no matching',
    ],
    [
      'indented BEGIN line (copied from YAML)',
      text(`  ${begin}\n  ${pemBody('cn-only.crt')}\n  ${end}\n`),
      'does not start',
    ],
    [
      'a UTF-8 byte order mark',
      concat(Uint8Array.of(0xef, 0xbb, 0xbf), fixture('cn-only.crt')),
      'byte order mark',
    ],
    [
      'a certificate request only',
      text('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n'),
      'no -----BEGIN',
    ],
    [
      'a truncated certificate',
      text(`${begin}\n${pemBody('cn-only.crt').slice(0, 200)}\n${end}\n`),
      'not base64',
    ],
  ])('%s', (_name, bytes, messagePart) => {
    const r = inspect(bytes);
    expect(r.section).toEqual({ path: CERT_PATH, status: 'invalid', names: [], notAfter: null });
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'CERTIFICATE_INVALID', severity: 'error', subject: CERT_PATH }),
    ]);
    expect(r.findings[0].message).toContain(messagePart);
  });

  test('a bad block anywhere in a chain makes the file invalid, and says which one', () => {
    const chain = concat(fixture('cn-only.crt'), text(`${begin}\n!!!!\n${end}\n`));
    const r = inspect(chain);
    expect(r.section.status).toBe('invalid');
    expect(r.findings[0].message).toContain('Certificate 2 of 2');
  });

  test('near miss: the same chain with a good second block is ok', () => {
    expect(codes(inspect(concat(fixture('cn-only.crt'), fixture('rsa-san.crt'))))).toEqual([]);
  });
});

describe('validity', () => {
  const notAfterOf = (name: string): number => Date.parse(inspect(fixture(name)).section.notAfter ?? '');

  test('CERTIFICATE_EXPIRED once now is past notAfter, which is itself still valid', () => {
    const expired = inspect(fixture('expired.crt'));
    expect(codes(expired)).toEqual(['CERTIFICATE_EXPIRED']);
    expect(expired.findings[0]).toMatchObject({ severity: 'error', subject: CERT_PATH });
    expect(expired.findings[0].message).toContain('2021-01-01T00:00:00Z');
    const at = notAfterOf('expired.crt');
    expect(codes(inspect(fixture('expired.crt'), at + 1))).toEqual(['CERTIFICATE_EXPIRED']);
    expect(codes(inspect(fixture('expired.crt'), at))).toEqual(['CERTIFICATE_EXPIRING_SOON']);
  });

  test('CERTIFICATE_EXPIRING_SOON within 30 days of now, not a millisecond earlier', () => {
    const soon = inspect(fixture('expiring-soon.crt'));
    expect(codes(soon)).toEqual(['CERTIFICATE_EXPIRING_SOON']);
    expect(soon.findings[0]).toMatchObject({ severity: 'warning' });
    expect(soon.findings[0].message).toContain('in 10 days');
    const at = notAfterOf('expiring-soon.crt');
    expect(codes(inspect(fixture('expiring-soon.crt'), at - 30 * DAY))).toEqual([
      'CERTIFICATE_EXPIRING_SOON',
    ]);
    expect(codes(inspect(fixture('expiring-soon.crt'), at - 30 * DAY - 1))).toEqual([]);
    expect(codes(inspect(fixture('cn-only.crt')))).toEqual([]);
  });

  test('CERTIFICATE_NOT_YET_VALID before notBefore, not at it', () => {
    const future = inspect(fixture('not-yet-valid.crt'));
    expect(codes(future)).toEqual(['CERTIFICATE_NOT_YET_VALID']);
    expect(future.findings[0]).toMatchObject({ severity: 'error' });
    const notBefore = Date.UTC(2026, 0, 1);
    expect(codes(inspect(fixture('not-yet-valid.crt'), notBefore - 1))).toEqual([
      'CERTIFICATE_NOT_YET_VALID',
    ]);
    expect(codes(inspect(fixture('not-yet-valid.crt'), notBefore))).toEqual([]);
  });

  test('the chain is judged by its first certificate', () => {
    // The CA in chain.crt is valid until 2035, the leaf until 2026-01-01.
    expect(codes(inspect(fixture('chain.crt'), Date.UTC(2026, 0, 2)))).toEqual(['CERTIFICATE_EXPIRED']);
  });
});

describe('CERTIFICATE_PRIVATE_KEY_PRESENT', () => {
  test.each([
    'PRIVATE KEY',
    'RSA PRIVATE KEY',
    'EC PRIVATE KEY',
    'ENCRYPTED PRIVATE KEY',
    'OPENSSH PRIVATE KEY',
  ])('a %s block beside the certificate: a warning, and the key is never echoed', (label) => {
    const r = inspect(concat(fixture('cn-only.crt'), privateKey(label)));
    expect(r.section.status).toBe('ok');
    expect(codes(r)).toEqual(['CERTIFICATE_PRIVATE_KEY_PRESENT']);
    expect(r.findings[0].severity).toBe('warning');
    expect(JSON.stringify(r)).not.toContain(KEY_MARKER.slice(0, 12));
  });

  test('a key file in place of the certificate: invalid, and the key warning too', () => {
    const r = inspect(privateKey('PRIVATE KEY'));
    expect([r.section.status, codes(r)]).toEqual([
      'invalid',
      ['CERTIFICATE_INVALID', 'CERTIFICATE_PRIVATE_KEY_PRESENT'],
    ]);
    expect(JSON.stringify(r)).not.toContain(KEY_MARKER.slice(0, 12));
  });

  test('near miss: a PUBLIC KEY block is no secret', () => {
    expect(codes(inspect(concat(fixture('cn-only.crt'), privateKey('PUBLIC KEY'))))).toEqual([]);
  });
});

describe('messages', () => {
  test('every finding has a one-line message and a fix', () => {
    const results = [
      inspect(fixture('expired.crt')),
      inspect(fixture('not-yet-valid.crt')),
      inspect(fixture('expiring-soon.crt')),
      inspect(text('')),
      inspect(concat(fixture('cn-only.crt'), privateKey('PRIVATE KEY'))),
      inspect({ kind: 'not_a_file' }),
    ];
    for (const f of results.flatMap((r) => r.findings)) {
      expect(f.message).not.toMatch(/\n/);
      expect(f.fix).toEqual(expect.stringMatching(/\S/));
    }
  });
});
