/**
 * How docker/cli turns `auths` keys and image domains into each other (findings.md, "Docker config"):
 * getAuthConfigKey, the file store's Get, and ConvertToHostname, which parses keys with Go's net/url.
 * Go works on bytes, so URL handling runs on a "byte string" (one char per UTF-8 byte) and is decoded at the end.
 */
import { decodeUtf8, encodeUtf8 } from './bytes';

/** The only key docker/cli ever looks up for Docker Hub images. */
export const HUB_AUTH_KEY = 'https://index.docker.io/v1/';

/** getAuthConfigKey: the key a registry domain (from an image reference) is looked up under. */
export function registryKeyForDomain(domain: string): string {
  return domain === 'docker.io' || domain === 'index.docker.io' ? HUB_AUTH_KEY : domain;
}

/**
 * docker/cli's ConvertToHostname: a key with `://` is parsed as a URL (any scheme) and becomes host[:port]
 * (IPv6 in brackets); scheme, user info and path are dropped. Otherwise everything from the first `/` goes.
 * Case is kept. Never throws.
 */
export function convertToHostname(key: string): string {
  if (key.includes('://')) {
    const bin = toByteString(key);
    const host = hostFromUrl(bin) ?? hostFromUrlFallback(bin);
    if (host !== null) return fromByteString(host);
  }
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}

/** The host shown for a key (cli.md): ConvertToHostname, with Docker Hub's index host shown as `docker.io`. */
export function displayHost(key: string): string {
  return displayHostOf(convertToHostname(key));
}

/** displayHost for a key whose ConvertToHostname is already known. */
export function displayHostOf(host: string): string {
  return host === 'index.docker.io' ? 'docker.io' : host;
}

/**
 * The file store's Get: the exact key first, then any key whose ConvertToHostname equals the key asked.
 * Go takes the first such key in map order, which is random: two or more candidates give 'AMBIGUOUS'.
 */
export function matchAuthEntry(
  authKeys: readonly string[],
  registryKey: string,
): string | null | 'AMBIGUOUS' {
  if (authKeys.includes(registryKey)) return registryKey;
  let found: string | null = null;
  for (const key of authKeys) {
    if (convertToHostname(key) !== registryKey) continue;
    if (found !== null) return 'AMBIGUOUS';
    found = key;
  }
  return found;
}

/** A key found only through ConvertToHostname: it has a scheme or a path (the canonical Hub key excepted). */
export function isLegacyRegistryKey(key: string): boolean {
  return key !== HUB_AUTH_KEY && (key.includes('://') || key.includes('/'));
}

const HUB_HOSTS = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
  'hub.docker.com',
]);

/** Whether a key names Docker Hub in some spelling (letter case and port ignored). */
export function isDockerHubKey(key: string): boolean {
  return isDockerHubHost(convertToHostname(key));
}

/** isDockerHubKey for a key whose ConvertToHostname is already known. */
export function isDockerHubHost(hostname: string): boolean {
  if (!/docker\./i.test(hostname)) return false;
  const host = hostname.toLowerCase();
  const colon = host.lastIndexOf(':');
  const bare = colon >= 0 && /^:\d*$/.test(host.slice(colon)) ? host.slice(0, colon) : host;
  return HUB_HOSTS.has(bare);
}

// ---- Go's net/url.Parse, reduced to what Hostname() and Port() need (Go 1.26, urlstrictcolons=0 as docker/cli
// ---- builds: its module says go 1.25). Every error Parse can return is kept, since an error means the fallback.

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

function toByteString(text: string): string {
  if (isAscii(text)) return text;
  const bytes = encodeUtf8(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return out;
}

const lossyUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Back from bytes; a percent-escaped byte that is not UTF-8 shows as U+FFFD (Go would keep the raw byte). */
function fromByteString(bin: string): string {
  if (isAscii(bin)) return bin;
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return decodeUtf8(bytes) ?? lossyUtf8.decode(bytes);
}

/** ConvertToHostname's first branch; null when Parse fails or the host is empty. */
function hostFromUrl(raw: string): string | null {
  const host = parseUrlHost(raw);
  if (host === null) return null;
  const { hostname, port } = splitHostPort(host);
  if (hostname === '') return null;
  return port === '' ? hostname : joinHostPort(hostname, port);
}

/** docker/cli's hostFromURLFallback, for scheme URLs that net/url rejects (e.g. unbracketed IPv6). */
function hostFromUrlFallback(raw: string): string | null {
  const sep = raw.indexOf('://');
  if (sep < 0) return null;
  const rest = raw.slice(sep + 3);
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  if (host === '') return null;
  if (countChar(host, ':') > 1 && !host.startsWith('[')) {
    const portStart = host.lastIndexOf(':');
    const addr = host.slice(0, portStart);
    const port = host.slice(portStart + 1);
    if (addr !== '' && /^[0-9]+$/.test(port)) return joinHostPort(addr, port);
  }
  return host;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** net.JoinHostPort. */
function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** url.URL's splitHostPort: a trailing `:digits` is the port; surrounding brackets are removed. */
function splitHostPort(hostPort: string): { hostname: string; port: string } {
  let hostname = hostPort;
  let port = '';
  const colon = hostPort.lastIndexOf(':');
  if (colon >= 0 && validOptionalPort(hostPort.slice(colon))) {
    hostname = hostPort.slice(0, colon);
    port = hostPort.slice(colon + 1);
  }
  if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
  return { hostname, port };
}

/** Empty, or `:` followed by digits only. */
function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

/** url.Parse(raw).Host, or null when Parse returns an error. */
function parseUrlHost(raw: string): string | null {
  const hash = raw.indexOf('#');
  const beforeFragment = hash < 0 ? raw : raw.slice(0, hash);
  const host = parseHostOfReference(beforeFragment);
  if (host === null) return null;
  if (hash >= 0 && unescape(raw.slice(hash + 1), 'other') === null) return null;
  return host;
}

function parseHostOfReference(raw: string): string | null {
  if (hasControlByte(raw)) return null;
  if (raw === '*') return '';
  const scheme = splitScheme(raw);
  if (scheme === null) return null;
  let rest = scheme.rest;
  const question = rest.indexOf('?');
  if (question >= 0) rest = rest.slice(0, question);
  if (!rest.startsWith('/')) {
    if (scheme.scheme !== '') return ''; // opaque: no host
    const slash = rest.indexOf('/');
    if ((slash < 0 ? rest : rest.slice(0, slash)).includes(':')) return null;
  }
  let host = '';
  if ((scheme.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const authorityAndPath = rest.slice(2);
    const slash = authorityAndPath.indexOf('/');
    const authority = slash < 0 ? authorityAndPath : authorityAndPath.slice(0, slash);
    rest = slash < 0 ? '' : authorityAndPath.slice(slash);
    const parsed = parseAuthority(authority);
    if (parsed === null) return null;
    host = parsed;
  }
  return unescape(rest, 'other') === null ? null : host;
}

/** Go's stringContainsCTLByte: any byte below 0x20, or 0x7f. */
function hasControlByte(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** url.getScheme: [a-zA-Z][a-zA-Z0-9+.-]* followed by `:`; null for a leading `:` (an error in Go). */
function splitScheme(raw: string): { scheme: string; rest: string } | null {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') return i === 0 ? null : { scheme: raw.slice(0, i).toLowerCase(), rest: raw.slice(i + 1) };
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

const USERINFO_OK = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function parseAuthority(authority: string): string | null {
  const at = authority.lastIndexOf('@');
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (host === null || at < 0) return host;
  const userinfo = authority.slice(0, at);
  if (!USERINFO_OK.test(userinfo)) return null;
  return unescape(userinfo, 'other') === null ? null : host;
}

/** url.parseHost with non-strict colons: host[:port], or [IPv6]:port checked with netip.ParseAddr. */
function parseHost(host: string): string | null {
  const open = host.lastIndexOf('[');
  if (open > 0) return null;
  if (open === 0) {
    const close = host.lastIndexOf(']');
    if (close < 0) return null;
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) return null;
    const inside = host.slice(1, close);
    const zone = inside.indexOf('%25');
    const address =
      zone < 0
        ? unescape(inside, 'host')
        : concatOrNull(unescape(inside.slice(0, zone), 'host'), unescape(inside.slice(zone), 'zone'));
    if (address === null || !isBracketableAddress(address)) return null;
    return `[${address}]${colonPort}`;
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !validOptionalPort(host.slice(colon))) return null;
  return unescape(host, 'host');
}

function concatOrNull(a: string | null, b: string | null): string | null {
  return a === null || b === null ? null : a + b;
}

// Characters a host may hold unescaped (Go's shouldEscape for encodeHost/encodeZone).
const HOST_OK = /[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"]/;

function isHex(c: string): boolean {
  return /^[0-9A-Fa-f]$/.test(c);
}

/**
 * url.unescape: every `%` must start `%XX`; in a host only `%25` and bytes >= 0x80 may be escaped, and ASCII
 * outside HOST_OK is refused; in a zone an escape may not produce what a host could not hold.
 */
function unescape(text: string, mode: 'host' | 'zone' | 'other'): string | null {
  if (!text.includes('%') && mode === 'other') return text;
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '%') {
      if (i + 2 >= text.length || !isHex(text[i + 1]) || !isHex(text[i + 2])) return null;
      const byte = parseInt(text.slice(i + 1, i + 3), 16);
      const isPercent = byte === 0x25;
      if (mode === 'host' && byte < 0x80 && !isPercent) return null;
      const hostByte = byte < 0x80 && HOST_OK.test(String.fromCharCode(byte));
      if (mode === 'zone' && !isPercent && byte !== 0x20 && !hostByte) return null;
      out += String.fromCharCode(byte);
      i += 3;
      continue;
    }
    if (mode !== 'other' && c.charCodeAt(0) < 0x80 && !HOST_OK.test(c)) return null;
    out += c;
    i++;
  }
  return out;
}

/** netip.ParseAddr(address) succeeds and is not plain IPv4: what Go allows inside brackets. */
function isBracketableAddress(address: string): boolean {
  const first = address.search(/[.:%]/);
  return first >= 0 && address[first] === ':' && isIPv6(address);
}

/** netip's parseIPv6, including a `%zone` suffix and an embedded IPv4 tail. */
function isIPv6(input: string): boolean {
  let s = input;
  let end = input.length;
  const percent = s.indexOf('%');
  if (percent >= 0) {
    if (percent === s.length - 1) return false;
    s = s.slice(0, percent);
    end = percent;
  }
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return true;
  }
  let filled = 0;
  while (filled < 16) {
    let digits = 0;
    while (digits < s.length && isHex(s[digits])) {
      if (digits > 3) return false;
      digits++;
    }
    if (digits === 0) return false;
    if (digits < s.length && s[digits] === '.') {
      if ((ellipsis < 0 && filled !== 12) || filled + 4 > 16) return false;
      if (!isIPv4(input.slice(end - s.length, end))) return false;
      s = '';
      filled += 4;
      break;
    }
    filled += 2;
    s = s.slice(digits);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return false;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return false;
      ellipsis = filled;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return false;
  return filled < 16 ? ellipsis >= 0 : ellipsis < 0;
}

/** netip's parseIPv4Fields: four decimal octets, no leading zeros, each at most 255. */
function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}
