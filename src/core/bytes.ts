/** Byte-level helpers shared by the parsers; no Buffer (the engine also runs in the browser). */

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 decoding (a BOM is kept as U+FEFF); null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

const encoder = new TextEncoder();
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** RFC 4648 standard base64 with padding, as kubectl and Kubernetes write it. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += B64[n >> 18] + B64[(n >> 12) & 63] + '==';
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + '=';
  }
  return out;
}

/**
 * Go's base64.StdEncoding.DecodeString: the standard alphabet only, padding required, \r and \n
 * skipped anywhere (when `skipNewlines`). Like StdEncoding (not .Strict()), non-zero trailing bits pass.
 * Returns null when Go would return an error.
 */
export function decodeBase64Strict(text: string, skipNewlines = true): Uint8Array | null {
  // One pass, no intermediate arrays: config.json files with thousands of entries decode every `auth`.
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let length = 0;
  let quad = 0; // the 6-bit values of the current group of four
  let count = 0; // characters in the current group
  let padding = 0; // `=` seen; only more `=` may follow, and only to complete the last group
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (skipNewlines && (c === 10 || c === 13)) continue;
    if (c === 61) {
      if (count < 2) return null;
      padding++;
      count++;
    } else {
      const v = c < 128 ? B64_INDEX[c] : -1;
      if (v < 0 || padding > 0) return null;
      quad = (quad << 6) | v;
      count++;
    }
    if (count === 4) {
      if (padding === 0) {
        out[length++] = (quad >> 16) & 255;
        out[length++] = (quad >> 8) & 255;
        out[length++] = quad & 255;
      } else if (padding === 1) {
        out[length++] = (quad >> 10) & 255;
        out[length++] = (quad >> 2) & 255;
      } else {
        out[length++] = (quad >> 4) & 255;
      }
      quad = 0;
      count = 0;
      // The group that carried padding must be the last: anything after it is refused above.
    }
  }
  if (count !== 0) return null;
  return out.subarray(0, length);
}

/** Go's StdEncoding accepts exactly this (after \r and \n are dropped): groups of four, padding only at the end. */
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const NEWLINES = /[\r\n]/g;

/**
 * decodeBase64Strict's rules, decoded natively (atob) into a binary string (one char per byte): no per-byte JS
 * loop, which matters when a config.json holds thousands of `auth` values and the code runs cold.
 */
export function decodeBase64Binary(text: string): string | null {
  const clean = text.includes('\n') || text.includes('\r') ? text.replace(NEWLINES, '') : text;
  return STD_BASE64.test(clean) ? atob(clean) : null;
}

const lossyUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const NON_ASCII = /[\x80-\xff]/;

/** A binary string's bytes as Go's string(bytes) shows them in JSON: invalid UTF-8 becomes U+FFFD. */
export function binaryToText(binary: string): string {
  if (!NON_ASCII.test(binary)) return binary;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return lossyUtf8.decode(bytes);
}
