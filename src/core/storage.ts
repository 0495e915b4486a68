/**
 * The storage side of `status`: `$HOME/.aws/credentials` and the environment, as
 * `S3ConfigurationProvider.default()` / `.from_env()` and botocore read them (findings.md items 5, 6, 8, 9).
 *
 * Subjects name what the user has to change: the credentials file path for everything about the file
 * (its state and content, AWS_SECRET_MISSING included, whose message names the profile), and the variable
 * name for everything about the environment (the profile findings name the variable that selected the
 * profile; AWS_PROFILE_ENV_CONFLICT names AWS_PROFILE, the one botocore ignores; AWS_REGION_ONLY_DEFAULT_REGION
 * names AWS_REGION, the one to set).
 *
 * botocore also looks profiles up in `~/.aws/config`; the engine is not given that file, so it is treated as
 * absent (an AWS_PROFILE that exists only there would be reported as not found).
 *
 * STORAGE_CREDS_IGNORED_BY_CONFIG_DEFAULT and SECRET_TOO_LARGE_FOR_KUBECTL_APPLY are the caller's.
 */
import {
  ParsedAwsCredentials,
  ProfileCredentialValues,
  inspectAwsCredentialsContent,
} from './awsCredentials';
import { Finding, finding, sortFindings } from './finding';
import { maskAccessKeyId } from './mask';
import {
  AwsFileStatus,
  MaskedCredentials,
  PROVIDER_MINIO_DEFAULT,
  PROVIDER_S3_DEFAULT,
  PROVIDER_S3_FROM_ENV,
  StorageEnv,
  StorageProvider,
  StorageSection,
} from './report';
import { FROM_ENV_VARIABLES, inspectFromEnvValues } from './s3Env';
import { FileState } from './snapshot';

/** A Kubernetes Secret holds at most 1 MiB of data. */
export const AWS_CREDENTIALS_SECRET_LIMIT_BYTES = 1048576;

export interface StorageInput {
  /** `$HOME/.aws/credentials`. */
  readonly path: string;
  readonly file: FileState;
  /** The process environment (set variables only). */
  readonly env: Readonly<Record<string, string>>;
}

export interface StorageInspection {
  readonly section: StorageSection;
  readonly findings: readonly Finding[];
}

type Env = Readonly<Record<string, string>>;

function isSet(env: Env, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(env, name) && typeof env[name] === 'string';
}

/** Item 6: for the env variables generally an empty value counts as unset. */
function nonEmpty(env: Env, name: string): string | null {
  return isSet(env, name) && env[name] !== '' ? env[name] : null;
}

interface ProfileSelection {
  /** The profile credentials are read from. */
  readonly profile: string;
  /** The variable that chose it (present, even empty), or null for the built-in `default`. */
  readonly variable: 'AWS_DEFAULT_PROFILE' | 'AWS_PROFILE' | null;
  /** The variable's value as set. */
  readonly requested: string | null;
}

/** botocore: `['AWS_DEFAULT_PROFILE', 'AWS_PROFILE']`, the first present wins, even when empty (item 5). */
function selectProfile(env: Env): ProfileSelection {
  for (const variable of ['AWS_DEFAULT_PROFILE', 'AWS_PROFILE'] as const) {
    if (isSet(env, variable)) {
      const requested = env[variable];
      return { profile: requested === '' ? 'default' : requested, variable, requested };
    }
  }
  return { profile: 'default', variable: null, requested: null };
}

interface FileInspection {
  readonly status: AwsFileStatus;
  /** The profiles botocore would know of: [] when there is no file to read, null when unknown. */
  readonly knownProfiles: readonly string[] | null;
  readonly parsed: ParsedAwsCredentials | null;
  readonly findings: readonly Finding[];
}

function fileFinding(
  path: string,
  code: string,
  severity: 'error' | 'warning',
  message: string,
  fix: string,
): Finding {
  return finding({ code, severity, subject: path, message, fix });
}

function tooLarge(path: string, size: number, read: boolean): Finding {
  return fileFinding(
    path,
    'AWS_CREDENTIALS_TOO_LARGE',
    'error',
    `The credentials file is ${size} bytes, over the 1 MiB (1048576 bytes) a Kubernetes Secret can hold${read ? '' : '; at over 8 MiB it was not read'}.`,
    `Keep only the profiles you need in ${path} so that it is under 1 MiB.`,
  );
}

function inspectFile(path: string, file: FileState, profile: string): FileInspection {
  switch (file.kind) {
    case 'missing':
      return { status: 'missing', knownProfiles: [], parsed: null, findings: [] };
    case 'not_a_file':
      return {
        status: 'not_a_file',
        knownProfiles: [],
        parsed: null,
        findings: [
          fileFinding(
            path,
            'AWS_CREDENTIALS_NOT_A_FILE',
            'warning',
            `${path} is a directory, not a file; botocore treats it as absent and finds no credentials.`,
            `Move the directory away (mv ${path} ${path}.bak) and write the credentials file at ${path}.`,
          ),
        ],
      };
    case 'unreadable':
      return {
        status: 'unreadable',
        knownProfiles: [],
        parsed: null,
        findings: [
          fileFinding(
            path,
            'AWS_CREDENTIALS_UNREADABLE',
            'warning',
            `${path} cannot be read; configparser skips unreadable files silently, so botocore finds no credentials and says nothing.`,
            `Make it readable by the notebook user: chmod u+r ${path} (and chown it to that user if another user owns it).`,
          ),
        ],
      };
    case 'too_large':
      return {
        status: 'too_large',
        knownProfiles: null,
        parsed: null,
        findings: [tooLarge(path, file.size, false)],
      };
    case 'file': {
      const content = inspectAwsCredentialsContent(file.bytes, { subject: path, profile });
      const size =
        file.bytes.length > AWS_CREDENTIALS_SECRET_LIMIT_BYTES
          ? [tooLarge(path, file.bytes.length, true)]
          : [];
      return {
        status: content.status,
        knownProfiles: content.parsed ? content.parsed.profiles : null,
        parsed: content.parsed,
        findings: [...content.findings, ...size],
      };
    }
  }
}

/** botocore's `os.path.expanduser(os.path.expandvars(path))`, then a light normalisation for comparing. */
function resolvePath(value: string, env: Env): string {
  let out = value.replace(/\$(\w+)|\$\{([^}]*)\}/g, (whole, bare?: string, braced?: string) => {
    const name = bare ?? braced ?? '';
    return isSet(env, name) ? env[name] : whole;
  });
  const home = nonEmpty(env, 'HOME');
  if (home !== null && (out === '~' || out.startsWith('~/'))) out = home + out.slice(1);
  return normalizePath(out);
}

function normalizePath(p: string): string {
  let out = p.replace(/\/+/g, '/').replace(/(\/\.)+(\/|$)/g, '/');
  if (out.length > 1 && out.endsWith('/')) out = out.slice(0, -1);
  return out;
}

function maskedFileCredentials(
  parsed: ParsedAwsCredentials | null,
  profile: string,
): MaskedCredentials | null {
  const creds = parsed?.credentials(profile);
  if (!creds || creds.accessKeyId === null) return null;
  return {
    accessKeyId: maskAccessKeyId(creds.accessKeyId),
    hasSecret: !!creds.secretAccessKey,
    hasSessionToken: !!creds.sessionToken,
  };
}

/** `[name]`, shortened: a profile name is no secret, but it can be a whole line long. */
function label(name: string): string {
  const chars = name.length > 64 ? Array.from(name) : [];
  return chars.length > 64 ? `[${chars.slice(0, 64).join('')}…]` : `[${name}]`;
}

function profileFindings(sel: ProfileSelection, known: readonly string[] | null, path: string): Finding[] {
  const out: Finding[] = [];
  const env = (code: string, subject: string, severity: 'error' | 'warning', message: string, fix: string) =>
    out.push(finding({ code, severity, subject, message, fix }));
  const variable = sel.variable;
  if (variable === null) return out;
  // botocore: a profile that was asked for must exist, even `default`; an empty name never does.
  const notFound = known !== null && (sel.requested === '' || !known.includes(sel.profile));
  if (notFound && sel.requested === '') {
    env(
      'AWS_PROFILE_NOT_FOUND',
      variable,
      'error',
      `${variable} is set but empty; botocore takes that as a profile with an empty name and raises ProfileNotFound.`,
      `Run unset ${variable} (or remove it from the PodDefault that sets it), or set it to a profile of ${path}.`,
    );
  } else if (notFound) {
    const where =
      known.length > 0
        ? `is not in ${path} (it has ${known.slice(0, 5).map(label).join(', ')}${known.length > 5 ? ', …' : ''})`
        : `cannot be found: ${path} holds no profile`;
    env(
      'AWS_PROFILE_NOT_FOUND',
      variable,
      'error',
      `${variable} selects the profile ${label(sel.profile)}, which ${where}, so botocore raises ProfileNotFound (~/.aws/config, which could also define it, is not checked).`,
      `Add a ${label(sel.profile)} section to ${path}, or set ${variable} to one of its profiles.`,
    );
  } else if (sel.profile !== 'default') {
    env(
      'AWS_PROFILE_NOT_DEFAULT',
      variable,
      'warning',
      `${variable} selects the profile ${label(sel.profile)}, not [default]; a Secret made from this file and mounted into another pod is read with [default] unless AWS_PROFILE=${sel.profile} is set there too.`,
      `Rename the profile to [default] in the file you put in the Secret, or add AWS_PROFILE=${sel.profile} to the PodDefault that mounts it.`,
    );
  }
  return out;
}

function envFindings(
  env: Env,
  path: string,
  fileCreds: ProfileCredentialValues | null,
  selected: string,
): Finding[] {
  const out: Finding[] = [];
  const add = (
    code: string,
    subject: string,
    severity: 'error' | 'warning' | 'info',
    message: string,
    fix: string,
  ) => out.push(finding({ code, severity, subject, message, fix }));

  if (
    isSet(env, 'AWS_PROFILE') &&
    isSet(env, 'AWS_DEFAULT_PROFILE') &&
    env.AWS_PROFILE !== env.AWS_DEFAULT_PROFILE
  ) {
    add(
      'AWS_PROFILE_ENV_CONFLICT',
      'AWS_PROFILE',
      'warning',
      `AWS_PROFILE (${JSON.stringify(env.AWS_PROFILE)}) and AWS_DEFAULT_PROFILE (${JSON.stringify(env.AWS_DEFAULT_PROFILE)}) differ; botocore uses AWS_DEFAULT_PROFILE and ignores AWS_PROFILE.`,
      'Unset one of them (unset AWS_DEFAULT_PROFILE), or set both to the same profile.',
    );
  }

  const sharedFile = nonEmpty(env, 'AWS_SHARED_CREDENTIALS_FILE');
  if (sharedFile !== null && resolvePath(sharedFile, env) !== normalizePath(path)) {
    add(
      'AWS_SHARED_CREDENTIALS_FILE_ENV_IGNORED',
      'AWS_SHARED_CREDENTIALS_FILE',
      'warning',
      `AWS_SHARED_CREDENTIALS_FILE points to ${sharedFile}, but S3ConfigurationProvider.default() reads the fixed path ${path}.`,
      `Put the credentials at ${path} (cp "$AWS_SHARED_CREDENTIALS_FILE" ${path}), or unset AWS_SHARED_CREDENTIALS_FILE.`,
    );
  }

  const accessKey = nonEmpty(env, 'AWS_ACCESS_KEY_ID');
  const secret = nonEmpty(env, 'AWS_SECRET_ACCESS_KEY');
  if (accessKey !== null && secret === null) {
    add(
      'AWS_ENV_SECRET_MISSING',
      'AWS_SECRET_ACCESS_KEY',
      'error',
      'AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is missing or empty, so botocore raises PartialCredentialsError.',
      'Set AWS_SECRET_ACCESS_KEY as well (from the same Secret as AWS_ACCESS_KEY_ID), or unset AWS_ACCESS_KEY_ID.',
    );
  } else if (accessKey === null && secret !== null) {
    add(
      'AWS_ENV_ACCESS_KEY_MISSING',
      'AWS_ACCESS_KEY_ID',
      'warning',
      'AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not, so botocore ignores the environment credentials.',
      'Set AWS_ACCESS_KEY_ID as well, or unset AWS_SECRET_ACCESS_KEY.',
    );
  }

  if (accessKey !== null && fileCreds && fileCreds.accessKeyId !== null) {
    const envToken = nonEmpty(env, 'AWS_SESSION_TOKEN');
    const differ =
      accessKey !== fileCreds.accessKeyId ||
      (secret ?? '') !== (fileCreds.secretAccessKey ?? '') ||
      (envToken ?? '') !== (fileCreds.sessionToken ?? '');
    if (differ) {
      add(
        'AWS_ENV_OVERRIDES_FILE',
        'AWS_ACCESS_KEY_ID',
        'info',
        `The environment (access key ${maskAccessKeyId(accessKey)}) and the profile ${label(selected)} of ${path} (access key ${maskAccessKeyId(fileCreds.accessKeyId)}) hold different credentials: boto3 uses the environment, S3ConfigurationProvider.default() the file.`,
        'Keep one source of credentials, or choose explicitly: S3ConfigurationProvider.from_env() or S3ConfigurationProvider.default().',
      );
    }
  }

  if (nonEmpty(env, 'AWS_DEFAULT_REGION') !== null && nonEmpty(env, 'AWS_REGION') === null) {
    add(
      'AWS_REGION_ONLY_DEFAULT_REGION',
      'AWS_REGION',
      'warning',
      "AWS_DEFAULT_REGION is set but AWS_REGION is not; the SDK's from_env() reads AWS_REGION, while botocore reads AWS_DEFAULT_REGION.",
      'Set AWS_REGION to the same region as AWS_DEFAULT_REGION.',
    );
  }
  return out;
}

/** Inspect the storage credentials of the pod. Never throws; no secret reaches the result. */
export function inspectStorage(input: StorageInput): StorageInspection {
  const { path, env } = input;
  const selection = selectProfile(env);
  const file = inspectFile(path, input.file, selection.profile);
  const profileIssues = profileFindings(selection, file.knownProfiles, path);
  const profileNotFound = profileIssues.some((f) => f.code === 'AWS_PROFILE_NOT_FOUND');
  const fileCreds = file.parsed?.credentials(selection.profile) ?? null;
  const s3 = inspectFromEnvValues(env);

  const accessKey = nonEmpty(env, 'AWS_ACCESS_KEY_ID');
  const secret = nonEmpty(env, 'AWS_SECRET_ACCESS_KEY');
  const present = FROM_ENV_VARIABLES.some((n) => nonEmpty(env, n) !== null);
  const envSection: StorageEnv = {
    present,
    accessKeyId: accessKey === null ? null : maskAccessKeyId(accessKey),
    hasSecret: present ? secret !== null : null,
    hasSessionToken: present ? nonEmpty(env, 'AWS_SESSION_TOKEN') !== null : null,
    region: nonEmpty(env, 'AWS_REGION'),
    endpoint: nonEmpty(env, 'S3_ENDPOINT'),
    endpointValid: s3.endpointValid,
    forcePathStyle: s3.forcePathStyle,
    signatureVersion: nonEmpty(env, 'S3_SIGNATURE_VERSION'),
  };

  const usableProviders: StorageProvider[] = [PROVIDER_MINIO_DEFAULT];
  if (file.status === 'ok' && !profileNotFound && fileCreds?.accessKeyId && fileCreds.secretAccessKey) {
    usableProviders.push(PROVIDER_S3_DEFAULT);
  }
  if (
    accessKey !== null &&
    secret !== null &&
    s3.endpointOk &&
    s3.forcePathStyleOk &&
    s3.signatureVersionOk
  ) {
    usableProviders.push(PROVIDER_S3_FROM_ENV);
  }

  const section: StorageSection = {
    credentialsFile: { path, status: file.status, profiles: file.parsed ? file.parsed.profiles : [] },
    selectedProfile: selection.profile,
    fileCredentials: file.status === 'ok' ? maskedFileCredentials(file.parsed, selection.profile) : null,
    env: envSection,
    usableProviders,
  };
  const findings = [
    ...file.findings,
    ...profileIssues,
    ...envFindings(env, path, fileCreds, selection.profile),
    ...s3.findings,
  ];
  return { section, findings: sortFindings(findings) };
}
