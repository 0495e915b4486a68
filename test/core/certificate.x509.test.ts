/** The DER, PEM and X.509 readers behind inspectCertificate, on certificates built byte by byte. */
import { isDerSequenceOfLength, readChildren, readTlv, readWhole } from '../../src/core/der';
import { decodeBase64, readPemBlocks } from '../../src/core/pem';
import { formatIp, parseCertificateDer } from '../../src/core/x509';

/** DER encoding of one TLV; lengths in the shortest form. */
function tlv(tag: number, ...content: Array<Uint8Array | number[]>): Uint8Array {
  const body = content.flatMap((c) => Array.from(c));
  const n = body.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Uint8Array.from([tag, ...length, ...body]);
}
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string): number[] => Array.from(new TextEncoder().encode(s));

const OID_CN = [0x55, 0x04, 0x03];
const OID_O = [0x55, 0x04, 0x0a];
const OID_SAN = [0x55, 0x1d, 0x11];
const OID_BASIC_CONSTRAINTS = [0x55, 0x1d, 0x13];
const ECDSA_SHA256 = tlv(0x30, tlv(0x06, [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]));

const name = (...attributes: Array<[number[], Uint8Array]>): Uint8Array =>
  tlv(0x30, ...attributes.map(([oid, value]) => tlv(0x31, tlv(0x30, tlv(0x06, oid), value))));
const cn = (value: string, tag = 0x0c): Uint8Array => name([OID_CN, tlv(tag, utf8(value))]);
const utcTime = (s: string): Uint8Array => tlv(0x17, ascii(s));
const generalizedTime = (s: string): Uint8Array => tlv(0x18, ascii(s));
const extension = (oid: number[], value: Uint8Array, critical?: boolean): Uint8Array =>
  tlv(
    0x30,
    tlv(0x06, oid),
    ...(critical === undefined ? [] : [tlv(0x01, [critical ? 0xff : 0])]),
    tlv(0x04, value),
  );
const san = (...names: Uint8Array[]): Uint8Array => extension(OID_SAN, tlv(0x30, ...names));
const dns = (s: string): Uint8Array => tlv(0x82, ascii(s));
const ip = (...bytes: number[]): Uint8Array => tlv(0x87, bytes);

interface Parts {
  version?: Uint8Array | null;
  serial?: Uint8Array;
  subject?: Uint8Array;
  notBefore?: Uint8Array;
  notAfter?: Uint8Array;
  extensions?: Uint8Array[] | null;
  trailing?: Uint8Array[];
}

function certificate(parts: Parts = {}): Uint8Array {
  const spki = tlv(
    0x30,
    tlv(0x30, tlv(0x06, [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01])),
    tlv(0x03, [0, 4, 1, 2]),
  );
  const extensions = parts.extensions === undefined ? [san(dns('registry.example.com'))] : parts.extensions;
  const tbs = tlv(
    0x30,
    ...(parts.version === null ? [] : [parts.version ?? tlv(0xa0, tlv(0x02, [2]))]),
    parts.serial ?? tlv(0x02, [1]),
    ECDSA_SHA256,
    cn('Test CA'),
    tlv(0x30, parts.notBefore ?? utcTime('250101000000Z'), parts.notAfter ?? utcTime('351231235959Z')),
    parts.subject ?? cn('registry.example.com'),
    spki,
    ...(extensions === null ? [] : [tlv(0xa3, tlv(0x30, ...extensions))]),
    ...(parts.trailing ?? []),
  );
  return tlv(0x30, tbs, ECDSA_SHA256, tlv(0x03, [0, 1, 2, 3]));
}

describe('der', () => {
  test('short and long lengths; never past the limit', () => {
    expect(readTlv(Uint8Array.of(0x04, 0x02, 1, 2), 0, 4)).toEqual({ tag: 4, start: 2, end: 4 });
    expect(readTlv(Uint8Array.of(0x04, 0x03, 1, 2), 0, 4)).toBeNull();
    expect(readTlv(Uint8Array.of(0x04, 0x02, 1, 2, 3), 0, 3)).toBeNull();
    const long = Uint8Array.from([0x04, 0x81, 0x80, ...new Array(0x80).fill(7)]);
    expect(readTlv(long, 0, long.length)).toEqual({ tag: 4, start: 3, end: 0x83 });
  });

  test.each([
    ['indefinite length (BER)', [0x30, 0x80, 0, 0]],
    ['long form for a short length', [0x04, 0x81, 0x01, 0]],
    ['a leading zero length octet', [0x04, 0x82, 0x00, 0x80]],
    ['more than four length octets', [0x04, 0x85, 1, 0, 0, 0, 0]],
    ['a high tag number', [0x1f, 0x81, 0x01, 0x00]],
    ['a lone tag', [0x30]],
    ['length octets past the end', [0x04, 0x82, 0x01]],
    ['a 4 GiB length', [0x04, 0x84, 0xff, 0xff, 0xff, 0xff]],
  ])('not DER: %s', (_name, bytes) => expect(readTlv(Uint8Array.from(bytes), 0, bytes.length)).toBeNull());

  test('children must fill their parent exactly', () => {
    const bytes = Uint8Array.of(0x30, 0x05, 0x02, 0x01, 0x01, 0x05, 0x00);
    expect(readChildren(bytes, { tag: 0x30, start: 2, end: 7 })).toHaveLength(2);
    expect(readChildren(bytes, { tag: 0x30, start: 2, end: 6 })).toBeNull();
    expect(readWhole(bytes, 0, 7)).not.toBeNull();
    expect(readWhole(Uint8Array.of(...bytes, 0), 0, 8)).toBeNull();
  });
});

describe('x509 fields', () => {
  test('the built certificate parses', () => {
    expect(parseCertificateDer(certificate())).toEqual({
      names: ['registry.example.com'],
      notBeforeMs: Date.UTC(2025, 0, 1),
      notAfterMs: Date.UTC(2035, 11, 31, 23, 59, 59),
      notAfter: '2035-12-31T23:59:59Z',
    });
  });

  test('names: CNs first, then DNS and IP names in order, without repeats or empty ones', () => {
    const der = certificate({
      subject: name([OID_O, tlv(0x0c, utf8('Org'))], [OID_CN, tlv(0x13, ascii('b.example'))]),
      extensions: [
        san(
          tlv(0x81, ascii('a@example.com')),
          dns('a.example'),
          dns('b.example'),
          ip(10, 0, 0, 1),
          dns(''),
          tlv(0x86, ascii('https://x/')),
        ),
      ],
    });
    expect(parseCertificateDer(der)?.names).toEqual(['b.example', 'a.example', '10.0.0.1']);
  });

  test.each([
    ['PrintableString', tlv(0x13, ascii("Reg (Test) *&'+,-./:=?"))],
    ['IA5String', tlv(0x16, ascii('ia5.example'))],
    ['T61String as Latin-1', tlv(0x14, [0x63, 0x61, 0x66, 0xe9])],
    ['BMPString', tlv(0x1e, [0, 0x62, 0, 0x6d, 0xd8, 0x3d, 0xde, 0x00])],
    ['BMPString with a NUL terminator', tlv(0x1e, [0, 0x62, 0, 0])],
    ['BMPString with a lone surrogate', tlv(0x1e, [0xd8, 0x3d, 0, 0x78])],
    ['NumericString', tlv(0x12, ascii('12 34'))],
    ['UTF8String', tlv(0x0c, utf8('überregistry'))],
  ])('common name as %s', (_kind, value) => {
    const names = parseCertificateDer(
      certificate({ subject: name([OID_CN, value]), extensions: null }),
    )?.names;
    expect(names).toEqual([
      {
        PrintableString: "Reg (Test) *&'+,-./:=?",
        IA5String: 'ia5.example',
        'T61String as Latin-1': 'café',
        BMPString: 'bm😀',
        'BMPString with a NUL terminator': 'b',
        'BMPString with a lone surrogate': '\ufffdx',
        NumericString: '12 34',
        UTF8String: 'überregistry',
      }[_kind],
    ]);
  });

  test('control characters in a name are shown as U+FFFD', () => {
    const der = certificate({ subject: cn('evil\x1b[31m.example'), extensions: null });
    expect(parseCertificateDer(der)?.names).toEqual(['evil\ufffd[31m.example']);
  });

  test.each([
    ['UTCTime 50 is 1950', utcTime('500101000000Z'), '1950-01-01T00:00:00Z'],
    ['UTCTime 49 is 2049', utcTime('491231235959Z'), '2049-12-31T23:59:59Z'],
    ['GeneralizedTime', generalizedTime('99991231235959Z'), '9999-12-31T23:59:59Z'],
    ['GeneralizedTime before 2050', generalizedTime('20300101120000Z'), '2030-01-01T12:00:00Z'],
    ['a leap day', utcTime('240229000000Z'), '2024-02-29T00:00:00Z'],
    ['a year below 100', generalizedTime('00050301000000Z'), '0005-03-01T00:00:00Z'],
  ])('notAfter: %s', (_name, notAfter, iso) => {
    const info = parseCertificateDer(certificate({ notAfter }));
    expect(info?.notAfter).toBe(iso);
    expect(info?.notAfterMs).toBe(Date.parse(iso.startsWith('0005') ? '+000005-03-01T00:00:00Z' : iso));
  });

  test.each([
    ['no seconds', utcTime('3512312359Z')],
    ['a time zone offset', utcTime('351231235959+0100')],
    ['fractional seconds', generalizedTime('20351231235959.5Z')],
    ['no Z', generalizedTime('20351231235959')],
    ['month 13', utcTime('351301000000Z')],
    ['day 0', utcTime('351200000000Z')],
    ['February 29 of a common year', utcTime('250229000000Z')],
    ['February 29, 2100', generalizedTime('21000229000000Z')],
    ['hour 24', utcTime('351231240000Z')],
    ['second 60', utcTime('351231235960Z')],
    ['signs in the digits', utcTime('35-231235959Z')],
    ['an INTEGER', tlv(0x02, [1])],
  ])('not a time: %s', (_name, notAfter) =>
    expect(parseCertificateDer(certificate({ notAfter }))).toBeNull(),
  );

  test('v1 (no version), v2 and v3 are accepted; other versions are not', () => {
    expect(parseCertificateDer(certificate({ version: null, extensions: null }))).not.toBeNull();
    expect(parseCertificateDer(certificate({ version: tlv(0xa0, tlv(0x02, [1])) }))).not.toBeNull();
    expect(parseCertificateDer(certificate({ version: tlv(0xa0, tlv(0x02, [3])) }))).toBeNull();
    expect(parseCertificateDer(certificate({ version: tlv(0xa0, tlv(0x02, [0, 2])) }))).toBeNull();
  });

  test('unique IDs may precede the extensions; nothing else may follow', () => {
    const ids = [tlv(0x81, [0, 1]), tlv(0x82, [0, 2])];
    const withIds = certificate({
      extensions: null,
      trailing: [...ids, tlv(0xa3, tlv(0x30, san(dns('x.example'))))],
    });
    expect(parseCertificateDer(withIds)?.names).toEqual(['registry.example.com', 'x.example']);
    expect(parseCertificateDer(certificate({ trailing: [tlv(0x81, [0])] }))).toBeNull(); // out of order
    expect(parseCertificateDer(certificate({ trailing: [tlv(0x05, [])] }))).toBeNull();
  });

  test.each([
    ['a critical flag', [extension(OID_SAN, tlv(0x30, dns('c.example')), true)]],
    ['an unknown extension', [extension([0x2a, 0x03], tlv(0x05, [])), san(dns('c.example'))]],
  ])('extensions: %s', (_name, extensions) =>
    expect(parseCertificateDer(certificate({ extensions }))?.names).toEqual([
      'registry.example.com',
      'c.example',
    ]),
  );

  test.each([
    [
      'a repeated extension',
      [extension(OID_BASIC_CONSTRAINTS, tlv(0x30)), extension(OID_BASIC_CONSTRAINTS, tlv(0x30))],
    ],
    ['an IP of 5 bytes', [san(ip(1, 2, 3, 4, 5))]],
    ['an IP of 8 bytes (a name-constraint form)', [san(ip(10, 0, 0, 0, 255, 0, 0, 0))]],
    ['a non-ASCII DNS name', [san(tlv(0x82, utf8('ü.example')))]],
    ['a SAN that is not a SEQUENCE', [extension(OID_SAN, tlv(0x31, dns('x')))]],
    ['a SAN with trailing bytes', [extension(OID_SAN, Uint8Array.from([...tlv(0x30, dns('x')), 0]))]],
    ['an extension value that is not an OCTET STRING', [tlv(0x30, tlv(0x06, OID_SAN), tlv(0x03, [0]))]],
    [
      'a critical flag that is not a BOOLEAN',
      [tlv(0x30, tlv(0x06, OID_SAN), tlv(0x02, [1]), tlv(0x04, tlv(0x30)))],
    ],
  ])('not a certificate: %s', (_name, extensions) =>
    expect(parseCertificateDer(certificate({ extensions }))).toBeNull(),
  );

  test.each([
    ['a CN that is not valid UTF-8', name([OID_CN, tlv(0x0c, [0xc3, 0x28])])],
    ['a PrintableString with @', name([OID_CN, tlv(0x13, ascii('a@b'))])],
    ['an IA5String with a high byte', name([OID_CN, tlv(0x16, [0x61, 0xe9])])],
    ['a BMPString of odd length', name([OID_CN, tlv(0x1e, [0, 0x61, 0])])],
    ['a UniversalString (Go refuses it)', name([OID_CN, tlv(0x1c, [0, 0, 0, 0x61])])],
    ['an RDN that is not a SET', tlv(0x30, tlv(0x30, tlv(0x30, tlv(0x06, OID_CN), tlv(0x0c, [0x61]))))],
    [
      'an attribute of three parts',
      tlv(0x30, tlv(0x31, tlv(0x30, tlv(0x06, OID_CN), tlv(0x0c, [0x61]), tlv(0x05, [])))),
    ],
  ])('not a certificate: %s', (_name, subject) =>
    expect(parseCertificateDer(certificate({ subject }))).toBeNull(),
  );

  test('other attributes are not decoded, so an odd one does not matter', () => {
    const subject = name([OID_O, tlv(0x1c, [0, 0, 0, 0x61])], [OID_CN, tlv(0x0c, ascii('ok.example'))]);
    expect(parseCertificateDer(certificate({ subject, extensions: null }))?.names).toEqual(['ok.example']);
  });

  test('structure: three parts, the right tags, no trailing data, a serial number', () => {
    const good = certificate();
    expect(parseCertificateDer(Uint8Array.of(...good, 0))).toBeNull();
    expect(parseCertificateDer(good.subarray(0, good.length - 1))).toBeNull();
    expect(parseCertificateDer(tlv(0x30, good))).toBeNull();
    expect(parseCertificateDer(certificate({ serial: tlv(0x02, []) }))).toBeNull();
    expect(parseCertificateDer(new Uint8Array(0))).toBeNull();
  });
});

describe('formatIp', () => {
  const v6 = (...groups: number[]): Uint8Array => Uint8Array.from(groups.flatMap((g) => [g >> 8, g & 0xff]));
  test.each([
    [[0, 0, 0, 0, 0, 0, 0, 1], '::1'],
    [[0, 0, 0, 0, 0, 0, 0, 0], '::'],
    [[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], '2001:db8::1:0:0:1'], // the first of two equal runs
    [[0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], '2001:db8:0:1:1:1:1:1'], // one zero group is not shortened
    [[0x2001, 0, 0, 1, 0, 0, 0, 1], '2001:0:0:1::1'], // the longest run
    [[0xfe80, 0, 0, 0, 0, 0, 0, 0], 'fe80::'],
    [
      [0xabcd, 0xef01, 0x2345, 0x6789, 0xabcd, 0xef01, 0x2345, 0x6789],
      'abcd:ef01:2345:6789:abcd:ef01:2345:6789',
    ],
    [[0, 0, 0, 0, 0, 0xffff, 0x0a01, 0x0203], '::ffff:10.1.2.3'],
  ])('%j -> %s', (groups, textForm) => {
    const bytes = v6(...groups);
    expect(formatIp(bytes, 0, bytes.length)).toBe(textForm);
  });
  test('IPv4 and bad lengths', () => {
    expect(formatIp(Uint8Array.of(192, 168, 0, 1), 0, 4)).toBe('192.168.0.1');
    expect(formatIp(Uint8Array.of(1, 2, 3), 0, 3)).toBeNull();
  });
});

describe('pem', () => {
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
  test('blocks, labels and bodies; text around them is ignored', () => {
    const blocks = readPemBlocks(
      enc(
        'intro\n-----BEGIN A-----\nAQID\n-----END A-----\nmid\n-----BEGIN B C-----\r\n AQ = = \n-----END B C-----  ',
      ),
    );
    expect(blocks).toEqual([
      { label: 'A', terminated: true, base64: 'AQID' },
      { label: 'B C', terminated: true, base64: 'AQ==' },
    ]);
    expect(decodeBase64('AQID')).toEqual(Uint8Array.of(1, 2, 3));
    expect(decodeBase64('AQ==')).toEqual(Uint8Array.of(1));
    expect(decodeBase64('AQIDBAUG', 2)).toEqual(Uint8Array.of(1, 2, 3));
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });
  test('an END line needs the same label; a BEGIN inside a block ends it unterminated', () => {
    expect(readPemBlocks(enc('-----BEGIN A-----\nAQID\n-----END B-----\n'))).toEqual([
      { label: 'A', terminated: false, base64: null },
    ]);
    expect(readPemBlocks(enc('-----BEGIN A-----\nAQID\n-----BEGIN B-----\nAQID\n-----END B-----\n'))).toEqual(
      [
        { label: 'A', terminated: false, base64: null },
        { label: 'B', terminated: true, base64: 'AQID' },
      ],
    );
  });
  test('lines that only look like markers are body text; markers must start a line', () => {
    expect(readPemBlocks(enc('-----BEGIN A-----\n-----BEGIN oops\n-----END A-----\n'))).toEqual([
      { label: 'A', terminated: true, base64: null },
    ]);
    expect(readPemBlocks(enc(' -----BEGIN A-----\nAQID\n-----END A-----\n'))).toEqual([]);
  });
  test.each(['AQI', 'AQ=D', 'A===', '====', 'AQ-_', 'AQ==AQ==', 'AQID\u00ff'])(
    'not strict base64: %j',
    (body) => {
      expect(readPemBlocks(enc(`-----BEGIN A-----\n${body}\n-----END A-----\n`))[0].base64).toBeNull();
    },
  );
  test('non-zero trailing bits are accepted, as Go StdEncoding does', () => {
    const [block] = readPemBlocks(enc('-----BEGIN A-----\nAR==\n-----END A-----'));
    expect(decodeBase64(block.base64 ?? '')).toEqual(Uint8Array.of(1));
  });
});

describe('isDerSequenceOfLength (the check of the later certificates of a chain)', () => {
  test.each([
    [[0x30, 0x03, 1, 2, 3], 5, true],
    [[0x30, 0x03, 1, 2, 3], 6, false],
    [[0x30, 0x81, 0x80], 0x83, true],
    [[0x30, 0x82, 0x01, 0x00], 0x104, true],
    [[0x31, 0x03], 5, false],
    [[0x30, 0x80], 2, false],
    [[0x30, 0x81, 0x05], 8, false], // not the shortest form
    [[0x30], 1, false],
  ])('%j of %d bytes: %s', (header, total, expected) =>
    expect(isDerSequenceOfLength(Uint8Array.from(header), total)).toBe(expected),
  );
});
