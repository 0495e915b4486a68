/**
 * findings.md item 10: a Secret's decoded data is read with the rules for the pod's own files and environment,
 * and only these: `config.json` and `.dockerconfigjson` get the Docker content codes, `credentials` the AWS
 * file-content codes, keys named like the `from_env()` variables TRAILING_NEWLINE and the S3_* codes. Codes that
 * depend on the pod (HOME, the *_ENV_IGNORED codes, profile selection, ...) are dropped.
 */
import { inspectAwsCredentialsContent } from '../awsCredentials';
import { inspectDockerConfigContent } from '../dockerConfig';
import { finding, type Finding } from '../finding';
import { FROM_ENV_VARIABLES, inspectFromEnvValues } from '../s3Env';
import type { SecretModel } from './secrets';

const DOCKER_KEYS = new Set(['config.json', '.dockerconfigjson']);
const AWS_KEY = 'credentials';
const ENV_KEYS: ReadonlySet<string> = new Set(FROM_ENV_VARIABLES);

function dockerCodeAllowed(code: string): boolean {
  return code.startsWith('DOCKER_') && !code.endsWith('_ENV_IGNORED');
}

const AWS_FILE_CODES = new Set([
  'AWS_DEFAULT_PROFILE_MISSING',
  'AWS_SECTION_NAME_CASE',
  'AWS_PROFILE_PREFIX_IN_CREDENTIALS_FILE',
  'AWS_SECRET_MISSING',
  'AWS_INLINE_COMMENT',
  'AWS_VALUE_QUOTED',
  'AWS_CONTINUATION_LINE',
]);

function awsCodeAllowed(code: string): boolean {
  return code.startsWith('AWS_CREDENTIALS_') || AWS_FILE_CODES.has(code);
}

function envCodeAllowed(code: string): boolean {
  return code === 'TRAILING_NEWLINE' || code.startsWith('S3_');
}

/** The variable an env finding is about: the first of `keys`, else the one its code names. */
function envKeyOf(f: Finding): string | undefined {
  if (f.keys && f.keys.length > 0) return f.keys[0];
  return FROM_ENV_VARIABLES.find((name) => f.code === name || f.code.startsWith(`${name}_`));
}

const lossyUtf8 = new TextDecoder('utf-8');

export function secretContentFindings(secret: SecretModel): Finding[] {
  const { object } = secret;
  const ref = object.ref;
  const objects = [ref];
  const out: Finding[] = [];

  /** The inspector's finding, naming the Secret and the key, located at the key's value. */
  const restate = (f: Finding, key: string | undefined, prefix: string): Finding => {
    const from = key !== undefined ? secret.values.get(key)?.from : undefined;
    return finding({
      code: f.code,
      severity: f.severity,
      subject: ref,
      message: `${prefix}${f.message}`,
      fix: f.fix,
      objects,
      keys: f.keys,
      location: object.locate(from && key !== undefined ? [from, key] : []),
    });
  };

  const env: Record<string, string> = {};
  for (const [key, { bytes }] of secret.values) {
    if (DOCKER_KEYS.has(key)) {
      const result = inspectDockerConfigContent(bytes, { subject: ref, objects, entrySubjects: false });
      for (const f of result.findings)
        if (dockerCodeAllowed(f.code)) out.push(restate(f, key, `${ref}, key ${key}: `));
    } else if (key === AWS_KEY) {
      const result = inspectAwsCredentialsContent(bytes, { subject: ref, objects, profile: 'default' });
      for (const f of result.findings)
        if (awsCodeAllowed(f.code)) out.push(restate(f, key, `${ref}, key ${key}: `));
    } else if (ENV_KEYS.has(key)) {
      env[key] = lossyUtf8.decode(bytes);
    }
  }
  if (Object.keys(env).length > 0) {
    const result = inspectFromEnvValues(env, { subjectFor: () => ref, objects });
    for (const f of result.findings)
      if (envCodeAllowed(f.code)) out.push(restate(f, envKeyOf(f), `${ref}: `));
  }
  return out;
}
