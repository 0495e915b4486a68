/**
 * The credentials the SDK's image push would send to one registry, read from config.json the way docker/cli's
 * GetAuthConfig and go-containerregistry (Kaniko) read them: credHelpers for the key, then credsStore, then the
 * `auths` entry (exact key, else one whose host matches). The secrets come back sealed.
 */
import { decodeBase64Strict, encodeBase64, encodeUtf8 } from '../bytes';
import type { DockerConfigInspection } from '../dockerConfig';
import { matchAuthEntry } from '../dockerRegistryKeys';
import { GO_STRING, goMap, goStruct, readJsonAsGo, skipJsonSpace, structField } from '../goJson';
import { decodeUtf8 } from '../bytes';
import { Sealed } from './sealed';
import type { CheckReason } from './types';

export type RegistryCredentials =
  /** `basic` is base64(user:password) as Go's SetBasicAuth builds it, from the exact bytes of the file. */
  | { readonly kind: 'basic'; readonly basic: string }
  /** OAuth2 refresh token (`identitytoken`), exchanged at the realm for an access token. */
  | { readonly kind: 'identity_token'; readonly token: string }
  /** A bearer token sent as is (`registrytoken`). */
  | { readonly kind: 'registry_token'; readonly token: string };

export type DockerCredentialLookup =
  | {
      readonly ok: true;
      /** The `auths` key that serves the registry. */
      readonly entry: string;
      /** Not a secret: shown in details. */
      readonly username: string | null;
      readonly credentials: Sealed<RegistryCredentials>;
    }
  | { readonly ok: false; readonly reason: CheckReason; readonly detail: string };

const AUTH_VALUES = goStruct({
  auths: goMap(
    goStruct({
      username: GO_STRING,
      password: GO_STRING,
      auth: GO_STRING,
      identitytoken: GO_STRING,
      registrytoken: GO_STRING,
    }),
  ),
});

interface EntryValues {
  readonly username: string;
  readonly password: string;
  readonly auth: string;
  readonly identitytoken: string;
  readonly registrytoken: string;
}

/** The raw values of one `auths` entry (Go's decoding: case-insensitive field names, last value wins). */
function entryValues(bytes: Uint8Array, key: string): EntryValues | null {
  const text = decodeUtf8(bytes);
  if (text === null) return null;
  const read = readJsonAsGo(text, skipJsonSpace(text, 0), AUTH_VALUES);
  if (!read.ok || read.value === null || typeof read.value !== 'object' || !('kind' in read.value))
    return null;
  if (read.value.kind !== 'struct') return null;
  const auths = structField(read.value, 'auths');
  if (!auths || typeof auths !== 'object' || !('kind' in auths) || auths.kind !== 'map') return null;
  const entry = auths.entries.get(key);
  if (!entry || typeof entry !== 'object' || !('kind' in entry) || entry.kind !== 'struct') return null;
  const field = (name: string): string => {
    const v = structField(entry, name);
    return typeof v === 'string' ? v : '';
  };
  return {
    username: field('username'),
    password: field('password'),
    auth: field('auth'),
    identitytoken: field('identitytoken'),
    registrytoken: field('registrytoken'),
  };
}

/** Go's string(bytes) for display: invalid UTF-8 becomes U+FFFD. */
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

/** decodeAuth: base64 → `user:password`, cut at the first ':', NULs trimmed from the password. */
function basicFromAuth(auth: string): { username: string; basic: string; hasPassword: boolean } | null {
  const bytes = decodeBase64Strict(auth);
  if (bytes === null) return null;
  const colon = bytes.indexOf(0x3a);
  if (colon <= 0) return null;
  let from = colon + 1;
  let to = bytes.length;
  while (from < to && bytes[from] === 0) from++;
  while (to > from && bytes[to - 1] === 0) to--;
  const pair = new Uint8Array(colon + 1 + (to - from));
  pair.set(bytes.subarray(0, colon + 1));
  pair.set(bytes.subarray(from, to), colon + 1);
  const result = {
    username: lossy.decode(bytes.subarray(0, colon)),
    basic: encodeBase64(pair),
    hasPassword: to > from,
  };
  bytes.fill(0);
  pair.fill(0);
  return result;
}

type ConfigFacts = Pick<
  DockerConfigInspection,
  'status' | 'dockerCliLoadOk' | 'credsStore' | 'credHelpers' | 'authKeys'
>;

/**
 * Looks up the credentials for `registryKey` (getAuthConfigKey of the image's domain, or an `auths` key).
 * `bytes` is config.json's content when the file was read.
 */
export function dockerCredentialsFor(
  config: ConfigFacts,
  bytes: Uint8Array | null,
  registryKey: string,
  configPath: string,
): DockerCredentialLookup {
  const fail = (reason: CheckReason, detail: string): DockerCredentialLookup => ({
    ok: false,
    reason,
    detail,
  });
  if (config.status === 'missing') return fail('no_config', `there is no ${configPath}`);
  if (bytes === null || config.status !== 'ok' || config.dockerCliLoadOk === false) {
    return fail(
      'config_unusable',
      `${configPath} cannot be used (${config.status === 'ok' ? 'docker/cli refuses to load it' : config.status}); see \`kaptain-credentials status\``,
    );
  }
  const helper = Object.prototype.hasOwnProperty.call(config.credHelpers, registryKey)
    ? config.credHelpers[registryKey]
    : '';
  if (helper) {
    return fail(
      'cred_helper',
      `config.json sends ${registryKey} to the credential helper docker-credential-${helper}, which the pod does not have`,
    );
  }
  if (config.credsStore) {
    return fail(
      'creds_store',
      `config.json sets "credsStore": "${config.credsStore}", so credentials come from docker-credential-${config.credsStore}, which the pod does not have`,
    );
  }
  const entry = matchAuthEntry(config.authKeys, registryKey);
  if (entry === null) return fail('no_entry', `config.json has no "auths" entry for ${registryKey}`);
  if (entry === 'AMBIGUOUS') {
    return fail(
      'no_entry',
      `several "auths" keys stand for ${registryKey}; which one docker/cli uses is not defined`,
    );
  }
  const values = entryValues(bytes, entry);
  if (values === null) return fail('no_entry', `config.json has no readable "auths" entry "${entry}"`);

  let username = values.username;
  let basic: string | null = null;
  let hasPassword = values.password !== '';
  if (values.auth !== '') {
    const decoded = basicFromAuth(values.auth);
    if (decoded === null) return fail('config_unusable', `the "auth" of "${entry}" does not decode`);
    username = decoded.username;
    basic = decoded.basic;
    hasPassword = decoded.hasPassword;
  } else if (values.username !== '' || values.password !== '') {
    basic = encodeBase64(encodeUtf8(`${values.username}:${values.password}`));
  }
  const shownUser = username === '' ? null : username;
  const sealed = (credentials: RegistryCredentials): DockerCredentialLookup => ({
    ok: true,
    entry,
    username: shownUser,
    credentials: new Sealed(credentials),
  });
  // go-containerregistry: a registry token is used as is; an identity token is exchanged; else user/password.
  if (values.registrytoken !== '') return sealed({ kind: 'registry_token', token: values.registrytoken });
  if (values.identitytoken !== '') return sealed({ kind: 'identity_token', token: values.identitytoken });
  if (basic === null)
    return fail('no_entry', `the "auths" entry "${entry}" is empty (no auth, user or token)`);
  if (!hasPassword) return fail('no_password', `the "auths" entry "${entry}" has a user but no password`);
  return sealed({ kind: 'basic', basic });
}
