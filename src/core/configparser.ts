/**
 * The AWS shared files as botocore reads them: Python 3's `configparser.RawConfigParser()` (strict, no
 * interpolation, no inline comments) fed by `open()` (UTF-8, universal newlines), then botocore's
 * `raw_config_parse`, which parses an option whose value starts with a newline as a nested block
 * (`_parse_nested`). Source: CPython 3.11 Lib/configparser.py `_read`, botocore 1.43 configloader.py.
 * Each rule below mirrors a line there; test/core/configparserDifferential.test.ts checks it against python3.
 *
 * `open()` uses the locale's encoding: UTF-8 in notebook images (a UTF-8 LANG, or the C locale, which
 * Python coerces to UTF-8). Plain utf-8, not utf-8-sig, so a BOM stays in the text.
 * Option names are lower-cased with JavaScript's toLowerCase, which matches Python's str.lower() except for
 * characters whose case mapping changed between Unicode versions (Python 3.11: Unicode 14).
 */
import { decodeUtf8, startsWithUtf8Bom } from './bytes';

export type IniErrorKind =
  | 'not_utf8'
  | 'bom'
  | 'missing_section_header'
  | 'duplicate_section'
  | 'duplicate_option'
  | 'parsing'
  | 'nested';

export interface IniError {
  readonly kind: IniErrorKind;
  /** 1-based line of the offending line (for `not_utf8`, the line holding the first bad byte). */
  readonly line: number;
  /** The section concerned (duplicate_section, duplicate_option, nested). */
  readonly section?: string;
  /** The option concerned, lower-cased (duplicate_option, nested). Taken from the input: may be anything. */
  readonly option?: string;
}

export interface IniOption {
  /** Lower-cased, as `optionxform` does. */
  readonly name: string;
  /** The value configparser returns: lines joined by \n, trailing blank lines dropped. */
  readonly value: string;
  /** 1-based line of the `name = value` line. */
  readonly line: number;
  /** At least one non-blank continuation line was folded in. */
  readonly continued: boolean;
  /** The value on the option line starts and ends with the same quote character (kept literally). */
  readonly quoted: boolean;
  /** The value holds whitespace followed by `#` or `;`: an inline comment that is not stripped. */
  readonly inlineComment: boolean;
  /** botocore's `_parse_nested` result when the value starts with \n (`s3 =` + indented lines), else null. */
  readonly nested: ReadonlyArray<readonly [string, string]> | null;
}

export interface IniSection {
  readonly name: string;
  /** 1-based line of the header. */
  readonly line: number;
  /** The section's own options, in file order (no `[DEFAULT]` inheritance applied). */
  readonly options: readonly IniOption[];
}

export interface IniDocument {
  /** Every section but `[DEFAULT]`, in file order. */
  readonly sections: readonly IniSection[];
  /** The options of `[DEFAULT]` (inherited by every section). */
  readonly defaults: readonly IniOption[];
  /** A `[DEFAULT]` header appears. */
  readonly hasDefaultHeader: boolean;
}

export type IniParseResult =
  { readonly ok: true; readonly document: IniDocument } | { readonly ok: false; readonly error: IniError };

/** Python's `str.isspace()`, which is also what `\s`, `strip()` and configparser's NONSPACECRE use. */
export function isPyWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (!isPyWhitespace(s.charCodeAt(i))) return i;
  return -1;
}

function endOfNonSpace(s: string): number {
  let end = s.length;
  while (end > 0 && isPyWhitespace(s.charCodeAt(end - 1))) end--;
  return end;
}

/** Python's `str.strip()`. */
export function pyStrip(s: string): string {
  const start = firstNonSpace(s);
  return start < 0 ? '' : s.slice(start, endOfNonSpace(s));
}

/** `optionxform`: str.lower(). Most names are lower-case ASCII already, and a 1 MiB file has many. */
function lowerName(text: string, from: number, to: number): string {
  const raw = text.slice(from, to);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return raw.toLowerCase();
  }
  return raw;
}

/**
 * The next index of one character at or after a position, found with the native indexOf and remembered:
 * the line scan asks with positions that only grow, so every character is looked at once overall.
 */
class NextIndex {
  private at = -1;
  private searchedFrom = -1;

  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}

  /** The first index >= from, or text.length when there is none. */
  from(from: number): number {
    if (from > this.at || this.searchedFrom < 0 || from < this.searchedFrom) {
      const i = this.text.indexOf(this.ch, from);
      this.at = i < 0 ? this.text.length : i;
      this.searchedFrom = from;
    }
    return this.at;
  }
}

/** Whitespace followed by `#` or `;` within text[from, to). */
function hasInlineComment(text: string, hash: NextIndex, semi: NextIndex, from: number, to: number): boolean {
  for (const next of [hash, semi]) {
    for (let i = next.from(from + 1); i < to; i = next.from(i + 1)) {
      if (isPyWhitespace(text.charCodeAt(i - 1))) return true;
    }
  }
  return false;
}

function isQuoted(v: string): boolean {
  if (v.length < 2) return false;
  const q = v[0];
  return (q === '"' || q === "'") && v[v.length - 1] === q;
}

/** Python's `str.splitlines()` boundaries (used by botocore's `_parse_nested`). */
// eslint-disable-next-line no-control-regex -- the file separators \x1c-\x1e are line breaks to Python
const SPLITLINES = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** The byte offset of the first byte that makes `bytes` invalid UTF-8 (as Python's strict decoder sees it). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function lineOfByteOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d) {
      line++;
      if (bytes[i + 1] === 0x0a) i++;
    }
  }
  return line;
}

/** Parse the bytes of an AWS credentials or config file as botocore does. Never throws. */
export function parseIniBytes(bytes: Uint8Array): IniParseResult {
  const text = decodeUtf8(bytes);
  // Python decodes in 8 KiB chunks: past the first chunk, a duplicate found in earlier lines would be
  // raised before the decoding error. Either way botocore fails with ConfigParseError.
  if (text === null) {
    return {
      ok: false,
      error: { kind: 'not_utf8', line: lineOfByteOffset(bytes, firstInvalidUtf8Offset(bytes)) },
    };
  }
  // utf-8 (not utf-8-sig) keeps the BOM as U+FEFF, which is no whitespace: line 1 is no header.
  if (startsWithUtf8Bom(bytes)) return { ok: false, error: { kind: 'bom', line: 1 } };
  return parseIniText(text);
}

/** An IniOption while it is read: `value` is the option line's until the continuation lines are joined. */
interface MutableOption {
  name: string;
  value: string;
  line: number;
  continued: boolean;
  quoted: boolean;
  inlineComment: boolean;
  nested: Array<readonly [string, string]> | null;
}

/** The continuation and blank lines of an option (kept aside: most options have none). */
interface MoreLines {
  readonly parts: string[];
  readonly lines: number[];
}

/** A section's options in order; a name index only once it is big enough for a scan to cost. */
class SectionBuilder {
  readonly options: MutableOption[] = [];
  private index: Map<string, MutableOption> | null = null;

  constructor(
    readonly name: string,
    readonly line: number,
  ) {}

  get(name: string): MutableOption | undefined {
    if (this.index) return this.index.get(name);
    for (const o of this.options) if (o.name === name) return o;
    return undefined;
  }

  add(opt: MutableOption): void {
    this.options.push(opt);
    if (this.index) this.index.set(opt.name, opt);
    else if (this.options.length > 16) this.index = new Map(this.options.map((o) => [o.name, o]));
  }
}

function appendPart(
  more: Map<MutableOption, MoreLines>,
  opt: MutableOption,
  part: string,
  lineno: number,
): void {
  const m = more.get(opt);
  if (m) {
    m.parts.push(part);
    m.lines.push(lineno);
  } else more.set(opt, { parts: [part], lines: [lineno] });
}

/**
 * RawConfigParser._read on already decoded text (a BOM here is just U+FEFF, which fails line 1 as the
 * parser does), then the joins and botocore's nested-block check. Lines are scanned in place (universal
 * newlines) so that a 1 MiB file costs a few milliseconds.
 */
export function parseIniText(text: string): IniParseResult {
  const sections: SectionBuilder[] = [];
  const sectionNames = new Set<string>();
  const defaults = new SectionBuilder('DEFAULT', 0);
  const more = new Map<MutableOption, MoreLines>();
  let hasDefaultHeader = false;
  let cursect: SectionBuilder | null = null;
  // `optname` of _read: the option that continuation and blank lines go to (null after a header).
  let current: MutableOption | null = null;
  let indentLevel = 0;
  let deferred: IniError | null = null;
  const n = text.length;
  const [nextLf, nextCr, nextEq, nextColon, nextHash, nextSemi] = ['\n', '\r', '=', ':', '#', ';'].map(
    (ch) => new NextIndex(text, ch),
  );

  for (let pos = 0, lineno = 1; pos < n; lineno++) {
    const lineEnd = Math.min(nextLf.from(pos), nextCr.from(pos));
    const lineStart = pos;
    pos = lineEnd + (text.charCodeAt(lineEnd) === 0x0d && text.charCodeAt(lineEnd + 1) === 0x0a ? 2 : 1);

    let s = lineStart;
    while (s < lineEnd && isPyWhitespace(text.charCodeAt(s))) s++;
    if (s === lineEnd) {
      // A blank line (not a comment) is kept inside the value being read: `empty_lines_in_values`.
      if (current) appendPart(more, current, '', lineno);
      continue;
    }
    const first = text.charCodeAt(s);
    if (first === 0x23 || first === 0x3b) continue; // `#` or `;` first: a comment, wherever it is
    let e = lineEnd;
    while (isPyWhitespace(text.charCodeAt(e - 1))) e--;
    const indent = s - lineStart;

    if (current && indent > indentLevel) {
      appendPart(more, current, text.slice(s, e), lineno);
      current.continued = true;
      if (hasInlineComment(text, nextHash, nextSemi, s, e)) current.inlineComment = true;
      continue;
    }
    indentLevel = indent;

    // SECTCRE `\[(?P<header>.+)\]` with match(): the header runs to the last `]`, text after it is ignored.
    if (first === 0x5b) {
      let close = e - 1;
      while (close > s && text.charCodeAt(close) !== 0x5d) close--;
      if (close >= s + 2) {
        const name = text.slice(s + 1, close);
        if (sectionNames.has(name)) {
          // One read: every known section was added by it, so strict mode refuses it.
          return { ok: false, error: { kind: 'duplicate_section', line: lineno, section: name } };
        }
        if (name === 'DEFAULT') {
          // The default section is never a duplicate; its options still are.
          cursect = defaults;
          hasDefaultHeader = true;
        } else {
          cursect = new SectionBuilder(name, lineno);
          sections.push(cursect);
          sectionNames.add(name);
        }
        current = null;
        continue;
      }
    }
    if (!cursect) return { ok: false, error: { kind: 'missing_section_header', line: lineno } };

    // OPTCRE: the first `=` or `:` splits; a line with neither is a deferred ParsingError, and
    // continuation lines still go to the previous option.
    const delim = Math.min(nextEq.from(s), nextColon.from(s));
    if (delim >= e) {
      deferred ??= { kind: 'parsing', line: lineno };
      continue;
    }
    let nameEnd = delim;
    while (nameEnd > s && isPyWhitespace(text.charCodeAt(nameEnd - 1))) nameEnd--;
    const name = lowerName(text, s, nameEnd);
    if (cursect.get(name)) {
      return {
        ok: false,
        error: { kind: 'duplicate_option', line: lineno, section: cursect.name, option: name },
      };
    }
    let v = delim + 1;
    while (v < e && isPyWhitespace(text.charCodeAt(v))) v++;
    const optval = text.slice(v, e);
    const opt: MutableOption = {
      name,
      value: optval,
      line: lineno,
      continued: false,
      quoted: isQuoted(optval),
      inlineComment: hasInlineComment(text, nextHash, nextSemi, delim + 1, e),
      nested: null,
    };
    cursect.add(opt);
    // An empty name is a ParsingError raised at the end, but the option is stored all the same; being
    // falsy, it takes no continuation lines.
    if (name) current = opt;
    else {
      deferred ??= { kind: 'parsing', line: lineno };
      current = null;
    }
  }
  if (deferred) return { ok: false, error: deferred };

  // `'\n'.join(val).rstrip()`: trailing blank lines go; a value that then starts with \n is a nested block.
  for (const [opt, m] of more) {
    let end = m.parts.length;
    while (end > 0 && m.parts[end - 1] === '') end--;
    if (end === 0) continue;
    opt.value = [opt.value, ...m.parts.slice(0, end)].join('\n');
    if (opt.value.startsWith('\n')) opt.nested = parseNested(opt.value);
  }
  const document: IniDocument = {
    sections,
    defaults: defaults.options,
    hasDefaultHeader,
  };
  const nestedError = checkNestedBlocks(sections, defaults, more);
  return nestedError ? { ok: false, error: nestedError } : { ok: true, document };
}

/** botocore `_parse_nested`: every non-blank line must hold `=`; null when one does not (ValueError). */
function parseNested(value: string): Array<readonly [string, string]> | null {
  const parsed = new Map<string, string>();
  for (const piece of value.split(SPLITLINES)) {
    const line = pyStrip(piece);
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq < 0) return null;
    parsed.set(pyStrip(line.slice(0, eq)), pyStrip(line.slice(eq + 1)));
  }
  return [...parsed.entries()];
}

/** The line of the first continuation line of `opt` that breaks `_parse_nested`. */
function badNestedLine(opt: IniOption, more: Map<MutableOption, MoreLines>): number {
  const m = more.get(opt as MutableOption);
  if (!m) return opt.line;
  for (let k = 0; k < m.parts.length; k++) {
    for (const piece of m.parts[k].split(SPLITLINES)) {
      const line = pyStrip(piece);
      if (line && line.indexOf('=') < 0) return m.lines[k];
    }
  }
  return opt.line;
}

/**
 * botocore walks `cp.sections()` and, for each, `cp.options(section)`: its own options, then the inherited
 * `[DEFAULT]` ones it does not override. The first nested value that does not parse is a ConfigParseError.
 * `[DEFAULT]` alone (no section) is never checked. Linear: only the broken defaults are looked at per section.
 */
function checkNestedBlocks(
  builders: readonly SectionBuilder[],
  defaults: SectionBuilder,
  more: Map<MutableOption, MoreLines>,
): IniError | null {
  if (more.size === 0) return null;
  const isBroken = (o: IniOption) => o.nested === null && o.value.startsWith('\n');
  const brokenDefaults = defaults.options.filter(isBroken);
  for (const section of builders) {
    const bad = section.options.find(isBroken) ?? brokenDefaults.find((d) => !section.get(d.name));
    if (bad)
      return { kind: 'nested', line: badNestedLine(bad, more), section: section.name, option: bad.name };
  }
  return null;
}

/**
 * The options of a section as botocore sees them (`[DEFAULT]` inheritance applied, own values winning),
 * in `cp.options()` order; null when there is no such section (`DEFAULT` is none).
 */
export function effectiveOptions(doc: IniDocument, sectionName: string): IniOption[] | null {
  const section = doc.sections.find((s) => s.name === sectionName);
  return section ? sectionWithDefaults(section, doc.defaults) : null;
}

function sectionWithDefaults(section: IniSection, defaults: readonly IniOption[]): IniOption[] {
  if (defaults.length === 0) return [...section.options];
  const own = new Set(section.options.map((o) => o.name));
  return [...section.options, ...defaults.filter((o) => !own.has(o.name))];
}
