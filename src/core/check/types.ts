/** What a live check reports: the `check --json` shape (docs/check.md). No field ever holds a secret. */

export type CheckKind = 'docker' | 's3' | 'minio';

/** The outcomes; `reason` says precisely which case of the outcome it is. */
export type CheckOutcome =
  | 'ok'
  | 'unauthorized'
  | 'no_credentials'
  | 'bucket_missing'
  | 'tls_error'
  | 'unreachable'
  | 'timeout'
  | 'error';

export const CHECK_OUTCOMES: readonly CheckOutcome[] = [
  'ok',
  'unauthorized',
  'no_credentials',
  'bucket_missing',
  'tls_error',
  'unreachable',
  'timeout',
  'error',
];

/** The precise reason behind an outcome (docs/check.md lists which outcome each belongs to). */
export type CheckReason =
  // ok
  | 'authenticated'
  | 'no_auth_required'
  | 'reachable_only'
  // unauthorized
  | 'bad_credentials'
  | 'token_denied'
  | 'token_rejected'
  | 'no_push'
  | 'signature_mismatch'
  | 'invalid_access_key'
  | 'access_denied'
  | 'expired_token'
  | 'invalid_token'
  // no_credentials
  | 'no_config'
  | 'config_unusable'
  | 'no_entry'
  | 'creds_store'
  | 'cred_helper'
  | 'no_password'
  | 'no_keys'
  | 'profile_not_found'
  // bucket_missing
  | 'no_such_bucket'
  // tls_error, unreachable, timeout
  | 'certificate'
  | 'tls_handshake'
  | 'connection_refused'
  | 'dns'
  | 'network'
  | 'timeout'
  // error
  | 'invalid_setting'
  | 'unsupported_challenge'
  | 'bad_token_response'
  | 'not_a_registry'
  | 'not_s3'
  | 'wrong_region'
  | 'redirect'
  | 'clock_skew'
  | 'server_error'
  | 'unexpected_answer'
  | 'transport_error';

export interface Verdict {
  readonly outcome: CheckOutcome;
  readonly reason: CheckReason;
  /** What the server answered (status, the S3 or registry error code); never a secret, token or signed header. */
  readonly detail: string;
  /** Docker with an image: whether the registry's token grants push; null when it does not say. */
  readonly push?: boolean | null;
}

export interface CheckResult extends Verdict {
  /** The registry host, the image as given, or the S3 bucket URL. */
  readonly target: string;
  readonly kind: CheckKind;
  /** The storage provider whose credentials were used (storage checks only). */
  readonly provider?: string;
  /** Wall time of the check, in milliseconds. */
  readonly ms: number;
}

/** Whether a result counts as passed (the CLI's exit code 0). */
export function passed(result: Pick<CheckResult, 'outcome'>): boolean {
  return result.outcome === 'ok';
}
