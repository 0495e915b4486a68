/**
 * Which checks to run, and with what, from a Snapshot and the user's choices: the registries of the images (or
 * every `auths` entry), with the credentials the SDK's push would use; and the storage of the chosen provider
 * (Config.default()'s in-cluster MinIO, `S3ConfigurationProvider.default()` or `.from_env()`), with its endpoint,
 * addressing style, signature version, region and keys. Pure: nothing is contacted here.
 */
import { decodeUtf8 } from '../bytes';
import { inspectAwsCredentialsContent } from '../awsCredentials';
import { inspectCertificate } from '../certificate';
import { inspectDockerConfig } from '../dockerConfig';
import { convertToHostname, displayHost, isDockerHubHost, registryKeyForDomain } from '../dockerRegistryKeys';
import { parseNormalizedNamed } from '../imageReference';
import { PROVIDER_MINIO_DEFAULT, PROVIDER_S3_DEFAULT, PROVIDER_S3_FROM_ENV } from '../report';
import { checkS3Endpoint, parseForcePathStyle } from '../s3Env';
import { fileState, snapshotPaths, type Snapshot } from '../snapshot';
import { inspectStorage } from '../storage';
import { dockerCredentialsFor } from './dockerCredentials';
import type { RegistryPlan } from './registryFlow';
import type { S3Plan } from './s3Flow';
import { Sealed } from './sealed';
import type { AwsCredentials } from './sigv4';
import type { CheckKind, Verdict } from './types';

/** A check decided without contacting anything (an invalid image reference, no config.json to read). */
export interface FixedPlan {
  readonly kind: CheckKind;
  readonly target: string;
  readonly provider?: string;
  readonly verdict: Verdict;
}

export type CheckPlan = RegistryPlan | S3Plan | FixedPlan;

export type StorageProviderChoice = 'minio' | 's3' | 'env';

export const STORAGE_PROVIDER_NAMES: Readonly<Record<StorageProviderChoice, string>> = {
  minio: PROVIDER_MINIO_DEFAULT,
  s3: PROVIDER_S3_DEFAULT,
  env: PROVIDER_S3_FROM_ENV,
};

/** The in-cluster MinIO of Kaptain's docs (shared/reference/sdk-api-notes.md); its real address is a setting. */
export const DEFAULT_MINIO_ENDPOINT = 'http://minio.kubeflow';
/** `Config`'s `base_model_storage_uri` default. */
export const DEFAULT_STORAGE_URI = 's3://kaptain/models';
export const DEFAULT_TIMEOUT_MS = 5000;

export interface CheckOptions {
  readonly docker: boolean;
  readonly storage: boolean;
  /** Images the SDK will push; none: every registry of config.json. */
  readonly images?: readonly string[];
  readonly storageProvider?: StorageProviderChoice;
  /** `base_model_storage_uri`; its bucket is checked (`s3://` alone: ListBuckets). */
  readonly storageUri?: string;
  /** Where MinIO answers. Its keys: MINIO_ACCESS_KEY / MINIO_SECRET_KEY of the Snapshot (else reachability only). */
  readonly minioEndpoint?: string;
  /** Registries (host[:port]) that may be plain http, as docker's `insecure-registries`. */
  readonly insecureRegistries?: readonly string[];
}

export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.startsWith('[')
    ? hostPort.slice(1, hostPort.indexOf(']'))
    : hostPort.replace(/:\d*$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function planChecks(snapshot: Snapshot, options: CheckOptions): CheckPlan[] {
  const plans: CheckPlan[] = [];
  if (options.docker) plans.push(...dockerPlans(snapshot, options));
  if (options.storage) plans.push(storagePlan(snapshot, options));
  return plans;
}

// ---- Docker ----

function registryCa(snapshot: Snapshot, path: string): string | null {
  const state = fileState(snapshot, path);
  if (state.kind !== 'file') return null;
  if (inspectCertificate({ path, file: state, nowMs: snapshot.nowMs }).section.status !== 'ok') return null;
  return decodeUtf8(state.bytes);
}

function dockerPlans(snapshot: Snapshot, options: CheckOptions): CheckPlan[] {
  const paths = snapshotPaths(snapshot.home, snapshot.env);
  const state = fileState(snapshot, paths.dockerConfig);
  const config = inspectDockerConfig({ path: paths.dockerConfig, file: state });
  const bytes = state.kind === 'file' ? state.bytes : null;
  const caPem = registryCa(snapshot, paths.certificate);
  const insecure = new Set(options.insecureRegistries ?? []);

  const registryPlan = (
    target: string,
    key: string,
    apiHost: string,
    repository: string | null,
  ): RegistryPlan => {
    const lookup = dockerCredentialsFor(config, bytes, key, paths.dockerConfig);
    return {
      kind: 'docker',
      target,
      apiHost,
      repository,
      username: lookup.ok ? lookup.username : null,
      credentials: lookup.ok ? lookup.credentials : null,
      missing: lookup.ok ? null : { reason: lookup.reason, detail: lookup.detail },
      caPem,
      plainHttpFallback: isLoopbackHost(apiHost) || insecure.has(apiHost),
    };
  };

  const images = options.images ?? [];
  if (images.length > 0) {
    return images.map((image): CheckPlan => {
      const parsed = parseNormalizedNamed(image);
      if (!parsed.ok || parsed.domain === '') {
        const why = parsed.ok ? 'it names no registry' : parsed.reason;
        return {
          kind: 'docker',
          target: image,
          verdict: {
            outcome: 'error',
            reason: 'invalid_setting',
            detail: `not a valid image reference: ${why}`,
          },
        };
      }
      const key = registryKeyForDomain(parsed.domain);
      const apiHost = parsed.domain === 'docker.io' ? 'registry-1.docker.io' : parsed.domain;
      return registryPlan(image, key, apiHost, parsed.path);
    });
  }

  if (config.status === 'missing' || config.status !== 'ok' || config.dockerCliLoadOk === false) {
    const lookup = dockerCredentialsFor(config, bytes, '', paths.dockerConfig);
    const verdict: Verdict = lookup.ok
      ? { outcome: 'error', reason: 'unexpected_answer', detail: 'config.json could not be read' }
      : { outcome: 'no_credentials', reason: lookup.reason, detail: lookup.detail };
    return [{ kind: 'docker', target: paths.dockerConfig, verdict }];
  }
  if (config.authKeys.length === 0) {
    return [
      {
        kind: 'docker',
        target: paths.dockerConfig,
        verdict: {
          outcome: 'no_credentials',
          reason: 'no_entry',
          detail: 'config.json has no "auths" entry: give --image to check the registry the SDK will push to',
        },
      },
    ];
  }
  return config.authKeys.map((key) => {
    const host = convertToHostname(key);
    const apiHost = isDockerHubHost(host) ? 'registry-1.docker.io' : host;
    return registryPlan(displayHost(key), key, apiHost, null);
  });
}

// ---- Storage ----

type Env = Readonly<Record<string, string>>;

function nonEmpty(env: Env, name: string): string | null {
  const value = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The bucket of `s3://bucket/prefix`; null for `s3://` alone; undefined when it is not an s3:// URI. */
export function bucketOf(uri: string): string | null | undefined {
  const match = /^s3:\/\/([^/]*)/.exec(uri);
  if (!match) return uri === '' ? null : undefined;
  return match[1] === '' ? null : match[1];
}

interface Addressing {
  readonly endpoint: string;
  readonly pathStyle: boolean;
  readonly signature: 'v4' | 'v2';
  readonly region: string;
  readonly invalid: string | null;
}

/** What the SDK's client takes from S3_ENDPOINT, S3_FORCE_PATH_STYLE, S3_SIGNATURE_VERSION and AWS_REGION. */
function addressingFromEnv(env: Env): Addressing {
  const region = nonEmpty(env, 'AWS_REGION') ?? 'us-east-1';
  const rawEndpoint = nonEmpty(env, 'S3_ENDPOINT');
  const pathStyleValue = nonEmpty(env, 'S3_FORCE_PATH_STYLE');
  const signatureValue = nonEmpty(env, 'S3_SIGNATURE_VERSION');
  let invalid: string | null = null;
  let endpoint = region === 'us-east-1' ? 'https://s3.amazonaws.com' : `https://s3.${region}.amazonaws.com`;
  if (rawEndpoint !== null) {
    const check = checkS3Endpoint(rawEndpoint);
    if (check !== 'valid')
      invalid = `S3_ENDPOINT is not an http(s) URL the SDK accepts (${check}); see \`kaptain-credentials status\``;
    else endpoint = rawEndpoint.trimStart().replace(/\/+$/, '');
  }
  const pathStyle = pathStyleValue === null ? false : parseForcePathStyle(pathStyleValue);
  if (pathStyle === null) invalid ??= 'S3_FORCE_PATH_STYLE is neither true nor false';
  let signature: 'v4' | 'v2' = 'v4';
  if (signatureValue === 's3') signature = 'v2';
  else if (signatureValue !== null && signatureValue !== 's3v4' && signatureValue !== 'v4') {
    invalid ??= 'S3_SIGNATURE_VERSION is not one of s3v4, v4, s3';
  }
  return { endpoint, pathStyle: pathStyle ?? false, signature, region, invalid };
}

/** A key or token that a header cannot carry (a newline from `echo`): the request could not even be sent. */
function unsendable(credentials: AwsCredentials): string | null {
  const bad = (v: string) => Array.from(v).some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (bad(credentials.accessKeyId))
    return 'the access key ID contains a control character (often a trailing newline)';
  if (credentials.sessionToken && bad(credentials.sessionToken)) {
    return 'the session token contains a control character (often a trailing newline)';
  }
  return null;
}

function storagePlan(snapshot: Snapshot, options: CheckOptions): CheckPlan {
  const choice = options.storageProvider ?? 'minio';
  const provider = STORAGE_PROVIDER_NAMES[choice];
  const kind: CheckKind = choice === 'minio' ? 'minio' : 's3';
  const uri = options.storageUri ?? DEFAULT_STORAGE_URI;
  const bucket = bucketOf(uri);
  const fixed = (target: string, verdict: Verdict): FixedPlan => ({ kind, target, provider, verdict });
  if (bucket === undefined) {
    return fixed(uri, {
      outcome: 'error',
      reason: 'invalid_setting',
      detail: 'the storage URI is not an s3:// URI',
    });
  }

  let addressing: Addressing;
  let credentials: AwsCredentials | null = null;
  let missing: S3Plan['missing'] = null;
  if (choice === 'minio') {
    const endpoint = options.minioEndpoint ?? DEFAULT_MINIO_ENDPOINT;
    const valid = checkS3Endpoint(endpoint) === 'valid';
    addressing = {
      endpoint: endpoint.trimStart().replace(/\/+$/, ''),
      pathStyle: true,
      signature: 'v4',
      region: 'us-east-1',
      invalid: valid ? null : 'the MinIO endpoint is not an http(s) URL',
    };
    const accessKeyId = nonEmpty(snapshot.env, 'MINIO_ACCESS_KEY');
    const secretAccessKey = nonEmpty(snapshot.env, 'MINIO_SECRET_KEY');
    if (accessKeyId && secretAccessKey) credentials = { accessKeyId, secretAccessKey, sessionToken: null };
  } else {
    addressing = addressingFromEnv(snapshot.env);
    const fromFile = choice === 's3' ? fileCredentials(snapshot) : null;
    if (fromFile !== null && 'missing' in fromFile) missing = fromFile.missing;
    else if (fromFile !== null) credentials = fromFile.credentials;
    else {
      const accessKeyId = nonEmpty(snapshot.env, 'AWS_ACCESS_KEY_ID');
      const secretAccessKey = nonEmpty(snapshot.env, 'AWS_SECRET_ACCESS_KEY');
      if (accessKeyId && secretAccessKey) {
        credentials = {
          accessKeyId,
          secretAccessKey,
          sessionToken: nonEmpty(snapshot.env, 'AWS_SESSION_TOKEN'),
        };
      } else {
        missing = {
          reason: 'no_keys',
          detail: `from_env() needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and ${accessKeyId ? 'the secret' : 'the access key'} is not set`,
        };
      }
    }
  }

  const target = `${addressing.endpoint}/${bucket ?? ''}`;
  const problem = credentials === null ? null : unsendable(credentials);
  if (problem !== null)
    return fixed(target, { outcome: 'error', reason: 'invalid_setting', detail: problem });
  return {
    kind: kind as 's3' | 'minio',
    target,
    provider,
    endpoint: addressing.endpoint,
    bucket,
    pathStyle: addressing.pathStyle,
    signature: addressing.signature,
    region: addressing.region,
    credentials: credentials === null ? null : new Sealed(credentials),
    missing,
    invalid: addressing.invalid,
    reachabilityOnly: choice === 'minio' && credentials === null,
  };
}

/** S3ConfigurationProvider.default(): the selected profile of `$HOME/.aws/credentials`. */
function fileCredentials(
  snapshot: Snapshot,
): { credentials: AwsCredentials } | { missing: NonNullable<S3Plan['missing']> } {
  const path = snapshotPaths(snapshot.home, snapshot.env).awsCredentials;
  const state = fileState(snapshot, path);
  const storage = inspectStorage({ path, file: state, env: snapshot.env });
  const profile = storage.section.selectedProfile;
  const status = storage.section.credentialsFile.status;
  if (state.kind !== 'file' || status !== 'ok') {
    return {
      missing: {
        reason: 'no_keys',
        detail: `${path} is ${status === 'ok' ? 'not readable' : status.replace('_', ' ')}`,
      },
    };
  }
  if (storage.findings.some((f) => f.code === 'AWS_PROFILE_NOT_FOUND')) {
    return { missing: { reason: 'profile_not_found', detail: `the profile [${profile}] is not in ${path}` } };
  }
  const values = inspectAwsCredentialsContent(state.bytes, { subject: path, profile }).parsed?.credentials(
    profile,
  );
  if (!values || !values.accessKeyId || !values.secretAccessKey) {
    return {
      missing: {
        reason: 'no_keys',
        detail: `the profile [${profile}] of ${path} lacks aws_access_key_id or aws_secret_access_key`,
      },
    };
  }
  return {
    credentials: {
      accessKeyId: values.accessKeyId,
      secretAccessKey: values.secretAccessKey,
      sessionToken: values.sessionToken || null,
    },
  };
}
