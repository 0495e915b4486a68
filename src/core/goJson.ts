/**
 * JSON as the SDK (Python's json) and docker/cli (Go's encoding/json) read it, in one pass.
 *
 * readJsonAsGo reads the first JSON value with Python's grammar (JSON plus NaN, Infinity, -Infinity), so its
 * syntax errors are the SDK's, and says where the value ends (the caller tells trailing data apart). While
 * reading, it fills a declared Go type with encoding/json's rules: field names matched exactly, else
 * case-insensitively; unknown fields skipped unchecked; later keys overwrite; a map already present is added
 * to; `null` sets a map or slice to nil and leaves a string or struct alone; a value of the wrong JSON type is a
 * type error that Go records while it goes on decoding (the load fails at the end). String values are what Go
 * holds: a lone surrogate escape becomes U+FFFD. NaN-like tokens are flagged: Go's scanner rejects them.
 * Values outside the declared type are skipped without building anything. Syntax errors carry an offset and a
 * reason, never an excerpt of the input.
 */

/**
 * Python's json raises RecursionError near 1000 nested levels (sooner deep inside a notebook's call stack);
 * Go stops at 10000. Deeper than this counts as invalid for the SDK.
 */
export const MAX_NESTING = 900;

/** Python's limit on the digits of an integer literal (sys.get_int_max_str_digits(), Python 3.11+). */
const MAX_INT_DIGITS = 4300;

// ---- Go types and values ----

export type GoType =
  | { readonly kind: 'string' }
  | { readonly kind: 'slice'; readonly elem: GoType }
  | { readonly kind: 'map'; readonly elem: GoType }
  | GoStructType;

export interface GoStructType {
  readonly kind: 'struct';
  /** The JSON field names (from the struct tags), in declaration order. */
  readonly names: readonly string[];
  readonly types: readonly GoType[];
  /** Field index by exact name. */
  readonly index: ReadonlyMap<string, number>;
  /** Field index by case-folded name, for Go's case-insensitive match. */
  readonly folded: ReadonlyMap<string, number>;
}

export const GO_STRING: GoType = { kind: 'string' };
export const goMap = (elem: GoType): GoType => ({ kind: 'map', elem });
export const goSlice = (elem: GoType): GoType => ({ kind: 'slice', elem });
export function goStruct(fields: Record<string, GoType>): GoStructType {
  const names = Object.keys(fields);
  return {
    kind: 'struct',
    names,
    types: names.map((name) => fields[name]),
    index: new Map(names.map((name, i) => [name, i])),
    folded: new Map(names.map((name, i) => [foldFieldName(name), i])),
  };
}

/** A decoded Go value: string, slice (null = nil), map (null = nil) or struct. */
export type GoValue = string | readonly GoValue[] | GoMapValue | GoStructValue | null;

export interface GoMapValue {
  readonly kind: 'map';
  /** In order of first appearance (Go's own order is random). */
  readonly entries: Map<string, GoValue>;
}

export interface GoStructValue {
  readonly kind: 'struct';
  readonly type: GoStructType;
  /** By field index; undefined = never set (the zero value). */
  readonly values: (GoValue | undefined)[];
  /** Fields set through a JSON key spelled differently from the tag, with the first such spelling. */
  caseFolded: Map<string, string> | null;
}

export function zeroValue(type: GoType): GoValue {
  if (type.kind === 'string') return '';
  if (type.kind === 'struct') return { kind: 'struct', type, values: [], caseFolded: null };
  return null;
}

/** A struct field by its JSON name; undefined when never set. */
export function structField(struct: GoStructValue, name: string): GoValue | undefined {
  const i = struct.type.index.get(name);
  return i === undefined ? undefined : struct.values[i];
}

/** A JSON value's kind as its first character shows it. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'bool' | 'null' | 'nonfinite';

export interface GoTypeError {
  /** Field names and map keys from the top. */
  readonly path: readonly string[];
  readonly expected: 'string' | 'object' | 'array';
  readonly found: 'string' | 'number' | 'bool' | 'array' | 'object';
}

export type GoJsonRead =
  | {
      readonly ok: true;
      /** The top-level value's kind. */
      readonly kind: JsonKind;
      readonly value: GoValue;
      /** Offset just after the value. */
      readonly end: number;
      /** NaN, Infinity or -Infinity occurs in the value: Python accepts them, Go's scanner does not. */
      readonly hasNonFinite: boolean;
      readonly typeErrors: readonly GoTypeError[];
    }
  | { readonly ok: false; readonly offset: number; readonly reason: string };

/**
 * bytes.EqualFold as Go's decoder applies it to field names: ASCII letters fold, and so do the only two
 * non-ASCII runes whose fold class holds an ASCII letter (U+017F long s, U+212A Kelvin sign).
 */
export function foldFieldName(name: string): string {
  return name.replace(/[a-z\u017f\u212a]/g, foldChar);
}

function foldChar(c: string): string {
  if (c === '\u017f') return 'S';
  if (c === '\u212a') return 'K';
  return c.toUpperCase();
}

/** JSON whitespace: the same four characters for Python and Go. */
export function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

// Native (irregexp) scanning for the two hot loops: a config.json of thousands of entries is mostly
// whitespace and plain string characters, and a JS loop over them runs interpreted on the CLI's cold start.
const JSON_SPACE_RUN = /[ \t\n\r]*/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings: they end the run.
const PLAIN_STRING_RUN = /[^"\\\x00-\x1f]*/y;

export function skipJsonSpace(text: string, pos: number): number {
  if (!isJsonSpace(text.charCodeAt(pos))) return pos;
  JSON_SPACE_RUN.lastIndex = pos;
  JSON_SPACE_RUN.test(text);
  return JSON_SPACE_RUN.lastIndex;
}

/** Reads the value at `start` (no leading whitespace) into `type`. Never throws. */
export function readJsonAsGo(text: string, start: number, type: GoType): GoJsonRead {
  const reader = new Reader(text, start);
  try {
    const kind = kindAt(text, start);
    const value = reader.decode(type, zeroValue(type), 0);
    return {
      ok: true,
      kind,
      value,
      end: reader.pos,
      hasNonFinite: reader.hasNonFinite,
      typeErrors: reader.typeErrors,
    };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, offset: e.offset, reason: e.reason };
    throw e;
  }
}

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

const C_QUOTE = 0x22;
const C_COMMA = 0x2c;
const C_COLON = 0x3a;
const C_LBRACKET = 0x5b;
const C_RBRACKET = 0x5d;
const C_LBRACE = 0x7b;
const C_RBRACE = 0x7d;
const C_BACKSLASH = 0x5c;

function kindAt(text: string, pos: number): JsonKind {
  switch (text.charCodeAt(pos)) {
    case C_LBRACE:
      return 'object';
    case C_LBRACKET:
      return 'array';
    case C_QUOTE:
      return 'string';
    case 0x74: // t
    case 0x66: // f
      return 'bool';
    case 0x6e: // n
      return 'null';
    case 0x4e: // N
    case 0x49: // I
      return 'nonfinite';
    case 0x2d: // -
      return text.startsWith('-Infinity', pos) ? 'nonfinite' : 'number';
    default:
      return 'number';
  }
}

class Reader {
  pos: number;
  hasNonFinite = false;
  readonly typeErrors: GoTypeError[] = [];
  /** The path of the value being decoded (typed part only). */
  private readonly path: string[] = [];

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  /** Decodes the value at pos into `type`, starting from `current`; depth = containers already open. */
  decode(type: GoType, current: GoValue, depth: number): GoValue {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x6e && this.text.startsWith('null', this.pos)) {
      this.pos += 4;
      // Go: null sets maps and slices to nil and leaves strings and structs unchanged.
      return type.kind === 'map' || type.kind === 'slice' ? null : current;
    }
    switch (type.kind) {
      case 'string':
        if (c === C_QUOTE) return this.string();
        return this.mismatch('string', depth, current);
      case 'slice':
        if (c === C_LBRACKET) return this.slice(type.elem, depth);
        return this.mismatch('array', depth, current);
      case 'map':
        if (c === C_LBRACE) return this.map(type.elem, current as GoMapValue | null, depth);
        return this.mismatch('object', depth, current);
      case 'struct':
        if (c === C_LBRACE) return this.struct(type, current as GoStructValue, depth);
        return this.mismatch('object', depth, current);
    }
  }

  /** A value of the wrong JSON type: recorded like Go's UnmarshalTypeError, then skipped. */
  private mismatch(expected: GoTypeError['expected'], depth: number, current: GoValue): GoValue {
    const kind = kindAt(this.text, this.pos);
    this.skipValue(depth);
    // Anything that is not a value at all is a syntax error, raised by skipValue before we get here.
    const found = kind === 'nonfinite' ? 'number' : kind === 'null' ? 'string' : kind;
    this.typeErrors.push({ path: [...this.path], expected, found });
    return current;
  }

  private slice(elem: GoType, depth: number): GoValue {
    const items: GoValue[] = [];
    if (this.open(depth, C_RBRACKET)) return items;
    do {
      this.path.push(String(items.length));
      items.push(this.decode(elem, zeroValue(elem), depth + 1));
      this.path.pop();
    } while (this.next(C_RBRACKET));
    return items;
  }

  private map(elem: GoType, current: GoMapValue | null, depth: number): GoValue {
    // An existing map is added to, not replaced (a second `auths` key merges into the first).
    const map = current ?? { kind: 'map', entries: new Map<string, GoValue>() };
    if (this.open(depth, C_RBRACE)) return map;
    do {
      const key = this.memberKey();
      this.path.push(key);
      // Every element starts from zero, so a repeated key replaces the earlier value whole.
      map.entries.set(key, this.decode(elem, zeroValue(elem), depth + 1));
      this.path.pop();
    } while (this.next(C_RBRACE));
    return map;
  }

  private struct(type: GoStructType, struct: GoStructValue, depth: number): GoValue {
    if (this.open(depth, C_RBRACE)) return struct;
    do {
      const key = this.memberKey();
      const exact = type.index.get(key);
      const i = exact ?? type.folded.get(foldFieldName(key));
      if (i === undefined) {
        this.skipValue(depth + 1); // unknown fields are skipped unchecked
        continue;
      }
      const name = type.names[i];
      if (exact === undefined) {
        struct.caseFolded ??= new Map();
        if (!struct.caseFolded.has(name)) struct.caseFolded.set(name, key);
      }
      const fieldType = type.types[i];
      this.path.push(name);
      struct.values[i] = this.decode(fieldType, struct.values[i] ?? zeroValue(fieldType), depth + 1);
      this.path.pop();
    } while (this.next(C_RBRACE));
    return struct;
  }

  /** Past the opening bracket; true when the container is empty (and already closed). */
  private open(depth: number, close: number): boolean {
    this.enter(depth);
    this.pos = skipJsonSpace(this.text, this.pos + 1);
    if (this.text.charCodeAt(this.pos) !== close) return false;
    this.pos++;
    return true;
  }

  /** After an item: true at a comma (another item follows), false at the closing bracket. */
  private next(close: number): boolean {
    this.pos = skipJsonSpace(this.text, this.pos);
    const c = this.text.charCodeAt(this.pos);
    if (c === close) {
      this.pos++;
      return false;
    }
    if (c !== C_COMMA) this.fail(close === C_RBRACE ? "expected ',' or '}'" : "expected ',' or ']'");
    this.pos = skipJsonSpace(this.text, this.pos + 1);
    return true;
  }

  private enter(depth: number): void {
    if (depth >= MAX_NESTING) this.fail(`nested more than ${MAX_NESTING} levels deep`);
  }

  /** Reads `"key" :` and the whitespace after it. */
  private memberKey(): string {
    if (this.text.charCodeAt(this.pos) !== C_QUOTE) this.fail('expected a property name in double quotes');
    const key = this.string();
    this.pos = skipJsonSpace(this.text, this.pos);
    if (this.text.charCodeAt(this.pos) !== C_COLON) this.fail("expected ':'");
    this.pos = skipJsonSpace(this.text, this.pos + 1);
    return key;
  }

  /**
   * Skips one value without building it, iteratively (any depth): `depth` containers are already open.
   * Checks it as strictly as the typed path does.
   */
  skipValue(depth: number): void {
    const { text } = this;
    const closers: number[] = [];
    for (;;) {
      // One value.
      const c = text.charCodeAt(this.pos);
      if (c === C_LBRACE || c === C_LBRACKET) {
        this.enter(depth + closers.length);
        const close = c === C_LBRACE ? C_RBRACE : C_RBRACKET;
        this.pos = skipJsonSpace(text, this.pos + 1);
        if (text.charCodeAt(this.pos) === close) {
          this.pos++;
        } else {
          closers.push(close);
          if (close === C_RBRACE) this.skipKey();
          continue;
        }
      } else if (c === C_QUOTE) {
        this.skipString();
      } else {
        this.scalar();
      }
      // After a value: close containers or move to the next value.
      for (;;) {
        const close = closers[closers.length - 1];
        if (close === undefined) return;
        this.pos = skipJsonSpace(text, this.pos);
        const d = text.charCodeAt(this.pos);
        if (d === close) {
          this.pos++;
          closers.pop();
          continue;
        }
        if (d !== C_COMMA) this.fail(close === C_RBRACE ? "expected ',' or '}'" : "expected ',' or ']'");
        this.pos = skipJsonSpace(text, this.pos + 1);
        if (close === C_RBRACE) this.skipKey();
        break;
      }
    }
  }

  private skipKey(): void {
    if (this.text.charCodeAt(this.pos) !== C_QUOTE) this.fail('expected a property name in double quotes');
    this.skipString();
    this.pos = skipJsonSpace(this.text, this.pos);
    if (this.text.charCodeAt(this.pos) !== C_COLON) this.fail("expected ':'");
    this.pos = skipJsonSpace(this.text, this.pos + 1);
  }

  /** A number, true/false/null, or NaN/Infinity/-Infinity; anything else is not a value. */
  private scalar(): void {
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    if (c === 0x74) return this.literal('true');
    if (c === 0x66) return this.literal('false');
    if (c === 0x6e) return this.literal('null');
    if (c === 0x4e || c === 0x49 || (c === 0x2d && text.startsWith('-Infinity', this.pos))) {
      this.literal(c === 0x4e ? 'NaN' : c === 0x49 ? 'Infinity' : '-Infinity');
      this.hasNonFinite = true;
      return;
    }
    if (c === 0x2d || isDigit(c)) return this.number();
    this.fail('expected a value');
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.pos)) this.fail('expected a value');
    this.pos += word.length;
  }

  /** Python's number scanner: a `.` or exponent without digits after it is left for the next token. */
  private number(): void {
    const { text } = this;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === 0x2d) pos++;
    const first = text.charCodeAt(pos);
    if (first === 0x30) pos++;
    else if (first >= 0x31 && first <= 0x39) pos = skipDigits(text, pos + 1);
    else this.fail('expected a value');
    const intDigits = pos - start - (text.charCodeAt(start) === 0x2d ? 1 : 0);
    let isFloat = false;
    if (text.charCodeAt(pos) === 0x2e && isDigit(text.charCodeAt(pos + 1))) {
      pos = skipDigits(text, pos + 2);
      isFloat = true;
    }
    const e = text.charCodeAt(pos);
    if (e === 0x65 || e === 0x45) {
      let p = pos + 1;
      const sign = text.charCodeAt(p);
      if (sign === 0x2b || sign === 0x2d) p++;
      if (isDigit(text.charCodeAt(p))) {
        pos = skipDigits(text, p + 1);
        isFloat = true;
      }
    }
    if (!isFloat && intDigits > MAX_INT_DIGITS) {
      this.fail(`an integer with more than ${MAX_INT_DIGITS} digits (Python refuses to convert it)`);
    }
    this.pos = pos;
  }

  /** The next quote, backslash or control character at or after pos (text.length if none). */
  private special(pos: number): number {
    PLAIN_STRING_RUN.lastIndex = pos;
    PLAIN_STRING_RUN.test(this.text);
    return PLAIN_STRING_RUN.lastIndex;
  }

  /** Checks a string without building it. */
  private skipString(): void {
    let pos = this.pos + 1;
    for (;;) {
      pos = this.special(pos);
      const c = this.text.charCodeAt(pos);
      if (c === C_QUOTE) break;
      if (c !== C_BACKSLASH) this.stringFail(pos, c);
      pos = this.escapeEnd(pos);
    }
    this.pos = pos + 1;
  }

  /** A string at pos (the quote), decoded the way Go decodes it. */
  private string(): string {
    const { text } = this;
    const begin = this.pos + 1;
    let pos = begin;
    let runStart = begin;
    let out = '';
    for (;;) {
      pos = this.special(pos);
      const c = text.charCodeAt(pos);
      if (c === C_QUOTE) break;
      if (c !== C_BACKSLASH) this.stringFail(pos, c);
      out += text.slice(runStart, pos);
      const end = this.escapeEnd(pos);
      out += decodeEscape(text, pos, end);
      pos = end;
      runStart = pos;
    }
    this.pos = pos + 1;
    return runStart === begin ? text.slice(begin, pos) : out + text.slice(runStart, pos);
  }

  private stringFail(pos: number, c: number): never {
    if (Number.isNaN(c)) this.fail('a string is not closed');
    this.pos = pos;
    return this.fail('a control character inside a string (write it as an escape such as \\n)');
  }

  /** Checks the escape at pos (a backslash) and returns the offset after it (a surrogate pair counts as one). */
  private escapeEnd(pos: number): number {
    const esc = this.text.charCodeAt(pos + 1);
    if (SIMPLE_ESCAPES.has(esc)) return pos + 2;
    if (esc !== 0x75) {
      this.pos = pos;
      this.fail('an invalid escape after a backslash');
    }
    const unit = hex4(this.text, pos + 2);
    if (unit < 0) {
      this.pos = pos;
      this.fail('an invalid \\u escape (it needs four hex digits)');
    }
    if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogateEscape(this.text, pos + 6)) return pos + 12;
    return pos + 6;
  }

  fail(reason: string): never {
    throw new JsonSyntaxError(this.pos, reason);
  }
}

const SIMPLE_ESCAPES = new Map<number, string>([
  [0x22, '"'],
  [0x5c, '\\'],
  [0x2f, '/'],
  [0x62, '\b'],
  [0x66, '\f'],
  [0x6e, '\n'],
  [0x72, '\r'],
  [0x74, '\t'],
]);

function isLowSurrogateEscape(text: string, pos: number): boolean {
  if (text.charCodeAt(pos) !== C_BACKSLASH || text.charCodeAt(pos + 1) !== 0x75) return false;
  const unit = hex4(text, pos + 2);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** The text of a checked escape from pos to end: Go pairs surrogates and turns a lone one into U+FFFD. */
function decodeEscape(text: string, pos: number, end: number): string {
  const simple = SIMPLE_ESCAPES.get(text.charCodeAt(pos + 1));
  if (simple !== undefined) return simple;
  const unit = hex4(text, pos + 2);
  if (end - pos === 12) return String.fromCharCode(unit, hex4(text, pos + 8));
  return unit >= 0xd800 && unit <= 0xdfff ? '\ufffd' : String.fromCharCode(unit);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function skipDigits(text: string, pos: number): number {
  while (isDigit(text.charCodeAt(pos))) pos++;
  return pos;
}

function hex4(text: string, pos: number): number {
  if (pos + 4 > text.length) return -1;
  let v = 0;
  for (let i = pos; i < pos + 4; i++) {
    const c = text.charCodeAt(i);
    const d =
      c >= 0x30 && c <= 0x39
        ? c - 0x30
        : c >= 0x61 && c <= 0x66
          ? c - 0x57
          : c >= 0x41 && c <= 0x46
            ? c - 0x37
            : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** 1-based line and column (in characters) of an offset; \r\n, \r and \n each end a line, as Python reads text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > lineStart)) column++;
  }
  return { line, column };
}
