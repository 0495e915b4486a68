/**
 * Image references exactly as distribution/reference v0.6.0 `ParseNormalizedNamed` reads them (the version
 * docker/cli vendors), with go-digest v1.0.0 for the digest. Ported from reference.go, regexp.go and
 * normalize.go; the test tables of their _test.go files are in test/core/imageReference.test.ts.
 *
 * The Go regexps are checked by hand-written scanners instead of JS regexps: Go's RE2 runs in linear time,
 * JS regexps backtrack, and every part of this grammar can be checked in one pass over its characters.
 */

export type ParsedReference =
  | { ok: true; domain: string; path: string; tag: string | null; digest: string | null }
  | { ok: false; reason: string };

export type ValidReference = Extract<ParsedReference, { ok: true }>;

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
/** RepositoryNameTotalLengthMax: since v0.6.0 it bounds the path only, not the domain. */
export const REPOSITORY_PATH_MAX = 255;
const TAG_MAX = 128;
/** go-digest v1.0.0 registers exactly these, each hex-encoded, lower case only. A Map: no prototype keys. */
const DIGEST_HEX_LENGTHS = new Map<string, number>([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLetter = (c: number): boolean => isLower(c) || isUpper(c);
const isAlnum = (c: number): boolean => isLetter(c) || isDigit(c);
const isLowerAlnum = (c: number): boolean => isLower(c) || isDigit(c);
/** Go's `\w`: ASCII only. */
const isWord = (c: number): boolean => isAlnum(c) || c === 0x5f;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const isLowerHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66);

const DOT = 0x2e;
const UNDERSCORE = 0x5f;
const DASH = 0x2d;
const COLON = 0x3a;

/** pathComponent: `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*` over s[from, to). */
function isPathComponent(s: string, from: number, to: number): boolean {
  let i = from;
  if (i >= to || !isLowerAlnum(s.charCodeAt(i))) return false;
  for (;;) {
    while (i < to && isLowerAlnum(s.charCodeAt(i))) i++;
    if (i === to) return true;
    const c = s.charCodeAt(i);
    if (c === DOT) i++;
    else if (c === UNDERSCORE) i += s.charCodeAt(i + 1) === UNDERSCORE && i + 1 < to ? 2 : 1;
    else if (c === DASH) while (i < to && s.charCodeAt(i) === DASH) i++;
    else return false;
    if (i >= to || !isLowerAlnum(s.charCodeAt(i))) return false;
  }
}

/** remoteName: pathComponent(`/`pathComponent)*. */
function isRemoteName(s: string, from: number, to: number): boolean {
  let start = from;
  for (;;) {
    let slash = s.indexOf('/', start);
    if (slash < 0 || slash >= to) slash = to;
    if (!isPathComponent(s, start, slash)) return false;
    if (slash === to) return true;
    start = slash + 1;
  }
}

/** domainName: labels of `[a-zA-Z0-9-]`, not starting or ending with `-`, joined by single dots. */
function isDomainName(s: string, from: number, to: number): boolean {
  let labelStart = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : DOT;
    if (c === DOT) {
      if (i === labelStart || s.charCodeAt(i - 1) === DASH) return false;
      labelStart = i + 1;
    } else if (i === labelStart ? !isAlnum(c) : !(isAlnum(c) || c === DASH)) {
      return false;
    }
  }
  return true;
}

/** domainAndPort: (domainName | `\[[a-fA-F0-9:]+\]`) (`:[0-9]+`)?. No zone ids, no dotted IPv4 tail in brackets. */
function isDomainAndPort(s: string, from: number, to: number): boolean {
  let hostEnd: number;
  if (s.charCodeAt(from) === 0x5b) {
    let i = from + 1;
    while (i < to && (isHex(s.charCodeAt(i)) || s.charCodeAt(i) === COLON)) i++;
    if (i === from + 1 || i >= to || s.charCodeAt(i) !== 0x5d) return false;
    hostEnd = i + 1;
  } else {
    const colon = s.indexOf(':', from);
    hostEnd = colon < 0 || colon > to ? to : colon;
    if (!isDomainName(s, from, hostEnd)) return false;
  }
  if (hostEnd === to) return true;
  if (s.charCodeAt(hostEnd) !== COLON || hostEnd + 1 === to) return false;
  for (let i = hostEnd + 1; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** DomainRegexp, anchored: a registry host with an optional port, as the grammar allows it. */
export function isRegistryDomain(s: string): boolean {
  return s !== '' && isDomainAndPort(s, 0, s.length);
}

/** tag: `[\w][\w.-]{0,127}`. */
function isTag(s: string): boolean {
  if (s.length === 0 || s.length > TAG_MAX || !isWord(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isWord(c) || c === DOT || c === DASH)) return false;
  }
  return true;
}

/** digestPat: `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`. */
function isDigestPattern(s: string): boolean {
  const colon = s.indexOf(':');
  if (colon < 1 || s.length - colon - 1 < 32) return false;
  let componentStart = true;
  for (let i = 0; i < colon; i++) {
    const c = s.charCodeAt(i);
    if (componentStart) {
      if (!isLetter(c)) return false;
      componentStart = false;
    } else if (c === DASH || c === UNDERSCORE || c === 0x2b || c === DOT) {
      componentStart = true;
    } else if (!isAlnum(c)) {
      return false;
    }
  }
  if (componentStart) return false;
  for (let i = colon + 1; i < s.length; i++) if (!isHex(s.charCodeAt(i))) return false;
  return true;
}

interface Split {
  readonly name: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

/**
 * ReferenceRegexp's three groups. Names and tags hold no `@`, so the first `@` starts the digest; tags hold no
 * `/` or `:` and neither does the last path component, so the tag starts at the first `:` after the last `/`.
 */
function splitReference(s: string): Split {
  const at = s.indexOf('@');
  const beforeDigest = at < 0 ? s : s.slice(0, at);
  const colon = beforeDigest.indexOf(':', beforeDigest.lastIndexOf('/') + 1);
  return {
    name: colon < 0 ? beforeDigest : beforeDigest.slice(0, colon),
    tag: colon < 0 ? null : beforeDigest.slice(colon + 1),
    digest: at < 0 ? null : s.slice(at + 1),
  };
}

/**
 * anchoredNameRegexp `^(?:(domainAndPort)/)?(remoteName)$`: the optional group is greedy, so the first component
 * is the domain whenever it can be one. Null when the name does not match at all.
 */
export function splitRepositoryName(name: string): { domain: string; path: string } | null {
  const slash = name.indexOf('/');
  if (slash > 0 && isDomainAndPort(name, 0, slash) && isRemoteName(name, slash + 1, name.length)) {
    return { domain: name.slice(0, slash), path: name.slice(slash + 1) };
  }
  return isRemoteName(name, 0, name.length) ? { domain: '', path: name } : null;
}

function matchGrammar(s: string): (Split & { domain: string; path: string }) | null {
  const split = splitReference(s);
  if (split.tag !== null && !isTag(split.tag)) return null;
  if (split.digest !== null && !isDigestPattern(split.digest)) return null;
  const named = splitRepositoryName(split.name);
  return named ? { ...split, ...named } : null;
}

const fail = (reason: string): ParsedReference => ({ ok: false, reason });

/** Only for the message: a guess at what went wrong once the grammar has refused the reference. */
function formatReason(s: string, split: Split): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\s\x00-\x1f\x7f]/.test(s)) return 'it contains whitespace or a control character';
  if (s.includes('://')) return 'it must not start with a scheme such as https://';
  if (split.tag !== null && !isTag(split.tag)) {
    return 'the tag is not valid (at most 128 letters, digits, _ . or -, not starting with . or -)';
  }
  if (split.digest !== null && !isDigestPattern(split.digest)) return 'the digest is not valid';
  return 'invalid reference format';
}

/** go-digest v1.0.0 Digest.Validate for a string that already matched digestPat. */
function digestProblem(digest: string): string | null {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  const length = DIGEST_HEX_LENGTHS.get(algorithm);
  if (length === undefined) return 'unsupported digest algorithm (sha256, sha384 and sha512 are known)';
  if (encoded.length !== length) return `a ${algorithm} digest has exactly ${length} hex characters`;
  for (let i = 0; i < encoded.length; i++) {
    if (!isLowerHex(encoded.charCodeAt(i))) return 'the digest must be lower-case hex';
  }
  return null;
}

/** reference.Parse: the grammar, the path length and the digest; no normalisation. */
export function parseReference(s: string): ParsedReference {
  if (s === '') return fail('it is empty');
  const match = matchGrammar(s);
  if (match === null) {
    const lower = s.toLowerCase();
    if (lower !== s && matchGrammar(lower) !== null) return fail('the repository name must be lowercase');
    return fail(formatReason(s, splitReference(s)));
  }
  if (match.path.length > REPOSITORY_PATH_MAX) {
    return fail(`the repository path is longer than ${REPOSITORY_PATH_MAX} characters`);
  }
  const problem = match.digest === null ? null : digestProblem(match.digest);
  if (problem !== null) return fail(problem);
  return { ok: true, domain: match.domain, path: match.path, tag: match.tag, digest: match.digest };
}

/** splitDockerDomain (normalize.go). */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const maybeDomain = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === 'localhost') {
    [domain, remainder] = [maybeDomain, rest];
  } else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, rest];
  } else if (maybeDomain.includes('.') || maybeDomain.includes(':')) {
    [domain, remainder] = [maybeDomain, rest];
  } else if (maybeDomain.toLowerCase() !== maybeDomain) {
    // Upper case is not allowed in a path, so such a first component is taken as a host.
    [domain, remainder] = [maybeDomain, rest];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  }
  // "docker.io/ubuntu" is "docker.io/library/ubuntu"; only on Docker Hub.
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

function isIdentifier(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) if (!isLowerHex(s.charCodeAt(i))) return false;
  return true;
}

/**
 * ParseNormalizedNamed as docker/cli runs it before it looks up credentials (`reference.Domain(named)`).
 *
 * One quirk is kept on purpose: a first component that splitDockerDomain takes as a host (it has a `.` or `:`)
 * but that is not a valid host, and yet is a valid path component (`foo_bar.com/app`), makes Parse fall back
 * to "no domain": the reference is accepted with `domain: ""` and that component in the path.
 */
export function parseNormalizedNamed(ref: string): ParsedReference {
  // Go fails "" as an invalid format (it parses "docker.io/library/"); say plainly what is wrong.
  if (ref === '') return fail('it is empty');
  if (isIdentifier(ref)) return fail('a 64-character hex string is an image ID, not a repository name');
  const { domain, remainder } = splitDockerDomain(ref);
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) return fail('the repository name must be lowercase');
  return parseReference(`${domain}/${remainder}`);
}

/** Named.String(): `domain/path[:tag][@digest]`, or the path alone when there is no domain. */
export function formatReference(parsed: ValidReference): string {
  const name = parsed.domain === '' ? parsed.path : `${parsed.domain}/${parsed.path}`;
  return (
    name + (parsed.tag === null ? '' : `:${parsed.tag}`) + (parsed.digest === null ? '' : `@${parsed.digest}`)
  );
}
