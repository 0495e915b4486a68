/**
 * The content of an AWS credentials file (the pod's `~/.aws/credentials`, or a Secret's `credentials` key)
 * read as botocore's SharedCredentialProvider reads it. Only content codes here: where the file came from,
 * the environment and the selected profile's existence are storage.ts's business.
 *
 * Every finding's subject is `opts.subject` (the file path, or `Secret/name` in lint): the thing to edit.
 * Messages name lines, profiles and well-known option names, never a value.
 */
import { IniDocument, IniError, IniOption, effectiveOptions, parseIniBytes } from './configparser';
import { Finding, finding } from './finding';

export type AwsCredentialsContentStatus = 'ok' | 'empty' | 'parse_error';

/** Raw credential values: SECRETS, for comparison only; never put them in a result. */
export interface ProfileCredentialValues {
  /** null when the option is absent. A nested block (`key =` + indented lines) counts as ''. */
  readonly accessKeyId: string | null;
  readonly secretAccessKey: string | null;
  /** `aws_security_token` when that option is present (even empty), else `aws_session_token`. */
  readonly sessionToken: string | null;
}

/**
 * The parsed file, for storage.ts. The values live in a private field, so `JSON.stringify` of a result that
 * holds this object cannot leak them (toJSON shows the profile names only).
 */
export class ParsedAwsCredentials {
  readonly #doc: IniDocument;
  /** Section names in file order; `[DEFAULT]` is no profile. */
  readonly profiles: readonly string[];

  constructor(doc: IniDocument) {
    this.#doc = doc;
    this.profiles = doc.sections.map((s) => s.name);
  }

  hasProfile(name: string): boolean {
    return this.profiles.includes(name);
  }

  /** The credentials botocore would read for `profile` (`[DEFAULT]` inherited); null when no such profile. */
  credentials(profile: string): ProfileCredentialValues | null {
    const options = effectiveOptions(this.#doc, profile);
    if (!options) return null;
    const byName = new Map(options.map((o) => [o.name, o] as const));
    const value = (name: string): string | null => {
      const o = byName.get(name);
      return o === undefined ? null : o.nested ? '' : o.value;
    };
    return {
      accessKeyId: value('aws_access_key_id'),
      secretAccessKey: value('aws_secret_access_key'),
      sessionToken: byName.has('aws_security_token')
        ? value('aws_security_token')
        : value('aws_session_token'),
    };
  }

  toJSON(): { profiles: readonly string[] } {
    return { profiles: this.profiles };
  }
}

export interface AwsCredentialsContentOptions {
  /** The file path, or `Secret/name` in lint. */
  readonly subject: string;
  /** `Kind/name` of the manifest objects concerned ([] for the pod). */
  readonly objects?: readonly string[];
  /** The profile whose secret must be present (AWS_SECRET_MISSING): the pod's selected one; lint: `default`. */
  readonly profile?: string;
}

export interface AwsCredentialsContentInspection {
  readonly status: AwsCredentialsContentStatus;
  readonly profiles: readonly string[];
  /** null on a parse error. */
  readonly parsed: ParsedAwsCredentials | null;
  readonly findings: readonly Finding[];
}

/** Option names we may print: anything else read from the file could be a pasted secret. */
const KNOWN_OPTIONS = new Set([
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'aws_account_id',
  'region',
  'output',
  'role_arn',
  'source_profile',
  'credential_source',
  'credential_process',
  'mfa_serial',
  'external_id',
  'role_session_name',
  'endpoint_url',
  'ca_bundle',
  's3',
]);

function optionLabel(name: string): string {
  return KNOWN_OPTIONS.has(name) ? name : 'an option';
}

/** "the key region", or "a key" for a name we do not print. */
function keyLabel(name: string): string {
  return KNOWN_OPTIONS.has(name) ? `the key ${name}` : 'a key';
}

/** A section name as messages show it: profile names are not secret, but a line can be huge. */
function shortName(name: string): string {
  if (name.length <= 64) return name;
  const chars = Array.from(name);
  return chars.length > 64 ? `${chars.slice(0, 64).join('')}…` : name;
}

function sectionLabel(name: string): string {
  return `[${shortName(name)}]`;
}

/** At most `max` section labels, then how many more. */
function sectionList(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map(sectionLabel).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

interface Context {
  readonly subject: string;
  readonly objects: readonly string[];
  /** How a fix refers to the file: the path itself in the pod. */
  readonly fileRef: string;
  readonly recreate: string;
}

function contextOf(opts: AwsCredentialsContentOptions): Context {
  const objects = opts.objects ?? [];
  const secret = objects.find((o) => o.startsWith('Secret/'));
  const name = secret ? secret.slice('Secret/'.length) : 'NAME';
  return {
    subject: opts.subject,
    objects,
    fileRef: objects.length > 0 ? 'the credentials file' : opts.subject,
    recreate:
      objects.length > 0
        ? ` Then recreate the Secret from the corrected file: kubectl delete secret ${name} && kubectl create secret generic ${name} --from-file=credentials=FILE.`
        : '',
  };
}

function make(
  ctx: Context,
  code: string,
  severity: 'error' | 'warning' | 'info',
  message: string,
  fix: string | null,
): Finding {
  return finding({
    code,
    severity,
    subject: ctx.subject,
    message,
    fix: fix === null ? null : fix + ctx.recreate,
    objects: ctx.objects,
  });
}

function hasCrlf(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x0d); i >= 0; i = bytes.indexOf(0x0d, i + 1))
    if (bytes[i + 1] === 0x0a) return true;
  return false;
}

/** "line 4", "lines 4 and 9", "lines 4, 9, 12 and 2 more". */
function linesPhrase(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 3);
  const rest = lines.length - shown.length;
  return rest > 0
    ? `lines ${shown.join(', ')} and ${rest} more`
    : `lines ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function parseErrorFindings(ctx: Context, error: IniError): Finding[] {
  const at = `line ${error.line}`;
  const section = error.section === undefined ? '' : sectionLabel(error.section);
  const option = error.option === undefined ? 'a key' : keyLabel(error.option);
  const parseError = (detail: string, fix: string) =>
    make(
      ctx,
      'AWS_CREDENTIALS_PARSE_ERROR',
      'error',
      `botocore cannot parse the credentials file: ${detail}.`,
      fix,
    );
  switch (error.kind) {
    case 'not_utf8':
      return [
        parseError(
          `${at} is not valid UTF-8 (ConfigParseError)`,
          `Re-save ${ctx.fileRef} as UTF-8, e.g. iconv -f latin1 -t utf-8 FILE > FILE.new && mv FILE.new FILE.`,
        ),
      ];
    case 'bom':
      return [
        parseError(
          'it starts with a byte order mark (BOM), so line 1 is not a [section] header (ConfigParseError)',
          `Remove the BOM: sed -i '1s/^\\xEF\\xBB\\xBF//' ${ctx.fileRef}`,
        ),
        make(
          ctx,
          'AWS_CREDENTIALS_BOM',
          'error',
          'The credentials file starts with a UTF-8 byte order mark (BOM), as Notepad or PowerShell save it; configparser reads it as text before the first [section].',
          `Save the file as UTF-8 without BOM, or run: sed -i '1s/^\\xEF\\xBB\\xBF//' ${ctx.fileRef}`,
        ),
      ];
    case 'missing_section_header':
      return [
        parseError(
          `${at} comes before the first [section] header (MissingSectionHeaderError)`,
          `Put a [default] header on the first line of ${ctx.fileRef}, above every key.`,
        ),
      ];
    case 'duplicate_section':
      return [
        parseError(
          `the profile ${section} appears a second time on ${at} (DuplicateSectionError)`,
          `Merge the ${section} sections of ${ctx.fileRef} into one.`,
        ),
        make(
          ctx,
          'AWS_CREDENTIALS_DUPLICATE_SECTION',
          'error',
          `The profile ${section} appears twice (again on ${at}); botocore's strict configparser refuses that.`,
          `Keep one ${section} section in ${ctx.fileRef} and move its keys there.`,
        ),
      ];
    case 'duplicate_option':
      return [
        parseError(
          `${at} sets ${option} a second time in ${section} (DuplicateOptionError)`,
          `Delete one of the two lines in ${ctx.fileRef}.`,
        ),
        make(
          ctx,
          'AWS_CREDENTIALS_DUPLICATE_KEY',
          'error',
          `${at[0].toUpperCase()}${at.slice(1)} sets ${option} a second time in ${section} (key names ignore letter case); botocore's strict configparser refuses that.`,
          `Keep one of the two lines in ${section} of ${ctx.fileRef} and delete the other.`,
        ),
      ];
    case 'parsing':
      return [
        parseError(
          `${at} is neither a [section] header, a key = value line, a comment nor an indented continuation (ParsingError)`,
          `Write ${at} of ${ctx.fileRef} as key = value, or start it with # to make it a comment.`,
        ),
      ];
    case 'nested':
      return [
        parseError(
          `${at} is in the indented block under ${option} in ${section}, which botocore reads as nested key = value settings, and it has no '='`,
          `In ${ctx.fileRef}, write the value on the same line as its key (key = value), or write every indented line under it as name = value.`,
        ),
      ];
  }
}

interface Located {
  readonly line: number;
  readonly section: string;
  readonly option: string;
}

function locate(section: string, o: IniOption): Located {
  return { line: o.line, section, option: o.name };
}

/** "aws_secret_access_key in [default]" (only the first place of a finding is spelled out). */
function whatOf(p: Located): string {
  return `${optionLabel(p.option)} in ${sectionLabel(p.section)}`;
}

/** One finding per code, naming the first place in full and the line numbers of the others. */
function summarize(
  ctx: Context,
  code: string,
  places: readonly Located[],
  describe: (first: Located) => string,
  fix: string,
): Finding[] {
  if (places.length === 0) return [];
  const lines = places.map((p) => p.line);
  const where = places.length > 1 ? ` (${places.length} values: ${linesPhrase(lines)})` : '';
  return [make(ctx, code, 'warning', `${describe(places[0])}${where}.`, fix)];
}

function contentFindings(
  ctx: Context,
  doc: IniDocument,
  parsed: ParsedAwsCredentials,
  profile: string,
): Finding[] {
  const out: Finding[] = [];
  const names = parsed.profiles;
  if (!names.includes('default')) out.push(defaultMissing(ctx, names));

  const caseVariants = names.filter(
    (n) => n.length === 7 && n !== 'default' && n.toLowerCase() === 'default',
  );
  if (doc.hasDefaultHeader) caseVariants.push('DEFAULT');
  if (caseVariants.length > 0) {
    const labels = sectionList(caseVariants);
    const aboutDefault = caseVariants.includes('DEFAULT')
      ? ' [DEFAULT] is configparser\'s "defaults" section, inherited by every profile, not a profile itself.'
      : '';
    out.push(
      make(
        ctx,
        'AWS_SECTION_NAME_CASE',
        'warning',
        `${labels} ${caseVariants.length > 1 ? 'are' : 'is'} not the default profile: section names are case-sensitive and only [default] is.${aboutDefault}`,
        `Rename the section to [default] (all lower case) in ${ctx.fileRef}.`,
      ),
    );
  }

  const prefixed = names.filter((n) => /^profile[ \t]+\S/.test(n));
  if (prefixed.length > 0) {
    const first = prefixed[0];
    const bare = first.replace(/^profile[ \t]+/, '');
    out.push(
      make(
        ctx,
        'AWS_PROFILE_PREFIX_IN_CREDENTIALS_FILE',
        'warning',
        `${sectionList(prefixed)} in the credentials file names a profile literally called "${shortName(first)}": the "profile " prefix is ~/.aws/config syntax only.`,
        `Rename the section to ${sectionLabel(bare)} in ${ctx.fileRef}.`,
      ),
    );
  }

  out.push(...secretMissing(ctx, parsed, profile));

  const inline: Located[] = [];
  const quoted: Located[] = [];
  const continued: Located[] = [];
  const collect = (section: string, options: readonly IniOption[]) => {
    for (const o of options) {
      if (o.inlineComment) inline.push(locate(section, o));
      if (o.quoted) quoted.push(locate(section, o));
      if (o.continued) continued.push(locate(section, o));
    }
  };
  collect('DEFAULT', doc.defaults);
  for (const s of doc.sections) collect(s.name, s.options);
  // [DEFAULT] blocks may come anywhere: report in file order.
  for (const list of [inline, quoted, continued]) list.sort((a, b) => a.line - b.line);
  out.push(
    ...summarize(
      ctx,
      'AWS_INLINE_COMMENT',
      inline,
      (p) =>
        `The value of ${whatOf(p)} on line ${p.line} contains " #" or " ;": configparser does not strip inline comments, so the comment is part of the value`,
      `Move the comment in ${ctx.fileRef} to a line of its own that starts with #.`,
    ),
    ...summarize(
      ctx,
      'AWS_VALUE_QUOTED',
      quoted,
      (p) =>
        `The value of ${whatOf(p)} on line ${p.line} is in quotes, and configparser keeps the quotes as part of it`,
      `Remove the quotes in ${ctx.fileRef}: write key = value.`,
    ),
    ...summarize(
      ctx,
      'AWS_CONTINUATION_LINE',
      continued,
      (p) =>
        `The value of ${whatOf(p)} on line ${p.line} continues on an indented line, which configparser folds into it`,
      `Remove the indentation of the following line in ${ctx.fileRef}, or join the value onto one line.`,
    ),
  );
  return out;
}

function defaultMissing(ctx: Context, names: readonly string[]): Finding {
  const have = names.length > 0 ? ` (profiles: ${sectionList(names)})` : '';
  return make(
    ctx,
    'AWS_DEFAULT_PROFILE_MISSING',
    'warning',
    `The credentials file has no [default] profile${have}: S3ConfigurationProvider.default() and every pod without AWS_PROFILE read [default] and find no credentials.`,
    `Add a [default] section with aws_access_key_id and aws_secret_access_key to ${ctx.fileRef}, or rename your profile to [default].`,
  );
}

/** PartialCredentialsError: the key ID is there (even empty), the secret is absent; an empty one is no better. */
function secretMissing(ctx: Context, parsed: ParsedAwsCredentials, profile: string): Finding[] {
  const creds = parsed.credentials(profile);
  if (!creds || creds.accessKeyId === null || creds.secretAccessKey) return [];
  const how =
    creds.secretAccessKey === null
      ? 'no aws_secret_access_key, so botocore raises PartialCredentialsError'
      : 'an empty aws_secret_access_key, so every request is refused';
  return [
    make(
      ctx,
      'AWS_SECRET_MISSING',
      'error',
      `The profile ${sectionLabel(profile)} has aws_access_key_id but ${how}.`,
      `Add aws_secret_access_key = <your secret key> under ${sectionLabel(profile)} in ${ctx.fileRef}.`,
    ),
  ];
}

/**
 * Inspect credentials-file bytes. 0 bytes is `empty`; whitespace or comments only parse to no section
 * (`ok`, no profiles), as configparser does. Never throws.
 */
export function inspectAwsCredentialsContent(
  bytes: Uint8Array,
  opts: AwsCredentialsContentOptions,
): AwsCredentialsContentInspection {
  const ctx = contextOf(opts);
  const crlf = hasCrlf(bytes)
    ? [
        make(
          ctx,
          'AWS_CREDENTIALS_CRLF',
          'info',
          'The credentials file has Windows (CRLF) line endings. botocore reads the values without the \\r, and a Secret made from the file keeps the bytes unchanged.',
          `Nothing needed; to normalise, run dos2unix on ${ctx.fileRef}.`,
        ),
      ]
    : [];
  if (bytes.length === 0) {
    const empty = make(
      ctx,
      'AWS_CREDENTIALS_EMPTY',
      'warning',
      'The credentials file is empty (0 bytes), so botocore finds no credentials in it.',
      `Write a [default] section with aws_access_key_id and aws_secret_access_key into ${ctx.fileRef}.`,
    );
    const doc: IniDocument = { sections: [], defaults: [], hasDefaultHeader: false };
    return {
      status: 'empty',
      profiles: [],
      parsed: new ParsedAwsCredentials(doc),
      findings: [empty, defaultMissing(ctx, [])],
    };
  }
  const result = parseIniBytes(bytes);
  if (!result.ok) {
    return {
      status: 'parse_error',
      profiles: [],
      parsed: null,
      findings: [...parseErrorFindings(ctx, result.error), ...crlf],
    };
  }
  const parsed = new ParsedAwsCredentials(result.document);
  return {
    status: 'ok',
    profiles: parsed.profiles,
    parsed,
    findings: [...contentFindings(ctx, result.document, parsed, opts.profile ?? 'default'), ...crlf],
  };
}
