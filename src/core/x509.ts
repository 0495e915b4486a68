/**
 * The few fields of an X.509 certificate (RFC 5280) that the report shows: the subject common name, the DNS and
 * IP subject alternative names, and the validity. The structure is checked as strictly as Go's crypto/x509
 * checks it for these fields (Go-based pushers such as Kaniko read the file), the rest is only required to be
 * well-formed DER. Signatures and keys are not looked at. Never throws: null means "not a certificate".
 */
import { decodeUtf8 } from './bytes';
import { TAG, contentEquals, contextTag, readChildren, readWhole, type Tlv } from './der';

export interface CertificateInfo {
  /** Subject common names, then DNS and IP subject alternative names, in certificate order, without repeats. */
  readonly names: string[];
  readonly notBeforeMs: number;
  readonly notAfterMs: number;
  /** ISO 8601 in UTC, e.g. 2026-01-31T23:59:59Z. */
  readonly notAfter: string;
}

const OID_COMMON_NAME = [0x55, 0x04, 0x03]; // 2.5.4.3
const OID_SUBJECT_ALT_NAME = [0x55, 0x1d, 0x11]; // 2.5.29.17
const GENERAL_NAME_DNS = contextTag(2, false);
const GENERAL_NAME_IP = contextTag(7, false);

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

/** Go's x509 isPrintable: PrintableString plus `*` and `&`, which real certificates carry. */
function isPrintableByte(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x27 && b <= 0x29) ||
    (b >= 0x2b && b <= 0x2f) ||
    b === 0x20 ||
    b === 0x3a ||
    b === 0x3d ||
    b === 0x3f ||
    b === 0x2a ||
    b === 0x26
  );
}

function every(bytes: Uint8Array, tlv: Tlv, test: (b: number) => boolean): boolean {
  for (let i = tlv.start; i < tlv.end; i++) if (!test(bytes[i])) return false;
  return true;
}

/** A directory string as Go's parseASN1String decodes it; null for a bad or unsupported one. */
function decodeString(bytes: Uint8Array, tlv: Tlv): string | null {
  switch (tlv.tag) {
    case TAG.UTF8_STRING:
      return decodeUtf8(bytes.subarray(tlv.start, tlv.end));
    case TAG.PRINTABLE_STRING:
      return every(bytes, tlv, isPrintableByte) ? latin1(bytes, tlv.start, tlv.end) : null;
    case TAG.IA5_STRING:
      return every(bytes, tlv, (b) => b < 0x80) ? latin1(bytes, tlv.start, tlv.end) : null;
    case TAG.NUMERIC_STRING:
      return every(bytes, tlv, (b) => b === 0x20 || (b >= 0x30 && b <= 0x39))
        ? latin1(bytes, tlv.start, tlv.end)
        : null;
    case TAG.T61_STRING:
      return latin1(bytes, tlv.start, tlv.end);
    case TAG.BMP_STRING: {
      if ((tlv.end - tlv.start) % 2 !== 0) return null;
      let end = tlv.end;
      if (end - tlv.start >= 2 && bytes[end - 1] === 0 && bytes[end - 2] === 0) end -= 2; // a NUL terminator
      let out = '';
      for (let i = tlv.start; i < end; i += 2) {
        const unit = (bytes[i] << 8) | bytes[i + 1];
        const next = i + 3 < end ? (bytes[i + 2] << 8) | bytes[i + 3] : -1;
        if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          out += String.fromCharCode(unit, next);
          i += 2;
        } else {
          // A lone surrogate becomes U+FFFD, as Go's utf16.Decode does.
          out += unit >= 0xd800 && unit <= 0xdfff ? '\ufffd' : String.fromCharCode(unit);
        }
      }
      return out;
    }
    default:
      return null;
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil): no Date, no time zone. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** UTCTime YYMMDDHHMMSSZ or GeneralizedTime YYYYMMDDHHMMSSZ: the only forms RFC 5280 (and Go) allow. */
export function parseTime(bytes: Uint8Array, tlv: Tlv): { ms: number; iso: string } | null {
  const utc = tlv.tag === TAG.UTC_TIME;
  if (!utc && tlv.tag !== TAG.GENERALIZED_TIME) return null;
  const digits = utc ? 12 : 14;
  if (tlv.end - tlv.start !== digits + 1 || bytes[tlv.end - 1] !== 0x5a) return null; // "Z"
  const values: number[] = [];
  for (let i = tlv.start; i < tlv.start + digits; i += 2) {
    const hi = bytes[i] - 0x30;
    const lo = bytes[i + 1] - 0x30;
    if (hi < 0 || hi > 9 || lo < 0 || lo > 9) return null;
    values.push(hi * 10 + lo);
  }
  const [year, month, day, hour, minute, second] = utc
    ? [values[0] >= 50 ? 1900 + values[0] : 2000 + values[0], ...values.slice(1)]
    : [values[0] * 100 + values[1], ...values.slice(2)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`;
  return { ms, iso };
}

/** RFC 5952 text: lower case, leading zeros dropped, the longest run of two or more zero groups as `::`. */
export function formatIp(bytes: Uint8Array, start: number, end: number): string | null {
  if (end - start === 4) return `${bytes[start]}.${bytes[start + 1]}.${bytes[start + 2]}.${bytes[start + 3]}`;
  if (end - start !== 16) return null;
  const groups: number[] = [];
  for (let i = start; i < end; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  if (
    groups[0] === 0 &&
    groups[1] === 0 &&
    groups[2] === 0 &&
    groups[3] === 0 &&
    groups[4] === 0 &&
    groups[5] === 0xffff
  ) {
    return `::ffff:${formatIp(bytes, start + 12, end)}`; // IPv4-mapped (RFC 5952 section 5)
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (from: number, to: number): string =>
    groups
      .slice(from, to)
      .map((g) => g.toString(16))
      .join(':');
  return bestStart < 0 ? hex(0, 8) : `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

/** Subject common names, in order. Null when the Name is malformed or a CN is not a valid string. */
function commonNames(bytes: Uint8Array, name: Tlv): string[] | null {
  const rdns = readChildren(bytes, name);
  if (rdns === null) return null;
  const out: string[] = [];
  for (const rdn of rdns) {
    const attributes = rdn.tag === TAG.SET ? readChildren(bytes, rdn) : null;
    if (attributes === null) return null;
    for (const attribute of attributes) {
      const parts = attribute.tag === TAG.SEQUENCE ? readChildren(bytes, attribute) : null;
      if (parts === null || parts.length !== 2 || parts[0].tag !== TAG.OID) return null;
      if (!contentEquals(bytes, parts[0], OID_COMMON_NAME)) continue;
      const value = decodeString(bytes, parts[1]);
      if (value === null) return null;
      out.push(value);
    }
  }
  return out;
}

/** DNS and IP names of a subjectAltName extension value; null when malformed (Go rejects the certificate). */
function subjectAltNames(bytes: Uint8Array, value: Tlv): string[] | null {
  const sequence = readWhole(bytes, value.start, value.end);
  const generalNames = sequence?.tag === TAG.SEQUENCE ? readChildren(bytes, sequence) : null;
  if (generalNames === null) return null;
  const out: string[] = [];
  for (const generalName of generalNames) {
    if (generalName.tag === GENERAL_NAME_DNS) {
      const dns = decodeString(bytes, { ...generalName, tag: TAG.IA5_STRING });
      if (dns === null) return null;
      out.push(dns);
    } else if (generalName.tag === GENERAL_NAME_IP) {
      const ip = formatIp(bytes, generalName.start, generalName.end);
      if (ip === null) return null;
      out.push(ip);
    }
  }
  return out;
}

/** The subjectAltName names of an [3] extensions wrapper; null when malformed or an extension repeats. */
function extensionNames(bytes: Uint8Array, wrapper: Tlv): string[] | null {
  const list = readWhole(bytes, wrapper.start, wrapper.end);
  const extensions = list?.tag === TAG.SEQUENCE ? readChildren(bytes, list) : null;
  if (extensions === null) return null;
  const seen = new Set<string>();
  let names: string[] = [];
  for (const extension of extensions) {
    const parts = extension.tag === TAG.SEQUENCE ? readChildren(bytes, extension) : null;
    if (parts === null || parts.length < 2 || parts.length > 3 || parts[0].tag !== TAG.OID) return null;
    if (parts.length === 3 && parts[1].tag !== TAG.BOOLEAN) return null;
    const value = parts[parts.length - 1];
    if (value.tag !== TAG.OCTET_STRING) return null;
    const oid = latin1(bytes, parts[0].start, parts[0].end);
    if (seen.has(oid)) return null; // Go: "certificate contains duplicate extensions"
    seen.add(oid);
    if (contentEquals(bytes, parts[0], OID_SUBJECT_ALT_NAME)) {
      const san = subjectAltNames(bytes, value);
      if (san === null) return null;
      names = san;
    }
  }
  return names;
}

/** Control characters would reach terminals and JSON readers as they are; show them as U+FFFD. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const printable = (name: string): string => name.replace(/[\x00-\x1f\x7f-\x9f]/g, '\ufffd');

/** The version, [0] EXPLICIT INTEGER: v1 (0), v2 (1) or v3 (2). */
function isKnownVersion(der: Uint8Array, wrapper: Tlv): boolean {
  const version = readWhole(der, wrapper.start, wrapper.end);
  return version?.tag === TAG.INTEGER && version.end - version.start === 1 && der[version.start] <= 2;
}

/** TBSCertificate fields after the optional version: serialNumber, signature, issuer, validity, subject, SPKI. */
const TBS_FIELDS = [TAG.INTEGER, TAG.SEQUENCE, TAG.SEQUENCE, TAG.SEQUENCE, TAG.SEQUENCE, TAG.SEQUENCE];
/** Then, each optional and in this order: issuerUniqueID [1], subjectUniqueID [2], extensions [3]. */
const TBS_OPTIONAL = [contextTag(1, false), contextTag(2, false), contextTag(3, true)];

/** Parses one DER certificate that fills `der` exactly. */
export function parseCertificateDer(der: Uint8Array): CertificateInfo | null {
  const certificate = readWhole(der, 0, der.length);
  const top = certificate?.tag === TAG.SEQUENCE ? readChildren(der, certificate) : null;
  // tbsCertificate, signatureAlgorithm, signatureValue
  if (top?.length !== 3 || top[0].tag !== TAG.SEQUENCE || top[1].tag !== TAG.SEQUENCE) return null;
  if (top[2].tag !== TAG.BIT_STRING) return null;
  const fields = readChildren(der, top[0]);
  if (fields === null) return null;
  let i = fields[0]?.tag === contextTag(0, true) ? 1 : 0;
  if (i === 1 && !isKnownVersion(der, fields[0])) return null;
  if (fields.length < i + TBS_FIELDS.length) return null;
  for (let k = 0; k < TBS_FIELDS.length; k++) if (fields[i + k].tag !== TBS_FIELDS[k]) return null;
  if (fields[i].end === fields[i].start) return null; // an empty serial number
  const validity = readChildren(der, fields[i + 3]);
  const subject = fields[i + 4];
  i += TBS_FIELDS.length;
  let sanNames: string[] = [];
  for (const tag of TBS_OPTIONAL) {
    if (fields[i]?.tag !== tag) continue;
    if (tag === contextTag(3, true)) {
      const names = extensionNames(der, fields[i]);
      if (names === null) return null;
      sanNames = names;
    }
    i++;
  }
  if (i !== fields.length || validity?.length !== 2) return null;
  const notBefore = parseTime(der, validity[0]);
  const notAfter = parseTime(der, validity[1]);
  const cns = commonNames(der, subject);
  if (notBefore === null || notAfter === null || cns === null) return null;
  const names = [...new Set([...cns, ...sanNames].filter((n) => n !== '').map(printable))];
  return { names, notBeforeMs: notBefore.ms, notAfterMs: notAfter.ms, notAfter: notAfter.iso };
}
