/**
 * PEM blocks (RFC 7468) as Go's encoding/pem and OpenSSL find them: a `-----BEGIN LABEL-----` line at the start
 * of a line, a body of standard base64 (padding required; spaces, tabs and line breaks ignored) and the matching
 * `-----END LABEL-----` line. Text outside blocks is ignored. The file may be anything, binary included.
 */

export interface PemBlock {
  /** The label between `BEGIN ` and the closing dashes, e.g. CERTIFICATE. Never shown to the user as is. */
  readonly label: string;
  /** Whether the matching `-----END LABEL-----` line follows (before any other BEGIN line). */
  readonly terminated: boolean;
  /**
   * The body with blanks and line breaks removed; null when the block is not terminated or the body is not
   * strict base64. Decoding is left to decodeBase64, so a block that is not needed costs no more than this.
   */
  readonly base64: string | null;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';
/** Longer labels are not PEM labels we could act on. */
const LABEL_MAX = 64;

const latin1Decoder = newLatin1Decoder();

function newLatin1Decoder() {
  try {
    return new TextDecoder('latin1');
  } catch {
    return null; // a runtime without the legacy encodings (Node built without ICU)
  }
}

/**
 * The file as text for forEachPemBlock, one character per byte, so that the scanning is done by the engine's
 * native string search instead of byte loops: a 1 MiB file is scanned in a few milliseconds, even cold.
 * The WHATWG "latin1" decoder is windows-1252, which differs from Latin-1 only in 0x80-0x9F: never ASCII,
 * and ASCII is all that matters here (markers, labels and base64).
 */
export function pemText(bytes: Uint8Array): string {
  if (latin1Decoder) return latin1Decoder.decode(bytes);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]));
  }
  return parts.join('');
}

/** Where the line that starts at `start` ends, without its trailing blanks and \r (as Go's getLine trims them). */
function trimmedLineEnd(text: string, start: number, newline: number): number {
  let end = newline;
  for (let c = text.charCodeAt(end - 1); end > start && (c === 0x20 || c === 0x09 || c === 0x0d);) {
    c = text.charCodeAt(--end - 1);
  }
  return end;
}

const B64_VALUE = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((c, i) => (B64_VALUE[c.charCodeAt(0)] = i));

/**
 * Go's base64.StdEncoding after blanks and line breaks are removed: padding required, `=` only at the end,
 * non-zero trailing bits accepted. Returns the text ready for decodeBase64, or null.
 */
function strictBase64(body: string): string | null {
  const s = body.replace(/[ \t\r\n]+/g, '');
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s) ? s : null;
}

/** The number of bytes that a strictBase64 text decodes to. */
export function decodedLength(base64: string): number {
  const pads = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - pads;
}

/** Decodes a strictBase64 text, or only its first `limit` bytes (rounded up to whole groups of three). */
export function decodeBase64(base64: string, limit = Infinity): Uint8Array {
  const length = Math.min(decodedLength(base64), Math.ceil(limit / 3) * 3);
  const out = new Uint8Array(length);
  let o = 0;
  for (let i = 0; o < length; i += 4) {
    const v =
      (B64_VALUE[base64.charCodeAt(i)] << 18) |
      (B64_VALUE[base64.charCodeAt(i + 1)] << 12) |
      ((B64_VALUE[base64.charCodeAt(i + 2)] & 63) << 6) | // "=" gives -1; & 63 keeps it out of the other bits
      (B64_VALUE[base64.charCodeAt(i + 3)] & 63);
    out[o++] = v >> 16;
    if (o < length) out[o++] = (v >> 8) & 0xff;
    if (o < length) out[o++] = v & 0xff;
  }
  return out;
}

/** The start of the next line at or after `from` that begins with `-----BEGIN ` or `-----END `, or -1. */
function nextMarkerLine(text: string, from: number): number {
  if (from === 0 && (text.startsWith(BEGIN) || text.startsWith(END))) return 0;
  for (
    let nl = text.indexOf('\n-----', Math.max(0, from - 1));
    nl >= 0;
    nl = text.indexOf('\n-----', nl + 1)
  ) {
    if (text.startsWith(BEGIN, nl + 1) || text.startsWith(END, nl + 1)) return nl + 1;
  }
  return -1;
}

/** Every PEM block of the file, in order, as an array. */
export function readPemBlocks(bytes: Uint8Array): PemBlock[] {
  const blocks: PemBlock[] = [];
  forEachPemBlock(pemText(bytes), (block) => blocks.push(block));
  return blocks;
}

/**
 * Calls `visit` with every PEM block of the file, in order; a BEGIN line inside an open block ends that block
 * as unterminated. A visitor rather than an array: a file of 100k tiny blocks then costs no memory.
 */
export function forEachPemBlock(text: string, visit: (block: PemBlock) => void): void {
  // The open block, if any: its label and where its body starts. Plain variables: this loop may run 100k times.
  let label: string | null = null;
  let bodyStart = 0;
  for (let at = nextMarkerLine(text, 0); at >= 0;) {
    let newline = text.indexOf('\n', at);
    if (newline < 0) newline = text.length;
    const end = trimmedLineEnd(text, at, newline);
    if (
      text.startsWith(BEGIN, at) &&
      end - at >= BEGIN.length + DASHES.length &&
      text.startsWith(DASHES, end - DASHES.length)
    ) {
      if (label !== null) visit({ label, terminated: false, base64: null });
      const labelLength = end - at - BEGIN.length - DASHES.length;
      label = labelLength <= LABEL_MAX ? text.slice(at + BEGIN.length, end - DASHES.length) : '';
      bodyStart = newline + 1;
    } else if (label !== null && text.startsWith(END, at)) {
      const terminated =
        end - at === END.length + label.length + DASHES.length &&
        text.startsWith(label, at + END.length) &&
        text.startsWith(DASHES, end - DASHES.length);
      const base64 = terminated ? strictBase64(text.slice(bodyStart, at)) : null;
      visit({ label, terminated, base64 });
      label = null;
    }
    // Any other line that starts with dashes is body text (and so not base64).
    at = nextMarkerLine(text, newline + 1);
  }
  if (label !== null) visit({ label, terminated: false, base64: null });
}
