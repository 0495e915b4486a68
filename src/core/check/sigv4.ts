/**
 * AWS Signature Version 4 (header form), the one signing path of every face: the CLI and VS Code send what it
 * signs from Node, the JupyterLab panel hands the signed request to the notebook's kernel. Pure and synchronous.
 * Checked against AWS's SigV4 test suite (test/core/check/sigv4.test.ts) and, for S3, against radosgw.
 */
import { encodeUtf8 } from '../bytes';
import { hmacSha256, sha256Hex, toHex } from './sha';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string | null;
}

export interface SigV4Request {
  readonly method: string;
  /** The Host header as sent (host, and `:port` when not the scheme's default). */
  readonly host: string;
  /** The path as sent on the wire: already percent-encoded, each S3 segment encoded once. */
  readonly path: string;
  /** Query parameters, not encoded. */
  readonly query: readonly (readonly [string, string])[];
  /** Other headers to send and sign (names in any case). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent (empty for GET and HEAD). */
  readonly body: string;
}

export interface SigV4Options {
  readonly region: string;
  readonly service: string;
  /** The signing time, from the host's clock (the engine has none). */
  readonly nowMs: number;
  /** S3 requires `x-amz-content-sha256` and signs it; other services do not send it. */
  readonly contentSha256Header: boolean;
}

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - . _ ~ is %XX (upper-case hex). */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `20150830T123600Z`. */
export function amzDate(nowMs: number): string {
  return new Date(nowMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function canonicalQuery(query: readonly (readonly [string, string])[]): string {
  return query
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Header values trimmed, inner runs of spaces collapsed (SigV4's Trimall). */
function canonicalValue(value: string): string {
  return value.trim().replace(/ +/g, ' ');
}

export interface SignedRequest {
  /** Every header to send, the Authorization header included. */
  readonly headers: Record<string, string>;
  /** For tests: the intermediate strings of the algorithm. */
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

/** Signs `request` with `credentials`; returns the headers to send. */
export function signV4(
  request: SigV4Request,
  credentials: AwsCredentials,
  options: SigV4Options,
): SignedRequest {
  const date = amzDate(options.nowMs);
  const day = date.slice(0, 8);
  const payloadHash = sha256Hex(request.body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  headers.host = request.host;
  headers['x-amz-date'] = date;
  if (options.contentSha256Header) headers['x-amz-content-sha256'] = payloadHash;
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;

  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method,
    request.path === '' ? '/' : request.path,
    canonicalQuery(request.query),
    names.map((n) => `${n}:${canonicalValue(headers[n])}\n`).join(''),
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${day}/${options.region}/${options.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n');

  let key = hmacSha256(encodeUtf8(`AWS4${credentials.secretAccessKey}`), day);
  key = hmacSha256(key, options.region);
  key = hmacSha256(key, options.service);
  key = hmacSha256(key, 'aws4_request');
  const signature = toHex(hmacSha256(key, stringToSign));
  key.fill(0);

  headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers, canonicalRequest, stringToSign };
}
