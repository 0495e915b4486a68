/**
 * The storage check: a signed HeadBucket on the bucket of `base_model_storage_uri` (ListBuckets when there is
 * none), signed as the SDK's boto3 client would sign it (SigV4, or SigV2 for `S3_SIGNATURE_VERSION=s3`), with its
 * endpoint, addressing style, region and session token. A HEAD answer has no body, so a refusal is asked again
 * as ListObjectsV2 with max-keys=0 (the same permission, s3:ListBucket) to read the S3 error code.
 * A request is never sent unsigned, except the reachability probe of MinIO without keys, which says so.
 */
import { maskAccessKeyId } from '../mask';
import type { Flow, RequestSpec, Step } from './flow';
import { header, type HttpMethod, type HttpResult } from './exchange';
import type { Sealed } from './sealed';
import { signV2 } from './sigv2';
import { canonicalQuery, signV4, uriEncode, type AwsCredentials } from './sigv4';
import { transportVerdict } from './transportVerdict';
import type { CheckReason, Verdict } from './types';

export interface S3Plan {
  readonly kind: 's3' | 'minio';
  /** The bucket's URL (path-style notation), or the endpoint for ListBuckets. */
  readonly target: string;
  /** The SDK provider whose credentials are used. */
  readonly provider: string;
  /** scheme://host[:port] and any base path, without a trailing slash. */
  readonly endpoint: string;
  readonly bucket: string | null;
  readonly pathStyle: boolean;
  readonly signature: 'v4' | 'v2';
  readonly region: string;
  readonly credentials: Sealed<AwsCredentials> | null;
  /** Why there are no credentials. */
  readonly missing: { readonly reason: CheckReason; readonly detail: string } | null;
  /** A setting the SDK would refuse (bad endpoint, path style or signature version): no request is sent. */
  readonly invalid: string | null;
  /** MinIO without keys: only whether the endpoint answers. */
  readonly reachabilityOnly: boolean;
}

const USER_AGENT = 'kaptain-credentials (live check)';
type Response = Extract<HttpResult, { kind: 'response' }>;
type Phase = 'reach' | 'head' | 'list-objects' | 'list-buckets';

/** `<Code>NoSuchBucket</Code>` from an S3 error document; null when there is none (HEAD answers have no body). */
export function s3ErrorCode(body: string): string | null {
  const match = /<Code>([A-Za-z][A-Za-z0-9.]{0,63})<\/Code>/.exec(body);
  return match ? match[1] : null;
}

/** botocore's test for a bucket that can be a host name label (virtual-host addressing). */
function isVirtualHostable(bucket: string, endpointHost: string): boolean {
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(endpointHost) || endpointHost.startsWith('[');
  return !ip && /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket);
}

export class S3Flow implements Flow {
  readonly #plan: S3Plan;
  #phase: Phase = 'head';
  #current: RequestSpec | null = null;

  constructor(plan: S3Plan) {
    this.#plan = plan;
  }

  start(nowMs: number): Step {
    const plan = this.#plan;
    if (plan.invalid !== null)
      return this.#done({ outcome: 'error', reason: 'invalid_setting', detail: plan.invalid });
    if (plan.reachabilityOnly) {
      this.#phase = 'reach';
      const url = `${plan.endpoint}/`;
      return this.#send({
        method: 'GET',
        url,
        headers: { host: new URL(url).host, 'user-agent': USER_AGENT },
        body: null,
        caPem: null,
      });
    }
    if (plan.credentials === null) {
      const missing = plan.missing ?? { reason: 'no_keys' as const, detail: 'no access key and secret' };
      return this.#done({ outcome: 'no_credentials', reason: missing.reason, detail: missing.detail });
    }
    if (plan.bucket === null) {
      this.#phase = 'list-buckets';
      return this.#send(this.#signed('GET', null, [], nowMs));
    }
    this.#phase = 'head';
    return this.#send(this.#signed('HEAD', plan.bucket, [], nowMs));
  }

  next(result: HttpResult, nowMs: number, limitMs: number): Step {
    const current = this.#current as RequestSpec;
    if (result.kind === 'failure') {
      return this.#done(
        transportVerdict(result, {
          where: new URL(current.url).origin,
          timeoutMs: limitMs,
          caFileUsed: false,
        }),
      );
    }
    const plan = this.#plan;
    switch (this.#phase) {
      case 'reach':
        return this.#done({
          outcome: 'ok',
          reason: 'reachable_only',
          detail: `${plan.endpoint} answered (HTTP ${result.status}); no MinIO keys are available here (MINIO_ACCESS_KEY, MINIO_SECRET_KEY), so only reachability was checked`,
        });
      case 'head':
        if (result.status === 200)
          return this.#done(this.#success(result, `HeadBucket on ${plan.bucket} answered 200`));
        // No body on a HEAD answer: ask again with a GET that carries the error code.
        this.#phase = 'list-objects';
        return this.#send(
          this.#signed(
            'GET',
            plan.bucket,
            [
              ['list-type', '2'],
              ['max-keys', '0'],
            ],
            nowMs,
          ),
        );
      case 'list-objects':
        if (result.status === 200)
          return this.#done(this.#success(result, `ListObjectsV2 on ${plan.bucket} answered 200`));
        return this.#done(this.#refusal(result, `HeadBucket on ${plan.bucket}`));
      case 'list-buckets':
        if (result.status === 200 && result.body.includes('<ListAllMyBucketsResult')) {
          return this.#done(this.#success(result, 'ListBuckets answered 200'));
        }
        if (result.status === 200) {
          return this.#done({
            outcome: 'error',
            reason: 'not_s3',
            detail: `${plan.endpoint} answered 200 to ListBuckets without a bucket list: it is not an S3 service`,
          });
        }
        return this.#done(this.#refusal(result, 'ListBuckets'));
    }
  }

  #send(request: RequestSpec): Step {
    this.#current = request;
    return { kind: 'request', request };
  }

  #done(verdict: Verdict): Step {
    return { kind: 'done', verdict };
  }

  #keyId(): string {
    const credentials = this.#plan.credentials;
    return credentials === null ? '' : maskAccessKeyId(credentials.open().accessKeyId);
  }

  /** A signed answer of 200 from a real S3 service (which always sends x-amz-request-id). */
  #success(result: Response, what: string): Verdict {
    if (header(result, 'x-amz-request-id') === '') {
      return {
        outcome: 'error',
        reason: 'not_s3',
        detail: `${what} but without x-amz-request-id: ${this.#plan.endpoint} does not look like an S3 service`,
      };
    }
    const token = this.#plan.credentials?.open().sessionToken ? ' and session token' : '';
    return {
      outcome: 'ok',
      reason: 'authenticated',
      detail: `authenticated with access key ${this.#keyId()}${token}: ${what} (${this.#plan.signature === 'v2' ? 'SigV2' : 'SigV4'})`,
    };
  }

  #refusal(result: Response, what: string): Verdict {
    const code = s3ErrorCode(result.body);
    const status = result.status;
    const answered = `${what} answered ${status}${code ? ` ${code}` : ''}`;
    const key = this.#keyId();
    const tokenSent = !!this.#plan.credentials?.open().sessionToken;
    const v = (outcome: Verdict['outcome'], reason: CheckReason, why: string): Verdict => ({
      outcome,
      reason,
      detail: `${answered}: ${why}`,
    });
    switch (code) {
      case 'NoSuchBucket':
        return v(
          'bucket_missing',
          'no_such_bucket',
          `the bucket ${this.#plan.bucket} does not exist at ${this.#plan.endpoint}`,
        );
      case 'SignatureDoesNotMatch':
        return v(
          'unauthorized',
          'signature_mismatch',
          `the secret key does not belong to the access key ${key}`,
        );
      case 'InvalidAccessKeyId':
        return v('unauthorized', 'invalid_access_key', `the server does not know the access key ${key}`);
      case 'AccessDenied':
        return v(
          'unauthorized',
          'access_denied',
          tokenSent
            ? `access refused for the key ${key} and its session token: no permission on the bucket, or (radosgw's answer for these too) an expired or foreign session token`
            : `access refused for the key ${key}: no permission on the bucket (a radosgw with STS enabled answers so for a wrong secret too)`,
        );
      case 'ExpiredToken':
      case 'TokenRefreshRequired':
        return v('unauthorized', 'expired_token', 'the session token has expired');
      case 'InvalidToken':
        return v('unauthorized', 'invalid_token', 'the session token is malformed or not valid');
      case 'RequestTimeTooSkewed':
        return v('error', 'clock_skew', "this machine's clock is too far from the server's");
      case 'AuthorizationHeaderMalformed':
      case 'PermanentRedirect':
      case 'IllegalLocationConstraintException':
        return v('error', 'wrong_region', this.#regionHint(result));
    }
    if (code === 'InvalidArgument' && tokenSent) {
      // radosgw's answer to a session token it cannot decrypt.
      return v('unauthorized', 'invalid_token', 'the server refused the request with the session token');
    }
    if (status === 301 || status === 307) return v('error', 'wrong_region', this.#regionHint(result));
    if (status >= 500) return v('error', 'server_error', 'the server failed');
    if (code === null && header(result, 'x-amz-request-id') === '') {
      return v(
        'error',
        'not_s3',
        `${this.#plan.endpoint} does not look like an S3 service (no S3 error code)`,
      );
    }
    return v('error', 'unexpected_answer', 'not an answer the check knows');
  }

  #regionHint(result: Response): string {
    const region = header(result, 'x-amz-bucket-region');
    return region && /^[a-z0-9-]{1,32}$/.test(region)
      ? `the bucket is in ${region}, not ${this.#plan.region}: set AWS_REGION=${region}`
      : `the region ${this.#plan.region} or the endpoint is not the bucket's`;
  }

  /** The request for `bucket` (or the service root), addressed and signed as the SDK's client would. */
  #signed(method: HttpMethod, bucket: string | null, query: [string, string][], nowMs: number): RequestSpec {
    const plan = this.#plan;
    const endpoint = new URL(plan.endpoint);
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    const virtual = bucket !== null && !plan.pathStyle && isVirtualHostable(bucket, endpoint.hostname);
    const host = virtual ? `${bucket}.${endpoint.host}` : endpoint.host;
    const path =
      bucket === null ? `${basePath}/` : virtual ? `${basePath}/` : `${basePath}/${uriEncode(bucket)}`;
    const queryString = canonicalQuery(query);
    const url = `${endpoint.protocol}//${host}${path}${queryString ? `?${queryString}` : ''}`;
    const credentials = (plan.credentials as Sealed<AwsCredentials>).open();
    let headers: Record<string, string>;
    if (plan.signature === 'v2') {
      const resource = bucket === null ? '/' : virtual ? `/${bucket}/` : path;
      headers = { host, ...signV2({ method, resource, query, contentType: '', nowMs }, credentials).headers };
    } else {
      headers = signV4({ method, host, path, query, headers: {}, body: '' }, credentials, {
        region: plan.region,
        service: 's3',
        nowMs,
        contentSha256Header: true,
      }).headers;
    }
    headers['user-agent'] = USER_AGENT;
    return { method, url, headers, body: null, caPem: null };
  }
}
