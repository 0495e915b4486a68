/**
 * `Www-Authenticate` as registries send it (RFC 9110 §11.6.1): one or more challenges, each a scheme and
 * `name=value` parameters (token or quoted string). Docker Hub, GHCR, Harbor and distribution send
 * `Bearer realm="…",service="…"` or `Basic realm="…"`; several challenges may arrive in one joined header.
 */

export interface Challenge {
  /** Lower-case: `basic`, `bearer`. */
  readonly scheme: string;
  /** Parameter names lower-cased; values unquoted. */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

export function parseChallenges(value: string): Challenge[] {
  const out: Challenge[] = [];
  let pos = 0;
  const isSpace = (c: string) => c === ' ' || c === '\t';
  const skipSpace = () => {
    while (pos < value.length && isSpace(value[pos])) pos++;
  };
  const readToken = (): string => {
    const start = pos;
    while (pos < value.length && TOKEN_CHAR.test(value[pos])) pos++;
    return value.slice(start, pos);
  };
  const readQuoted = (): string => {
    let text = '';
    pos++; // opening quote
    while (pos < value.length && value[pos] !== '"') {
      if (value[pos] === '\\' && pos + 1 < value.length) pos++;
      text += value[pos++];
    }
    pos++; // closing quote (or the end)
    return text;
  };

  while (pos < value.length) {
    while (pos < value.length && (isSpace(value[pos]) || value[pos] === ',')) pos++;
    const scheme = readToken();
    if (scheme === '') {
      // Not a token: skip to the next comma and try again, rather than loop forever.
      while (pos < value.length && value[pos] !== ',') pos++;
      continue;
    }
    const params: Record<string, string> = {};
    skipSpace();
    for (;;) {
      const mark = pos;
      const name = readToken();
      skipSpace();
      if (name === '' || value[pos] !== '=') {
        // A token without `=` starts the next challenge (or is a token68, which no registry uses).
        pos = name === '' ? pos : mark;
        break;
      }
      pos++;
      skipSpace();
      const param = value[pos] === '"' ? readQuoted() : readToken();
      Object.defineProperty(params, name.toLowerCase(), {
        value: param,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipSpace();
      if (value[pos] !== ',') break;
      pos++;
      skipSpace();
    }
    out.push({ scheme: scheme.toLowerCase(), params });
    if (pos < value.length && value[pos] !== ',' && !TOKEN_CHAR.test(value[pos])) pos++;
  }
  return out;
}
