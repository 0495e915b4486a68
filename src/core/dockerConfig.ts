/**
 * ~/.docker/config.json as its two readers see it (findings.md, "Docker config"; cli.md, `docker`):
 * the SDK (Python's json) decides `status` and so whether Config.default() raises; docker/cli (Go's
 * encoding/json, then decodeAuth on every entry) decides `dockerCliLoadOk`, the registries and the lookups.
 * Only usernames, hosts and presence flags leave this module; passwords, `auth` and tokens never do.
 */
import { binaryToText, decodeBase64Binary, decodeUtf8, startsWithUtf8Bom } from './bytes';
import {
  convertToHostname,
  displayHostOf,
  HUB_AUTH_KEY,
  isDockerHubHost,
  isLegacyRegistryKey,
} from './dockerRegistryKeys';
import { finding, sortFindings, type Finding, type Severity } from './finding';
import {
  GO_STRING,
  goMap,
  goSlice,
  goStruct,
  lineColumn,
  readJsonAsGo,
  skipJsonSpace,
  structField,
  type GoMapValue,
  type GoStructValue,
  type GoTypeError,
  type GoValue,
  type JsonKind,
} from './goJson';
import type { DockerStatus, RegistryEntry } from './report';
import type { FileState } from './snapshot';

/** Kubernetes' MaxSecretSize: a bigger config.json cannot become a Secret. */
export const SECRET_MAX_BYTES = 1048576;

export type DockerContentStatus = Exclude<
  DockerStatus,
  'missing' | 'not_a_file' | 'unreadable' | 'too_large'
>;

export interface DockerConfigInspection<S extends DockerStatus = DockerStatus> {
  readonly status: S;
  readonly dockerCliLoadOk: boolean | null;
  readonly registries: RegistryEntry[];
  /** The credsStore docker/cli would use; null when absent or empty. */
  readonly credsStore: string | null;
  readonly credHelpers: Record<string, string>;
  /** The `auths` keys as Go decodes them, in order of first appearance: what lookups search. */
  readonly authKeys: string[];
  readonly findings: Finding[];
}

export interface DockerConfigContentOptions {
  /** The file path, or `Secret/name` when linting a Secret's `config.json`. */
  readonly subject: string;
  readonly objects?: readonly string[];
  /** false: every finding names `subject` (lint); otherwise per-entry findings name the registry key. */
  readonly entrySubjects?: boolean;
}

// docker/cli's ConfigFile and AuthConfig (cli/config/configfile/file.go, cli/config/types/authconfig.go at the
// findings.md snapshot): every field whose JSON type Go checks. Unknown keys are ignored.
const AUTH_CONFIG = goStruct({
  username: GO_STRING,
  password: GO_STRING,
  auth: GO_STRING,
  serveraddress: GO_STRING,
  identitytoken: GO_STRING,
  registrytoken: GO_STRING,
});
const STRING_MAP = goMap(GO_STRING);
const CONFIG_FILE = goStruct({
  auths: goMap(AUTH_CONFIG),
  HttpHeaders: STRING_MAP,
  psFormat: GO_STRING,
  imagesFormat: GO_STRING,
  networksFormat: GO_STRING,
  pluginsFormat: GO_STRING,
  volumesFormat: GO_STRING,
  statsFormat: GO_STRING,
  detachKeys: GO_STRING,
  credsStore: GO_STRING,
  credHelpers: STRING_MAP,
  serviceInspectFormat: GO_STRING,
  servicesFormat: GO_STRING,
  tasksFormat: GO_STRING,
  secretFormat: GO_STRING,
  configFormat: GO_STRING,
  nodesFormat: GO_STRING,
  pruneFilters: goSlice(GO_STRING),
  proxies: goMap(
    goStruct({
      httpProxy: GO_STRING,
      httpsProxy: GO_STRING,
      noProxy: GO_STRING,
      ftpProxy: GO_STRING,
      allProxy: GO_STRING,
    }),
  ),
  currentContext: GO_STRING,
  cliPluginsExtraDirs: goSlice(GO_STRING),
  plugins: goMap(STRING_MAP),
  aliases: STRING_MAP,
  features: STRING_MAP,
});

const REENCODE = "printf %s 'USER:TOKEN' | base64 | tr -d '\\n'";

/** Collects findings with the subjects the options ask for. */
class FindingList {
  readonly list: Finding[] = [];
  constructor(private readonly opts: DockerConfigContentOptions) {}

  file(code: string, severity: Severity, message: string, fix: string | null): void {
    this.list.push(
      finding({ code, severity, subject: this.opts.subject, message, fix, objects: this.opts.objects }),
    );
  }

  entry(key: string, code: string, severity: Severity, message: string, fix: string | null): void {
    const subject = this.opts.entrySubjects === false ? this.opts.subject : key;
    this.list.push(finding({ code, severity, subject, message, fix, objects: this.opts.objects }));
  }
}

/** Inspects config.json bytes (a file, or a Secret's `config.json` key). Never throws. */
export function inspectDockerConfigContent(
  bytes: Uint8Array,
  opts: DockerConfigContentOptions,
): DockerConfigInspection<DockerContentStatus> {
  const out = new FindingList(opts);
  const unparsed = (status: DockerContentStatus, dockerCliLoadOk: boolean) => ({
    status,
    dockerCliLoadOk,
    registries: [],
    credsStore: null,
    credHelpers: {},
    authKeys: [],
    findings: sortFindings(out.list),
  });

  // Not UTF-8: Python's text-mode read raises UnicodeDecodeError, so Config.default() fails. Go would accept
  // such bytes inside strings, but cli.md's table gives invalid_json `false`, and the SDK is what fails first.
  const text = decodeUtf8(bytes);
  if (text === null) {
    out.file('DOCKER_CONFIG_INVALID_JSON', 'error', notUtf8Message(bytes), notUtf8Fix(bytes));
    return unparsed('invalid_json', false);
  }
  if (startsWithUtf8Bom(bytes)) {
    out.file(
      'DOCKER_CONFIG_BOM',
      'error',
      `config.json starts with a UTF-8 byte order mark (BOM); Python's json and docker/cli both refuse it.`,
      "Save it as UTF-8 without a BOM, e.g. `sed -i '1s/^\\xEF\\xBB\\xBF//' config.json`.",
    );
    return unparsed('bom', false);
  }
  const start = skipJsonSpace(text, 0);
  if (start === text.length) {
    out.file(
      'DOCKER_CONFIG_EMPTY',
      'error',
      `config.json is empty, so Config.default() fails when Python's json reads it (docker/cli would treat it as an empty config).`,
      'Put your registry credentials in it, e.g. {"auths": {"registry.example.com": {"auth": "<base64 of user:token>"}}}, or run `docker login REGISTRY` and copy the file it writes.',
    );
    return unparsed('empty', true);
  }
  const parsed = readJsonAsGo(text, start, CONFIG_FILE);
  if (!parsed.ok) {
    const at = lineColumn(text, parsed.offset);
    out.file(
      'DOCKER_CONFIG_INVALID_JSON',
      'error',
      `config.json is not valid JSON: ${parsed.reason} at line ${at.line}, column ${at.column}.`,
      `Fix the JSON at line ${at.line}, column ${at.column} (often a missing comma, quote or brace), or write the file again with \`docker login REGISTRY\`.`,
    );
    return unparsed('invalid_json', false);
  }
  if (parsed.kind !== 'object') {
    const isNull = parsed.kind === 'null';
    out.file(
      'DOCKER_CONFIG_NOT_OBJECT',
      'error',
      `config.json holds ${describeJsonKind(parsed.kind)}, not a JSON object, so Config.default() fails${isNull ? ' (docker/cli would read null as an empty config)' : ''}.`,
      'Make the whole file one object, e.g. {"auths": {"registry.example.com": {"auth": "<base64 of user:token>"}}}.',
    );
    // Go decodes null into the config as "nothing"; any other value is a type error or (NaN) a syntax error.
    return unparsed('not_object', isNull);
  }

  const trailingAt = skipJsonSpace(text, parsed.end);
  const status: DockerContentStatus = trailingAt < text.length ? 'trailing_data' : 'ok';
  if (status === 'trailing_data') {
    const at = lineColumn(text, trailingAt);
    out.file(
      'DOCKER_CONFIG_TRAILING_DATA',
      'error',
      `config.json has more text after its JSON object (from line ${at.line}, column ${at.column}); Python's json refuses it, although docker/cli ignores it.`,
      'Delete everything after the closing brace of the top-level object (often a second object pasted below the first).',
    );
  }
  const config = inspectParsedConfig(parsed.value as GoStructValue, parsed.typeErrors, out);
  if (parsed.hasNonFinite) {
    out.file(
      'DOCKER_CONFIG_NON_FINITE_NUMBER',
      'error',
      `config.json contains NaN or Infinity: Python accepts them, but docker/cli's JSON decoder does not, so it cannot load the file.`,
      'Replace NaN/Infinity with a number or a quoted string.',
    );
  }
  const goLoads = !parsed.hasNonFinite && config.typeErrorCount === 0 && !config.authRejected;
  return {
    status,
    // cli.md: trailing_data is `true` by the contract's table (Go ignores what follows the first value).
    dockerCliLoadOk: status === 'trailing_data' ? true : goLoads,
    registries: config.registries,
    credsStore: config.credsStore,
    credHelpers: config.credHelpers,
    authKeys: config.authKeys,
    findings: sortFindings(out.list),
  };
}

/** Inspects $HOME/.docker/config.json in any state the reader found it. */
export function inspectDockerConfig(input: { path: string; file: FileState }): DockerConfigInspection {
  const { path, file } = input;
  const out = new FindingList({ subject: path });
  const unread = (status: DockerStatus, dockerCliLoadOk: boolean | null): DockerConfigInspection => ({
    status,
    dockerCliLoadOk,
    registries: [],
    credsStore: null,
    credHelpers: {},
    authKeys: [],
    findings: out.list,
  });
  switch (file.kind) {
    case 'missing':
      out.file(
        'DOCKER_CONFIG_MISSING',
        'error',
        `There is no ${path}, so Config.default() raises before any training starts.`,
        'Create it: run `docker login REGISTRY` where Docker is installed and copy ~/.docker/config.json here, or select the PodDefault that mounts your Docker config Secret when you create the notebook.',
      );
      return unread('missing', null);
    case 'not_a_file':
      out.file(
        'DOCKER_CONFIG_NOT_A_FILE',
        'error',
        `${path} is a directory, not a file, so Config.default() cannot read it.`,
        'Mount the Secret at the directory ~/.docker, or at ~/.docker/config.json with `subPath: config.json` (without subPath the mount becomes a directory); locally, remove the directory and put the file there.',
      );
      return unread('not_a_file', false);
    case 'unreadable':
      out.file(
        'DOCKER_CONFIG_UNREADABLE',
        'error',
        `${path} exists but cannot be read (permission denied), so Config.default() fails.`,
        `Make it readable by the notebook user (\`chmod 644 ${path}\`, or \`sudo chown $(id -u) ${path}\`); for a mounted Secret, set the volume's defaultMode (e.g. 0644) or the pod's fsGroup.`,
      );
      return unread('unreadable', false);
    case 'too_large':
      out.file('DOCKER_CONFIG_TOO_LARGE', 'error', tooLargeMessage(file.size, true), TOO_LARGE_FIX);
      return unread('too_large', null);
    case 'file': {
      const result = inspectDockerConfigContent(file.bytes, { subject: path });
      if (file.bytes.length <= SECRET_MAX_BYTES) return result;
      const extra = finding({
        code: 'DOCKER_CONFIG_TOO_LARGE',
        severity: 'error',
        subject: path,
        message: tooLargeMessage(file.bytes.length, false),
        fix: TOO_LARGE_FIX,
      });
      return { ...result, findings: sortFindings([...result.findings, extra]) };
    }
  }
}

const TOO_LARGE_FIX =
  'Keep only the registries the pod needs in "auths" (drop HttpHeaders, plugins and old entries) so the file is under 1 MiB.';

function tooLargeMessage(size: number, unread: boolean): string {
  const limit = 'the 1 MiB (1048576 bytes) a Kubernetes Secret can hold';
  return unread
    ? `config.json is ${size} bytes: too large to inspect (over 8 MiB), and over ${limit}.`
    : `config.json is ${size} bytes, over ${limit}.`;
}

function describeJsonKind(kind: JsonKind): string {
  switch (kind) {
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'bool':
      return 'true or false';
    case 'null':
      return 'null';
    default:
      return 'a number';
  }
}

function isUtf16(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

function notUtf8Message(bytes: Uint8Array): string {
  if (isUtf16(bytes)) {
    return "config.json is UTF-16 text (as PowerShell's `>` writes it); Python reads it as UTF-8 and fails.";
  }
  return `config.json is not UTF-8 text (the first invalid byte is at offset ${firstInvalidUtf8(bytes)}), so Python cannot read it.`;
}

function notUtf8Fix(bytes: Uint8Array): string {
  return isUtf16(bytes)
    ? 'Convert it: `iconv -f UTF-16 -t UTF-8 config.json > config.utf8.json`, then replace the file with the result.'
    : 'Save the file as UTF-8 (remove or re-type the characters around that offset).';
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let j = 1; j < len; j++) {
      const c = bytes[i + j];
      const lo = j === 1 && b === 0xe0 ? 0xa0 : j === 1 && b === 0xf0 ? 0x90 : 0x80;
      const hi = j === 1 && b === 0xed ? 0x9f : j === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += len;
  }
  return bytes.length;
}

// ---- The object: Go's view of it, entry by entry ----

interface ParsedConfig {
  readonly registries: RegistryEntry[];
  readonly credsStore: string | null;
  readonly credHelpers: Record<string, string>;
  readonly authKeys: string[];
  readonly typeErrorCount: number;
  readonly authRejected: boolean;
}

function isKind(value: GoValue | undefined, kind: 'struct' | 'map'): boolean {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === kind;
}

function asStruct(value: GoValue | undefined): GoStructValue | null {
  return isKind(value, 'struct') ? (value as GoStructValue) : null;
}

function asMap(value: GoValue | undefined): GoMapValue | null {
  return isKind(value, 'map') ? (value as GoMapValue) : null;
}

function fieldString(struct: GoStructValue | null, name: string): string {
  const v = struct === null ? undefined : structField(struct, name);
  return typeof v === 'string' ? v : '';
}

/** An AuthConfig field by position (looked up once: a 1 MiB file can hold 20,000 entries). */
function authField(entry: GoStructValue | null, index: number): string {
  const v = entry?.values[index];
  return typeof v === 'string' ? v : '';
}

const AUTH_INDEX = (name: string) => AUTH_CONFIG.index.get(name) as number;
const I_AUTH = AUTH_INDEX('auth');
const I_USERNAME = AUTH_INDEX('username');
const I_PASSWORD = AUTH_INDEX('password');
const I_IDENTITY_TOKEN = AUTH_INDEX('identitytoken');
const I_REGISTRY_TOKEN = AUTH_INDEX('registrytoken');

/** A plain object safe for any key (`__proto__` included). */
function toRecord(map: GoMapValue | null): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of map?.entries ?? []) {
    Object.defineProperty(record, key, {
      value: typeof value === 'string' ? value : '',
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return record;
}

function inspectParsedConfig(
  config: GoStructValue,
  typeErrors: readonly GoTypeError[],
  out: FindingList,
): ParsedConfig {
  const auths = asMap(structField(config, 'auths'));
  const credsStore = fieldString(config, 'credsStore');
  const credHelpersMap = asMap(structField(config, 'credHelpers'));

  const authsSpelling = config.caseFolded?.get('auths');
  if (authsSpelling !== undefined) {
    out.file(
      'DOCKER_CONFIG_KEY_CASE',
      'warning',
      `config.json spells "auths" as "${authsSpelling}": docker/cli accepts any letter case and reads it, but the Python SDK and other strict readers ignore it.`,
      `Rename "${authsSpelling}" to "auths".`,
    );
  }

  const entriesWithTypeErrors = new Set(
    typeErrors.filter((e) => e.path[0] === 'auths' && e.path.length >= 2).map((e) => e.path[1]),
  );
  const registries: RegistryEntry[] = [];
  const legacyHosts = new Map<string, string>(); // legacy key -> its ConvertToHostname
  let anyCredentials = false;
  let authRejected = false;
  // forEach, not for-of: no [key, value] pair per entry (a 1 MiB file can hold 20,000 entries).
  auths?.entries.forEach((value, key) => {
    const host = convertToHostname(key);
    if (isLegacyRegistryKey(key)) legacyHosts.set(key, host);
    const entry = inspectEntry(key, host, asStruct(value), entriesWithTypeErrors.has(key), out);
    registries.push(entry.registry);
    anyCredentials ||= entry.carriesCredentials;
    authRejected ||= entry.rejected;
  });
  const authKeys = registries.map((r) => r.key);
  if (legacyHosts.size > 1) duplicateHostFindings(legacyHosts, new Set(authKeys), out);

  if (!anyCredentials) {
    out.file(
      'DOCKER_NO_INLINE_CREDENTIALS',
      'warning',
      'config.json holds no credentials: no "auths" entry has an auth, username, password or token, so image pushes from the pod are anonymous.',
      `Add an entry per registry, e.g. "auths": {"registry.example.com": {"auth": "<output of \`${REENCODE}\`>"}}.`,
    );
  }
  if (credsStore !== '') {
    out.file(
      'DOCKER_CREDS_STORE_UNUSABLE_IN_POD',
      'warning',
      `config.json sets "credsStore": "${credsStore}", so docker/cli asks the program docker-credential-${credsStore} for every registry, and neither it nor a desktop keychain exists in the pod.`,
      'Remove the "credsStore" line and keep the credentials inline as "auth" entries (log in again without a credential store, or encode them yourself).',
    );
    if (anyCredentials) {
      out.file(
        'DOCKER_CREDS_STORE_SHADOWS_INLINE_AUTH',
        'error',
        `config.json sets "credsStore": "${credsStore}" and also has inline credentials: docker/cli sends every lookup to docker-credential-${credsStore}, never uses the inline ones, and fails when that program is missing.`,
        'Delete the "credsStore" line so docker/cli uses the inline "auth" entries.',
      );
    }
  }
  const helperHosts = [...(credHelpersMap?.entries ?? [])].filter(([, v]) => v !== '').map(([k]) => k);
  if (helperHosts.length > 0) {
    out.file(
      'DOCKER_CRED_HELPER_UNUSABLE_IN_POD',
      'warning',
      `config.json names credential helpers (credHelpers) for ${listSome(helperHosts)}; docker/cli runs docker-credential-<helper> for those registries, and the pod does not have it.`,
      'Remove "credHelpers" and add an inline "auth" entry for each of those registries.',
    );
  }
  if (authRejected) {
    out.file(
      'DOCKER_CONFIG_REJECTED_BY_DOCKER_CLI',
      'error',
      'docker/cli refuses to load this config.json because an "auth" value does not decode, so Kaniko and go-containerregistry fail for every registry, not only the broken one.',
      'Fix or remove the entries named by the DOCKER_AUTH_* findings.',
    );
  }
  if (typeErrors.length > 0) {
    out.file('DOCKER_CONFIG_WRONG_TYPE', 'error', wrongTypeMessage(typeErrors), wrongTypeFix(typeErrors));
  }
  return {
    registries,
    credsStore: credsStore === '' ? null : credsStore,
    credHelpers: toRecord(credHelpersMap),
    authKeys,
    typeErrorCount: typeErrors.length,
    authRejected,
  };
}

function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

const TYPE_WORDS: Record<GoTypeError['found'] | GoTypeError['expected'], string> = {
  string: 'a string',
  number: 'a number',
  bool: 'true/false',
  array: 'a list',
  object: 'an object',
};

function wrongTypeMessage(errors: readonly GoTypeError[]): string {
  const first = errors[0];
  const where = first.path.map((p) => `"${p}"`).join(' → ');
  const more =
    errors.length > 1
      ? ` (${errors.length - 1} more value${errors.length > 2 ? 's are' : ' is'} of the wrong type)`
      : '';
  return `docker/cli cannot load config.json: ${where} is ${TYPE_WORDS[first.found]}, but it must be ${TYPE_WORDS[first.expected]}${more}.`;
}

function wrongTypeFix(errors: readonly GoTypeError[]): string {
  const first = errors[0];
  return first.expected === 'string'
    ? 'Write the value as a quoted string.'
    : `Make the value ${TYPE_WORDS[first.expected]} as docker/cli expects (e.g. "auths": {"registry.example.com": {"auth": "…"}}).`;
}

// ---- One auths entry ----

/** What docker/cli's decodeAuth yields, without the password itself. */
export type AuthDecoding =
  | {
      readonly ok: true;
      readonly username: string;
      readonly hasPassword: boolean;
      readonly endsInNewline: boolean;
    }
  | { readonly ok: false; readonly failure: 'not_base64' | 'missing_colon' | 'empty_username' };

const NUL_RUNS = /^\0+|\0+$/g;

/** docker/cli's decodeAuth: strict std base64, cut at the first ':', user non-empty, NULs trimmed from the password. */
export function decodeDockerAuth(auth: string): AuthDecoding {
  const decoded = decodeBase64Binary(auth);
  if (decoded === null) return { ok: false, failure: 'not_base64' };
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false, failure: 'missing_colon' };
  if (colon === 0) return { ok: false, failure: 'empty_username' };
  const password = decoded.slice(colon + 1).replace(NUL_RUNS, '');
  return {
    ok: true,
    username: binaryToText(decoded.slice(0, colon)),
    hasPassword: password.length > 0,
    endsInNewline: password.endsWith('\n'),
  };
}

const AUTH_FAILURES = {
  not_base64: {
    code: 'DOCKER_AUTH_NOT_BASE64',
    why: 'is not valid standard base64 (A–Z, a–z, 0–9, + and /, padded with =)',
  },
  missing_colon: {
    code: 'DOCKER_AUTH_MISSING_COLON',
    why: 'decodes to a value with no ":" between user and password',
  },
  empty_username: {
    code: 'DOCKER_AUTH_EMPTY_USERNAME',
    why: 'decodes to a value that starts with ":" (no user name)',
  },
} as const;

interface EntryResult {
  readonly registry: RegistryEntry;
  readonly carriesCredentials: boolean;
  readonly rejected: boolean;
}

function inspectEntry(
  key: string,
  host: string,
  entry: GoStructValue | null,
  hasTypeError: boolean,
  out: FindingList,
): EntryResult {
  const auth = authField(entry, I_AUTH);
  const usernameField = authField(entry, I_USERNAME);
  const passwordField = authField(entry, I_PASSWORD);
  const hasToken = authField(entry, I_IDENTITY_TOKEN) !== '' || authField(entry, I_REGISTRY_TOKEN) !== '';
  const carriesCredentials =
    auth !== '' || usernameField !== '' || passwordField !== '' || hasToken || hasTypeError;
  const name = `"${key}"`;

  const authSpelling = entry?.caseFolded?.get('auth');
  if (authSpelling !== undefined) {
    out.entry(
      key,
      'DOCKER_CONFIG_KEY_CASE',
      'warning',
      `The auths entry ${name} spells "auth" as "${authSpelling}": docker/cli accepts any letter case and reads it, but the Python SDK and other strict readers ignore it.`,
      `Rename "${authSpelling}" to "auth".`,
    );
  }
  if (key !== HUB_AUTH_KEY && isDockerHubHost(host)) {
    out.entry(
      key,
      'DOCKER_HUB_KEY_NONCANONICAL',
      'warning',
      `Docker Hub credentials are stored under ${name}, but Docker Hub images are only ever looked up under "${HUB_AUTH_KEY}".`,
      `Rename the key to "${HUB_AUTH_KEY}".`,
    );
  }
  if (isLegacyRegistryKey(key)) {
    out.entry(
      key,
      'DOCKER_REGISTRY_KEY_LEGACY_FORMAT',
      'info',
      `The auths key ${name} has a scheme or a path: docker/cli finds it only by its host "${host}", and any path is ignored, so it applies to all of "${host}".`,
      `Use the bare host "${host}" as the key.`,
    );
  }
  if (!carriesCredentials) {
    out.entry(
      key,
      'DOCKER_AUTH_ENTRY_EMPTY',
      'info',
      `The auths entry ${name} is empty: its credentials live in a credential store (typical after \`docker login\` with credsStore), which the pod does not have.`,
      `Put the credentials inline: "auth": "<output of \`${REENCODE}\`>".`,
    );
  }

  let username: string | null = usernameField === '' ? null : usernameField;
  let hasPassword = passwordField !== '';
  if (auth !== '') {
    const decoded = decodeDockerAuth(auth);
    if (!decoded.ok) {
      const failure = AUTH_FAILURES[decoded.failure];
      out.entry(
        key,
        failure.code,
        'error',
        `The "auth" of ${name} ${failure.why}, so docker/cli refuses the whole file.`,
        `Encode "user:password" again with \`${REENCODE}\` and paste the result as "auth".`,
      );
      return {
        registry: { key, host: displayHostOf(host), username: null, hasPassword: false, valid: false },
        carriesCredentials,
        rejected: true,
      };
    }
    username = decoded.username;
    hasPassword = decoded.hasPassword;
    if (decoded.endsInNewline) {
      out.entry(
        key,
        'DOCKER_AUTH_TRAILING_NEWLINE',
        'warning',
        `The "auth" of ${name} ends in a newline (the \`echo user:pw | base64\` mistake), so the password docker/cli sends ends in a newline too.`,
        `Encode it without the newline: \`${REENCODE}\` (or \`echo -n\`).`,
      );
    }
    if (usernameField !== '' || passwordField !== '') {
      out.entry(
        key,
        'DOCKER_AUTH_OVERRIDES_USERNAME_PASSWORD',
        'warning',
        `The auths entry ${name} has both "auth" and "username"/"password": docker/cli uses the user and password decoded from "auth" and ignores the other two.`,
        'Keep one form: remove "username" and "password", or remove "auth".',
      );
    }
  }
  if (username !== null && !hasPassword && !hasToken) {
    out.entry(
      key,
      'DOCKER_AUTH_EMPTY_PASSWORD',
      'warning',
      `The auths entry ${name} has a user but an empty password and no token, so the registry will refuse the login.`,
      `Put the password or access token after the ":" and encode again: \`${REENCODE}\`.`,
    );
  }
  return {
    registry: { key, host: displayHostOf(host), username, hasPassword, valid: true },
    carriesCredentials,
    rejected: false,
  };
}

/**
 * Legacy keys (scheme or path) that normalize to one host with no bare-host key: Go's map order picks one.
 * Docker Hub's hosts are left out: a Hub image is looked up by the canonical key only, never by host.
 */
function duplicateHostFindings(
  legacyHosts: ReadonlyMap<string, string>,
  keys: ReadonlySet<string>,
  out: FindingList,
): void {
  const byHost = new Map<string, string[]>();
  for (const [key, host] of legacyHosts) {
    const group = byHost.get(host);
    if (group) group.push(key);
    else byHost.set(host, [key]);
  }
  for (const [host, group] of byHost) {
    if (group.length < 2 || keys.has(host) || host === 'docker.io' || host === 'index.docker.io') continue;
    out.entry(
      host,
      'DOCKER_REGISTRY_KEY_DUPLICATE_HOST',
      'warning',
      `The auths keys ${listSome(group.map((k) => `"${k}"`))} all stand for "${host}" and none is the bare host, so which credentials docker/cli uses for "${host}" is unpredictable.`,
      `Keep one of them and rename it to "${host}".`,
    );
  }
}
