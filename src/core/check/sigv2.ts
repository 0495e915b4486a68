/**
 * S3's legacy HMAC-SHA1 signature ("SigV2", botocore's HmacV1Auth), which `S3_SIGNATURE_VERSION=s3` selects.
 * Deprecated on AWS but still accepted by MinIO and radosgw, so a check must sign the way the SDK will.
 */
import { encodeBase64, encodeUtf8 } from '../bytes';
import type { AwsCredentials } from './sigv4';
import { hmacSha1 } from './sha';

/** The query parameters S3 counts as sub-resources: only these are part of the signed resource. */
const SUB_RESOURCES = new Set([
  'acl',
  'cors',
  'delete',
  'lifecycle',
  'location',
  'logging',
  'notification',
  'policy',
  'requestPayment',
  'tagging',
  'torrent',
  'uploads',
  'versioning',
  'versions',
  'website',
]);

export interface SigV2Request {
  readonly method: string;
  /** `/bucket/key` as S3 names the resource (the bucket first even for virtual-host requests), percent-encoded. */
  readonly resource: string;
  readonly query: readonly (readonly [string, string])[];
  readonly contentType: string;
  readonly nowMs: number;
}

export interface SignedV2 {
  readonly headers: Record<string, string>;
  readonly stringToSign: string;
}

export function signV2(request: SigV2Request, credentials: AwsCredentials): SignedV2 {
  const date = new Date(request.nowMs).toUTCString();
  const amz: Record<string, string> = {};
  if (credentials.sessionToken) amz['x-amz-security-token'] = credentials.sessionToken;
  const amzLines = Object.keys(amz)
    .sort()
    .map((name) => `${name}:${amz[name].trim()}\n`)
    .join('');
  const subResources = request.query
    .filter(([name]) => SUB_RESOURCES.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`));
  const resource = request.resource + (subResources.length > 0 ? `?${subResources.join('&')}` : '');
  const stringToSign = `${request.method}\n\n${request.contentType}\n${date}\n${amzLines}${resource}`;
  const signature = encodeBase64(hmacSha1(encodeUtf8(credentials.secretAccessKey), stringToSign));
  return {
    headers: { date, ...amz, authorization: `AWS ${credentials.accessKeyId}:${signature}` },
    stringToSign,
  };
}
