/** What to do about a failed check, one line per reason, shared by every face. */
import type { CheckReason, CheckResult } from './types';

const FIXES: Partial<Record<CheckReason, string>> = {
  no_push:
    'Ask the registry admin for push rights on the repository (a robot account or a token with push scope), or push to a repository you own.',
  bad_credentials:
    'The password or access token is wrong or expired: run `docker login REGISTRY` again (or create a new token) and update ~/.docker/config.json and its Secret.',
  token_denied:
    'The token service refused the credentials: log in again (`docker login REGISTRY`) or create a new access token, then update config.json and its Secret.',
  token_rejected:
    'The registry refused its own token: check the registry and token service configuration (service, issuer, clock).',
  access_denied:
    'The keys are valid but lack permission: ask for s3:ListBucket (and s3:PutObject) on the bucket, or use the bucket your keys may write to.',
  signature_mismatch:
    'The secret key is wrong for this access key: copy both again from the same source (the Secret or ~/.aws/credentials), without a trailing newline.',
  invalid_access_key:
    'The server does not know this access key: it was deleted or rotated, or it belongs to another endpoint (check S3_ENDPOINT).',
  expired_token:
    'The session token has expired: get new temporary credentials (aws sts get-session-token) and update AWS_SESSION_TOKEN and the keys.',
  invalid_token:
    'The session token is not valid here: set the AWS_SESSION_TOKEN that came with these keys, or unset it for long-term keys.',
  no_config:
    'Create ~/.docker/config.json (docker login REGISTRY, then copy it), or select the PodDefault that mounts it.',
  config_unusable: 'Run `kaptain-credentials status` and fix the config.json findings it reports.',
  no_entry:
    'Add an "auths" entry for this registry to config.json: `docker login REGISTRY`, or "auth": base64 of user:token.',
  creds_store: 'Remove "credsStore" from config.json and put the credentials inline as "auth" entries.',
  cred_helper: 'Remove "credHelpers" for this registry and add an inline "auth" entry.',
  no_password: 'Put the password or access token in the entry: "auth" must be base64 of user:password.',
  no_keys:
    'Provide both the access key and the secret for the provider you use (see `kaptain-credentials status`).',
  profile_not_found: 'Set AWS_PROFILE to a profile of ~/.aws/credentials, or add the profile.',
  no_such_bucket:
    'Create the bucket (or ask for it), or set base_model_storage_uri to a bucket that exists (--storage-uri s3://BUCKET/...).',
  certificate:
    "Put the registry's CA certificate in ~/.tls/certificate.crt (the SDK's DockerRegistryCertificateProvider reads it), or fix the server's certificate.",
  tls_handshake:
    'Check the URL scheme: an http:// endpoint cannot be reached with https://, and the reverse.',
  connection_refused:
    'Nothing listens at that address: check the host and port (S3_ENDPOINT, the image registry, --minio-endpoint).',
  dns: 'The host name does not resolve from here: check its spelling, or that the pod can reach that network.',
  network: 'The network path to the server is broken from here: check proxies and network policies.',
  timeout:
    'The server did not answer in time: check the address, a firewall that drops packets, or raise --timeout.',
  invalid_setting: 'Fix the setting named above (`kaptain-credentials status` explains each).',
  unsupported_challenge:
    'The registry asks for an authentication the SDK cannot use; check the registry address.',
  bad_token_response:
    'The token service did not answer with a Docker token; check the realm the registry names.',
  not_a_registry:
    'This address does not serve the Docker registry API: check the registry host and port in the image name.',
  not_s3: 'This address is not an S3 service: check S3_ENDPOINT (or --minio-endpoint).',
  wrong_region: "Set AWS_REGION to the bucket's region, or S3_ENDPOINT to the endpoint of that region.",
  clock_skew: "Fix this machine's clock (the server refuses signatures more than 15 minutes off).",
  redirect: 'The server redirects elsewhere: use the address it redirects to.',
  server_error: 'The server failed (5xx); try again later or ask its operator.',
};

/** The fix for a failed result; null for a result that passed. */
export function fixFor(result: Pick<CheckResult, 'outcome' | 'reason'>): string | null {
  if (result.outcome === 'ok') return null;
  return FIXES[result.reason] ?? null;
}
