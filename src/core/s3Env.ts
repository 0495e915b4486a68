/**
 * The variables `S3ConfigurationProvider.from_env()` reads, checked as the SDK and botocore take them
 * (findings.md items 6-7). Used for the pod's environment and, in lint, for a Secret's decoded data keys.
 * A variable set to the empty string counts as unset.
 */
import { Finding, finding } from './finding';

/** cli.md: the seven variables `from_env()` reads, in the contract's order. */
export const FROM_ENV_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'S3_ENDPOINT',
  'S3_SIGNATURE_VERSION',
  'S3_FORCE_PATH_STYLE',
] as const;

export type FromEnvVariable = (typeof FROM_ENV_VARIABLES)[number];

export type EndpointCheck = 'valid' | 'missing_scheme' | 'invalid';

/** Whitespace or a control character: botocore refuses \t \r \n anywhere, the rest break the URL later. */
function isSpaceOrControl(c: number): boolean {
  return c <= 0x20 || (c >= 0x7f && c <= 0x9f) || /\s/.test(String.fromCharCode(c));
}

/**
 * botocore's endpoint check as findings.md states it: `://` required; then an http or https scheme (any letter
 * case) and a host; leading spaces and a trailing `/` are fine, other whitespace or control characters are not.
 */
export function checkS3Endpoint(value: string): EndpointCheck {
  if (!value.includes('://')) return 'missing_scheme';
  let start = 0;
  while (value.charCodeAt(start) === 0x20) start++;
  const url = value.slice(start);
  for (let i = 0; i < url.length; i++) if (isSpaceOrControl(url.charCodeAt(i))) return 'invalid';
  const sep = url.indexOf('://');
  const scheme = url.slice(0, sep).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return 'invalid';
  // urlsplit: the authority runs to the first / ? or #; user info ends at the last @.
  const rest = url.slice(sep + 3);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  let host: string;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    host = close < 0 ? '' : hostPort.slice(1, close);
  } else {
    const colon = hostPort.indexOf(':');
    host = colon < 0 ? hostPort : hostPort.slice(0, colon);
  }
  return host ? 'valid' : 'invalid';
}

/** The boolean the SDK takes from S3_FORCE_PATH_STYLE (`true`/`false` in any letter case), else null. */
export function parseForcePathStyle(value: string): boolean | null {
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}

const SIGNATURE_VERSIONS = new Set(['s3v4', 'v4', 's3']);

export interface FromEnvInspectOptions {
  /** The finding subject for a variable (lint: the Secret); default: the variable name. */
  readonly subjectFor?: (name: string) => string;
  readonly objects?: readonly string[];
}

export interface FromEnvInspection {
  readonly findings: readonly Finding[];
  /** null when S3_ENDPOINT is unset. */
  readonly endpointValid: boolean | null;
  /** null when S3_FORCE_PATH_STYLE is unset or not a boolean. */
  readonly forcePathStyle: boolean | null;
  /** Unset or valid: what `from_env()` needs of each (a warning is still valid). */
  readonly endpointOk: boolean;
  readonly forcePathStyleOk: boolean;
  readonly signatureVersionOk: boolean;
}

/** Inspect `from_env()` values. Keys other than the seven are ignored. Never throws. */
export function inspectFromEnvValues(
  values: Readonly<Record<string, string>>,
  opts: FromEnvInspectOptions = {},
): FromEnvInspection {
  const subjectFor = opts.subjectFor ?? ((name: string) => name);
  const objects = opts.objects ?? [];
  const get = (name: FromEnvVariable): string | null => {
    const v = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const findings: Finding[] = [];
  const add = (
    name: string,
    code: string,
    severity: 'error' | 'warning',
    message: string,
    fix: string,
    keys?: string[],
  ) => findings.push(finding({ code, severity, subject: subjectFor(name), message, fix, objects, keys }));

  const withNewline = FROM_ENV_VARIABLES.filter((n) => get(n)?.endsWith('\n'));
  if (withNewline.length > 0) {
    const list = withNewline.join(', ');
    add(
      withNewline[0],
      'TRAILING_NEWLINE',
      'warning',
      `${list} ${withNewline.length > 1 ? 'end' : 'ends'} in a newline, which becomes part of the value (the \`echo\` without \`-n\` mistake).`,
      objects.length > 0
        ? `Recreate the Secret with printf '%s' or kubectl create secret generic NAME --from-literal=KEY=VALUE, which adds no newline.`
        : `Set ${list} without the trailing newline (use printf '%s' instead of echo, or strip it in the Secret that injects ${withNewline.length > 1 ? 'them' : 'it'}).`,
      [...withNewline],
    );
  }

  const endpoint = get('S3_ENDPOINT');
  const endpointCheck = endpoint === null ? null : checkS3Endpoint(endpoint);
  if (endpointCheck === 'missing_scheme') {
    add(
      'S3_ENDPOINT',
      'S3_ENDPOINT_MISSING_SCHEME',
      'error',
      'S3_ENDPOINT has no scheme (no "://"), so botocore refuses it with "Invalid endpoint".',
      'Start S3_ENDPOINT with http:// or https://, e.g. http://minio.kubeflow:9000.',
    );
  } else if (endpointCheck === 'invalid') {
    add(
      'S3_ENDPOINT',
      'S3_ENDPOINT_INVALID',
      'error',
      'S3_ENDPOINT is not a valid http or https URL with a host (or it holds a space, tab, newline or control character), so the S3 client refuses it.',
      'Set S3_ENDPOINT to a URL such as http://minio.kubeflow:9000, with nothing after it (no newline or space).',
    );
  }

  const pathStyle = get('S3_FORCE_PATH_STYLE');
  const pathStyleBool = pathStyle === null ? null : parseForcePathStyle(pathStyle);
  if (pathStyle !== null && pathStyleBool === null) {
    add(
      'S3_FORCE_PATH_STYLE',
      'S3_FORCE_PATH_STYLE_INVALID',
      'error',
      'S3_FORCE_PATH_STYLE is neither true nor false.',
      'Set S3_FORCE_PATH_STYLE to true (for MinIO and most self-hosted S3) or false, with no newline.',
    );
  } else if (pathStyle !== null && pathStyle !== 'true' && pathStyle !== 'false') {
    add(
      'S3_FORCE_PATH_STYLE',
      'S3_FORCE_PATH_STYLE_NONCANONICAL',
      'warning',
      `S3_FORCE_PATH_STYLE is "${pathStyle}": it is accepted, but the SDK documents exactly true or false.`,
      `Write it in lower case: S3_FORCE_PATH_STYLE=${pathStyleBool ? 'true' : 'false'}.`,
    );
  }

  const signature = get('S3_SIGNATURE_VERSION');
  const signatureOk = signature === null || SIGNATURE_VERSIONS.has(signature);
  if (!signatureOk) {
    add(
      'S3_SIGNATURE_VERSION',
      'S3_SIGNATURE_VERSION_INVALID',
      'error',
      'S3_SIGNATURE_VERSION is not one botocore accepts for S3 (s3v4, v4 or s3; letter case counts, so S3V4 and sigv4 fail).',
      'Set S3_SIGNATURE_VERSION=s3v4, or leave it unset.',
    );
  } else if (signature === 's3') {
    add(
      'S3_SIGNATURE_VERSION',
      'S3_SIGNATURE_VERSION_LEGACY',
      'warning',
      'S3_SIGNATURE_VERSION=s3 selects the legacy HMAC-v1 (SigV2) signature, which AWS has deprecated.',
      'Set S3_SIGNATURE_VERSION=s3v4 unless your storage only speaks SigV2.',
    );
  }

  return {
    findings,
    endpointValid: endpointCheck === null ? null : endpointCheck === 'valid',
    forcePathStyle: pathStyleBool,
    endpointOk: endpointCheck === null || endpointCheck === 'valid',
    forcePathStyleOk: pathStyle === null || pathStyleBool !== null,
    signatureVersionOk: signatureOk,
  };
}
