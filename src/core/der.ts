/**
 * A minimal DER (ITU-T X.690) reader: exactly what x509.ts needs, no more. It never reads outside the limits
 * it is given and never throws; anything that is not strict DER gives null.
 */

/** One tag-length-value: the identifier octet and where its content lies in the buffer. */
export interface Tlv {
  /** The identifier octet: class, constructed bit and a tag number below 31. */
  readonly tag: number;
  /** The content is bytes[start, end). */
  readonly start: number;
  readonly end: number;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  NUMERIC_STRING: 0x12,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag [n], constructed (EXPLICIT wrappers such as the certificate version) or primitive. */
export const contextTag = (n: number, constructed: boolean): number => 0x80 | (constructed ? 0x20 : 0) | n;

/** The identifier and length octets at `offset`, read up to `end`; the content itself may lie beyond it. */
function readHeader(
  bytes: Uint8Array,
  offset: number,
  end: number,
): { tag: number; start: number; length: number } | null {
  if (offset < 0 || offset + 2 > end) return null;
  const tag = bytes[offset];
  if ((tag & 0x1f) === 0x1f) return null; // high tag numbers: X.509 has none
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    // 0x80 is BER's indefinite length; more than 4 octets would be a length over 4 GiB.
    if (octets === 0 || octets > 4 || start + octets > end) return null;
    if (bytes[start] === 0) return null; // DER: no leading zero octets
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + bytes[start + i];
    if (length < 0x80) return null; // DER: the short form where it fits
    start += octets;
  }
  return { tag, start, length };
}

/** Reads the TLV at `offset`; it must end at or before `limit`. Null for high tag numbers and non-DER lengths. */
export function readTlv(bytes: Uint8Array, offset: number, limit: number): Tlv | null {
  const end = Math.min(limit, bytes.length);
  const head = readHeader(bytes, offset, end);
  if (head === null || head.length > end - head.start) return null;
  return { tag: head.tag, start: head.start, end: head.start + head.length };
}

/** The TLVs that exactly fill `parent`'s content, in order; null when they do not. */
export function readChildren(bytes: Uint8Array, parent: Tlv): Tlv[] | null {
  const children: Tlv[] = [];
  for (let pos = parent.start; pos < parent.end;) {
    const child = readTlv(bytes, pos, parent.end);
    if (child === null) return null;
    children.push(child);
    pos = child.end;
  }
  return children;
}

/** The single TLV that fills bytes[start, end) exactly, or null. */
export function readWhole(bytes: Uint8Array, start: number, end: number): Tlv | null {
  const tlv = readTlv(bytes, start, end);
  return tlv !== null && tlv.end === end ? tlv : null;
}

/** Whether the content of `tlv` equals `expected` byte for byte (OIDs are compared in their encoded form). */
export function contentEquals(bytes: Uint8Array, tlv: Tlv, expected: readonly number[]): boolean {
  if (tlv.end - tlv.start !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[tlv.start + i] !== expected[i]) return false;
  return true;
}

/**
 * Whether `header` (the first bytes of an encoding, 6 are enough) starts a SEQUENCE whose declared length makes
 * the whole encoding exactly `total` bytes long: a cheap check that a DER value is complete.
 */
export function isDerSequenceOfLength(header: Uint8Array, total: number): boolean {
  const head = readHeader(header, 0, header.length);
  return head !== null && head.tag === TAG.SEQUENCE && head.start + head.length === total;
}
