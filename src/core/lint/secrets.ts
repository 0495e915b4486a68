/**
 * A Secret as the API server takes it (ValidateSecret): its name, keys, `data` decoded as Go's encoding/json
 * decodes []byte (base64.StdEncoding: padding required, \r and \n skipped, nothing else), `stringData` merged over
 * `data`, and the size limits. The decoded values are what the content inspectors then read.
 */
import { decodeBase64Strict, encodeUtf8 } from '../bytes';
import type { Finding } from '../finding';
import { isDns1123Subdomain, isSecretKey } from '../k8sNames';
import { objectFinding } from './objectFinding';
import { isObject, type Json, type ManifestObject } from './types';

/** pkg/apis/core/types.go MaxSecretSize. */
export const MAX_SECRET_SIZE = 1024 * 1024;
/** Annotations are capped at 256 KiB in total, and kubectl apply keeps the whole object in one. */
export const KUBECTL_APPLY_ANNOTATION_LIMIT = 262144;

export interface SecretValue {
  readonly bytes: Uint8Array;
  /** Where the effective value was written. */
  readonly from: 'data' | 'stringData';
}

export interface SecretModel {
  readonly object: ManifestObject;
  /** `type`, `Opaque` when absent or empty. */
  readonly type: string;
  /** Every key of data and stringData, valid or not: the files a volume of it gets, the variables envFrom gives. */
  readonly keys: ReadonlySet<string>;
  /** Decodable values, stringData winning over data. */
  readonly values: ReadonlyMap<string, SecretValue>;
}

/** The key each type requires (ValidateSecret). */
const REQUIRED_KEY_BY_TYPE: ReadonlyMap<string, string> = new Map([
  ['kubernetes.io/dockerconfigjson', '.dockerconfigjson'],
  ['kubernetes.io/dockercfg', '.dockercfg'],
]);

function base64Length(byteLength: number): number {
  return 4 * Math.ceil(byteLength / 3);
}

/** Why a string is not base64, in words that do not repeat the value. */
function base64Problem(value: string): string {
  const compact = value.replace(/[\r\n]/g, '');
  if (/[ \t]/.test(compact)) return 'it contains a space or tab';
  if (/[-_]/.test(compact)) return 'it uses the URL-safe alphabet (- or _), not the standard one';
  if (/[^A-Za-z0-9+/=]/.test(compact)) return 'it contains characters that are not base64';
  if (compact.length % 4 !== 0) return 'its length is not a multiple of 4 (is the = padding missing?)';
  return 'the = padding is misplaced';
}

function typeName(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

export interface SecretReading {
  readonly model: SecretModel;
  readonly findings: Finding[];
}

export function readSecret(object: ManifestObject): SecretReading {
  const findings: Finding[] = [];
  const v = object.value;
  const ref = object.ref;
  const schema = (message: string, fix: string, path: (string | number)[]) =>
    findings.push(
      objectFinding(object, { code: 'SECRET_SCHEMA_INVALID', severity: 'error', message, fix, path }),
    );

  if (v.apiVersion !== 'v1') {
    schema(
      `${ref} has apiVersion ${typeof v.apiVersion === 'string' ? v.apiVersion : '(none)'}, but Secrets are apiVersion v1; kubectl rejects it.`,
      'Set apiVersion: v1.',
      ['apiVersion'],
    );
  }
  if (!isDns1123Subdomain(object.name)) {
    findings.push(
      objectFinding(object, {
        code: 'SECRET_NAME_INVALID',
        severity: 'error',
        message: `${ref}: "${object.name}" is not a valid Secret name (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters).`,
        fix: `Rename it, e.g. ${suggestName(object.name)}, and update the PodDefaults that use it.`,
        path: ['metadata', 'name'],
      }),
    );
  }

  let type = 'Opaque';
  if (typeof v.type === 'string') type = v.type === '' ? 'Opaque' : v.type;
  else if (v.type !== undefined && v.type !== null)
    schema(
      `${ref}: type must be a string, not ${typeName(v.type)}.`,
      'Write the type as text, e.g. type: Opaque.',
      ['type'],
    );

  const keys = new Set<string>();
  const values = new Map<string, SecretValue>();
  let dataTotal = 0;

  const checkKey = (section: 'data' | 'stringData', key: string) => {
    keys.add(key);
    if (isSecretKey(key)) return;
    findings.push(
      objectFinding(object, {
        code: 'SECRET_KEY_INVALID',
        severity: 'error',
        message: `${ref}: the ${section} key "${key}" is not a valid key (letters, digits, "-", "_" and "." only, at most 253 characters, not "." or ".." or starting with "..").`,
        fix: `Rename the key, e.g. ${suggestKey(key)}; a file mounted from it is named after the key.`,
        path: [section, key],
        target: 'key',
      }),
    );
  };

  const data = v.data;
  if (isObject(data)) {
    for (const [key, value] of Object.entries(data)) {
      checkKey('data', key);
      if (value === null) {
        values.set(key, { bytes: new Uint8Array(0), from: 'data' });
        continue;
      }
      if (typeof value !== 'string') {
        schema(
          `${ref}: the data value of key "${key}" is ${typeName(value)}, not a base64 string; the API server rejects the Secret.`,
          'Quote the base64 value, or put the plain text under stringData.',
          ['data', key],
        );
        continue;
      }
      const bytes = decodeBase64Strict(value);
      if (!bytes) {
        findings.push(
          objectFinding(object, {
            code: 'SECRET_DATA_NOT_BASE64',
            severity: 'error',
            message: `${ref}: the data value of key "${key}" is not valid base64 (${base64Problem(value)}); the API server rejects the Secret.`,
            fix: `Encode the value with printf '%s' VALUE | base64 -w0 (padding included), or move the plain text to stringData.${key}.`,
            path: ['data', key],
          }),
        );
        continue;
      }
      values.set(key, { bytes, from: 'data' });
    }
  } else if (data !== undefined && data !== null) {
    schema(
      `${ref}: data must be a mapping of key: base64 value, not ${typeName(data)}.`,
      'Write data as key: value lines, one per key.',
      ['data'],
    );
  }

  const stringData = v.stringData;
  if (isObject(stringData)) {
    for (const [key, value] of Object.entries(stringData)) {
      checkKey('stringData', key);
      if (isObject(data) && Object.prototype.hasOwnProperty.call(data, key)) {
        findings.push(
          objectFinding(object, {
            code: 'SECRET_STRINGDATA_OVERRIDES_DATA',
            severity: 'warning',
            message: `${ref}: key "${key}" is in both data and stringData; the stringData value replaces the data value when the Secret is written.`,
            fix: `Keep "${key}" in one of the two: delete it from data or from stringData.`,
            path: ['stringData', key],
            target: 'key',
          }),
        );
      }
      if (value === null) {
        values.set(key, { bytes: new Uint8Array(0), from: 'stringData' });
        continue;
      }
      if (typeof value !== 'string') {
        schema(
          `${ref}: the stringData value of key "${key}" is ${typeName(value)}, not a string; the API server rejects the Secret.`,
          `Quote the value (YAML reads unquoted true, yes, on or 9000 as a boolean or number): ${key}: "…".`,
          ['stringData', key],
        );
        continue;
      }
      values.set(key, { bytes: encodeUtf8(value), from: 'stringData' });
    }
  } else if (stringData !== undefined && stringData !== null) {
    schema(
      `${ref}: stringData must be a mapping of key: text, not ${typeName(stringData)}.`,
      'Write stringData as key: value lines, one per key.',
      ['stringData'],
    );
  }

  const required = REQUIRED_KEY_BY_TYPE.get(type);
  if (required && !keys.has(required)) {
    schema(
      `${ref} has type ${type} but no "${required}" key, which that type requires; the API server rejects it.`,
      `Put the Docker config under the key ${required} (kubectl create secret docker-registry does), or use type: Opaque with a config.json key.`,
      ['type'],
    );
  }

  let base64Total = 0;
  for (const { bytes } of values.values()) {
    dataTotal += bytes.length;
    base64Total += base64Length(bytes.length);
  }
  if (dataTotal > MAX_SECRET_SIZE) {
    findings.push(
      objectFinding(object, {
        code: 'SECRET_TOO_LARGE',
        severity: 'error',
        message: `${ref} holds ${dataTotal} bytes of data, over the 1 MiB (1048576 bytes) a Secret may hold; the API server rejects it.`,
        fix: 'Split the data over several Secrets, or keep large files out of Secrets (a volume or object storage).',
        path: ['data'],
      }),
    );
  }
  if (base64Total > KUBECTL_APPLY_ANNOTATION_LIMIT) {
    findings.push(
      objectFinding(object, {
        code: 'SECRET_TOO_LARGE_FOR_KUBECTL_APPLY',
        severity: 'warning',
        message: `${ref}'s data is ${base64Total} bytes once base64-encoded, over the 256 KiB that kubectl apply can keep in its last-applied annotation.`,
        fix: 'Create it with kubectl create (or kubectl apply --server-side), not a plain kubectl apply.',
        path: ['data'],
      }),
    );
  }

  return { model: { object, type, keys, values }, findings };
}

/** A DNS-1123 subdomain close to `name`, for the fix. */
export function suggestName(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 253)
    .replace(/[^a-z0-9]+$/, '');
  return s || 'my-secret';
}

function suggestKey(key: string): string {
  const s = key.replace(/[^-._a-zA-Z0-9]+/g, '-').replace(/^\.+/, '');
  return s && s.length <= 253 ? s : 'config.json';
}
