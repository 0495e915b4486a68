/**
 * SigV4 against AWS's published Signature Version 4 test suite (the `service` cases of
 * docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html, as carried by the AWS SDK for JavaScript's
 * signer tests) and the S3 example of the S3 API reference ("Signature Calculations for the Authorization Header").
 */
import { amzDate, canonicalQuery, signV4, uriEncode } from '../../../src/core/check/sigv4';

const suiteCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: null,
};
const suiteTime = Date.parse('2015-08-30T12:36:00Z');

interface SuiteCase {
  name: string;
  method: 'GET' | 'POST';
  path?: string;
  query?: [string, string][];
  headers?: Record<string, string>;
  body?: string;
  token?: string;
  signedHeaders: string;
  signature: string;
}

const STS_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';
const UNRESERVED = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const cases: SuiteCase[] = [
  {
    name: 'get-header-key-duplicate',
    method: 'GET',
    headers: { 'My-Header1': 'value2,value2,value1' },
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
  },
  {
    name: 'get-header-value-multiline',
    method: 'GET',
    headers: { 'My-Header1': 'value1,value2,value3' },
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: 'ba17b383a53190154eb5fa66a1b836cc297cc0a3d70a5d00705980573d8ff790',
  },
  {
    name: 'get-header-value-order',
    method: 'GET',
    headers: { 'My-Header1': 'value4,value1,value3,value2' },
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: '08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01',
  },
  {
    name: 'get-header-value-trim',
    method: 'GET',
    headers: { 'My-Header1': ' value1', 'My-Header2': ' "a   b   c"' },
    signedHeaders: 'host;my-header1;my-header2;x-amz-date',
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
  },
  {
    name: 'get-unreserved',
    method: 'GET',
    path: `/${UNRESERVED}`,
    signedHeaders: 'host;x-amz-date',
    signature: '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
  },
  {
    name: 'get-utf8',
    method: 'GET',
    path: '/ሴ',
    signedHeaders: 'host;x-amz-date',
    signature: '8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85',
  },
  {
    name: 'get-vanilla',
    method: 'GET',
    signedHeaders: 'host;x-amz-date',
    signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
  },
  {
    name: 'get-vanilla-empty-query-key',
    method: 'GET',
    query: [['Param1', 'value1']],
    signedHeaders: 'host;x-amz-date',
    signature: 'a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb',
  },
  {
    name: 'get-vanilla-query-order-key-case',
    method: 'GET',
    query: [
      ['Param2', 'value2'],
      ['Param1', 'value1'],
    ],
    signedHeaders: 'host;x-amz-date',
    signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
  },
  {
    name: 'get-vanilla-query-unreserved',
    method: 'GET',
    query: [[UNRESERVED, UNRESERVED]],
    signedHeaders: 'host;x-amz-date',
    signature: '9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197',
  },
  {
    name: 'get-vanilla-utf8-query',
    method: 'GET',
    query: [['ሴ', 'bar']],
    signedHeaders: 'host;x-amz-date',
    signature: '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04',
  },
  {
    name: 'post-header-key-sort',
    method: 'POST',
    headers: { 'My-Header1': 'value1' },
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: 'c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c',
  },
  {
    name: 'post-header-value-case',
    method: 'POST',
    headers: { 'My-Header1': 'VALUE1' },
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: 'cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d',
  },
  {
    name: 'post-sts-header-before',
    method: 'POST',
    token: STS_TOKEN,
    signedHeaders: 'host;x-amz-date;x-amz-security-token',
    signature: '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
  },
  {
    name: 'post-vanilla',
    method: 'POST',
    signedHeaders: 'host;x-amz-date',
    signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
  },
  {
    name: 'post-vanilla-query',
    method: 'POST',
    query: [['Param1', 'value1']],
    signedHeaders: 'host;x-amz-date',
    signature: '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11',
  },
  {
    name: 'post-vanilla-query-nonunreserved',
    method: 'POST',
    query: [
      ['@#$%^', ''],
      ['+', '/,?><`";:\\|][{}'],
    ],
    signedHeaders: 'host;x-amz-date',
    signature: '66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e',
  },
  {
    name: 'post-vanilla-query-space',
    method: 'POST',
    query: [['p', '']],
    signedHeaders: 'host;x-amz-date',
    signature: 'e71688addb58a26418614085fb730ba3faa623b461c17f48f2fbdb9361b94a9b',
  },
  {
    name: 'post-x-www-form-urlencoded',
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'Param1=value1',
    signedHeaders: 'content-type;host;x-amz-date',
    signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
  },
  {
    name: 'post-x-www-form-urlencoded-parameters',
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf8' },
    body: 'Param1=value1',
    signedHeaders: 'content-type;host;x-amz-date',
    signature: '1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe',
  },
];

describe('signV4 against the AWS SigV4 test suite', () => {
  it.each(cases)('$name', (c) => {
    const path = (c.path ?? '/').split('/').map(uriEncode).join('/');
    const signed = signV4(
      {
        method: c.method,
        host: 'example.amazonaws.com',
        path,
        query: c.query ?? [],
        headers: c.headers ?? {},
        body: c.body ?? '',
      },
      { ...suiteCredentials, sessionToken: c.token ?? null },
      { region: 'us-east-1', service: 'service', nowMs: suiteTime, contentSha256Header: false },
    );
    expect(signed.headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${c.signedHeaders}, Signature=${c.signature}`,
    );
  });

  it('changing the secret, the date or the region changes the signature', () => {
    const base = {
      method: 'GET',
      host: 'example.amazonaws.com',
      path: '/',
      query: [],
      headers: {},
      body: '',
    };
    const opts = { region: 'us-east-1', service: 'service', nowMs: suiteTime, contentSha256Header: false };
    const reference = signV4(base, suiteCredentials, opts).headers.authorization;
    expect(signV4(base, { ...suiteCredentials, secretAccessKey: 'x' }, opts).headers.authorization).not.toBe(
      reference,
    );
    expect(
      signV4(base, suiteCredentials, { ...opts, nowMs: suiteTime + 1000 }).headers.authorization,
    ).not.toBe(reference);
    expect(signV4(base, suiteCredentials, { ...opts, region: 'eu-west-1' }).headers.authorization).not.toBe(
      reference,
    );
  });
});

describe('signV4 for S3', () => {
  it('reproduces the S3 API reference example (GET /test.txt with Range, x-amz-content-sha256 signed)', () => {
    const signed = signV4(
      {
        method: 'GET',
        host: 'examplebucket.s3.amazonaws.com',
        path: '/test.txt',
        query: [],
        headers: { Range: 'bytes=0-9' },
        body: '',
      },
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        sessionToken: null,
      },
      {
        region: 'us-east-1',
        service: 's3',
        nowMs: Date.parse('2013-05-24T00:00:00Z'),
        contentSha256Header: true,
      },
    );
    expect(signed.stringToSign.split('\n')[3]).toBe(
      '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    );
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('encodes like RFC 3986 and sorts the query by encoded name, then value', () => {
    expect(uriEncode("a b!'()*~")).toBe('a%20b%21%27%28%29%2A~');
    expect(
      canonicalQuery([
        ['b', '2'],
        ['a', 'z'],
        ['a', 'y'],
        ['list-type', '2'],
      ]),
    ).toBe('a=y&a=z&b=2&list-type=2');
    expect(amzDate(Date.parse('2015-08-30T12:36:00.123Z'))).toBe('20150830T123600Z');
  });
});
