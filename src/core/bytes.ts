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
  const chars: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (skipNewlines && (c === 10 || c === 13)) continue;
    chars.push(c);
  }
  if (chars.length % 4 !== 0) return null;
  const out: number[] = [];
  for (let i = 0; i < chars.length; i += 4) {
    const last = i + 4 === chars.length;
    const q = chars.slice(i, i + 4);
    const pads = q[3] === 61 ? (q[2] === 61 ? 2 : 1) : 0;
    if (pads > 0 && !last) return null;
    const vals: number[] = [];
    for (let j = 0; j < 4 - pads; j++) {
      const c = q[j];
      const v = c < 128 ? B64_INDEX[c] : -1;
      if (v < 0) return null;
      vals.push(v);
    }
    if (pads === 2) {
      out.push((vals[0] << 2) | (vals[1] >> 4));
    } else if (pads === 1) {
      out.push((vals[0] << 2) | (vals[1] >> 4), ((vals[1] & 15) << 4) | (vals[2] >> 2));
    } else {
      out.push((vals[0] << 2) | (vals[1] >> 4), ((vals[1] & 15) << 4) | (vals[2] >> 2), ((vals[2] & 3) << 6) | vals[3]);
    }
  }
  return Uint8Array.from(out);
}
