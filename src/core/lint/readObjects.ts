/**
 * Reads a YAML stream into Kubernetes objects the way kubectl does: sigs.k8s.io/yaml, that is go-yaml v2, which
 * resolves plain scalars by YAML 1.1 (`yes`, `on`, `y` are booleans, `0644` is octal) but leaves timestamps and
 * `12:30` as strings. Empty documents are skipped, `kind: List` is expanded. MANIFEST_YAML_INVALID for a document
 * that does not parse or is not an object; the other documents are still read. A key given twice in one mapping
 * is reported (kubectl's strict decoding refuses it; older clients silently keep the last); see duplicateKeys.ts.
 */
import { LineCounter, parseAllDocuments, type Document, type Tags } from 'yaml';
import { finding, type Finding } from '../finding';
import { firstDuplicateKey } from './duplicateKeys';
import { locationOf, makeLocator } from './locate';
import type { YamlSource } from './sources';
import { isObject, type Json, type JsonObject, type ManifestObject, type PathSegment } from './types';

/** go-yaml v2 has no sexagesimal numbers and returns timestamps as strings; nor do we read !!set and the like. */
const GO_YAML_UNSUPPORTED = /timestamp|binary|omap|pairs|set$/;

function goYamlTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    const t = tag as { tag?: string; format?: string };
    return !(t.format === 'TIME' || (t.tag && GO_YAML_UNSUPPORTED.test(t.tag)));
  });
}

/** Aliases and nesting are bounded: a document can be small and still expand without limit. */
const MAX_ALIAS_COUNT = 100;
const MAX_DEPTH = 64;

class NotJson extends Error {}

/** The JS value as plain JSON (what kubectl would send); throws NotJson when nested too deeply or cyclic. */
function toJson(value: unknown, depth: number, ancestors: Set<object>): Json {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      return null;
  }
  if (depth > MAX_DEPTH) throw new NotJson('nested too deeply');
  const obj = value as object;
  if (ancestors.has(obj)) throw new NotJson('an alias refers to its own parent');
  ancestors.add(obj);
  try {
    if (Array.isArray(obj) || obj instanceof Set)
      return [...(obj as Iterable<unknown>)].map((v) => toJson(v, depth + 1, ancestors));
    if (obj instanceof Date) return obj.toISOString();
    if (obj instanceof Uint8Array) return null;
    const out: JsonObject = {};
    const entries = obj instanceof Map ? [...obj.entries()] : Object.entries(obj);
    // defineProperty: a `__proto__` key must stay a key, not replace the prototype.
    for (const [k, v] of entries)
      Object.defineProperty(out, String(k), {
        value: toJson(v, depth + 1, ancestors),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  } finally {
    ancestors.delete(obj);
  }
}

const REASONS: Partial<Record<string, string>> = {
  BAD_INDENT: 'the indentation is wrong',
  TAB_AS_INDENT: 'a tab is used for indentation',
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BAD_DQ_ESCAPE: 'a double-quoted string has an invalid escape',
  MULTILINE_IMPLICIT_KEY: 'a key runs over more than one line (a missing ":"?)',
  BLOCK_AS_IMPLICIT_KEY: 'a block is used as a key (a missing ":"?)',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  BAD_ALIAS: 'an alias (*name) refers to no anchor',
  UNEXPECTED_TOKEN: 'an unexpected character',
  BLOCK_IN_FLOW: 'a block collection inside [ ] or { }',
  MULTIPLE_DOCS: 'a document marker is misplaced',
  BAD_DIRECTIVE: 'an invalid % directive',
};

export interface ReadResult {
  readonly objects: ManifestObject[];
  readonly findings: Finding[];
}

function where(source: YamlSource, line: number): string {
  return source.embedded ? `the YAML block at line ${line} of ${source.file}` : `${source.file}`;
}

function invalid(source: YamlSource, message: string, fix: string, location?: Finding['location']): Finding {
  return finding({
    code: 'MANIFEST_YAML_INVALID',
    severity: 'error',
    subject: source.file,
    message,
    fix,
    objects: [],
    location,
  });
}

/** Why a value is not a Kubernetes object, or null when it is one. */
function notAnObject(value: Json): string | null {
  if (!isObject(value)) return Array.isArray(value) ? 'it is a list, not a mapping' : 'it is not a mapping';
  if (typeof value.kind !== 'string' || value.kind === '') return 'it has no kind';
  const name = isObject(value.metadata) ? value.metadata.name : undefined;
  if (typeof name !== 'string' || name === '') return 'it has no metadata.name';
  return null;
}

/** `kind: List` (and `SecretList` etc., as `kubectl get -o yaml` prints them): its items are the objects. */
function isList(value: Json): value is JsonObject & { items: Json[] } {
  return (
    isObject(value) &&
    typeof value.kind === 'string' &&
    value.kind.endsWith('List') &&
    Array.isArray(value.items)
  );
}

export function readObjects(source: YamlSource, contextNamespace: string): ReadResult {
  const counter = new LineCounter();
  const objects: ManifestObject[] = [];
  const findings: Finding[] = [];
  let docs: Document[];
  try {
    const parsed = parseAllDocuments(source.text, {
      version: '1.1',
      customTags: goYamlTags,
      lineCounter: counter,
      uniqueKeys: false,
      prettyErrors: false,
      logLevel: 'silent',
    });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch {
    const at = source.lineOffset + 1;
    return {
      objects,
      findings: [
        invalid(
          source,
          `${where(source, at)} could not be read as YAML.`,
          'Check that it is a YAML manifest (kubectl create --dry-run=client -f FILE shows the first error).',
        ),
      ],
    };
  }

  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const loc = locationOf(source, counter, error.pos[0], error.pos[1]);
      const reason = REASONS[error.code] ?? 'this is not valid YAML';
      findings.push(
        invalid(
          source,
          `${where(source, loc.line)} is not valid YAML at line ${loc.line}, column ${loc.column}: ${reason}.`,
          `Fix the YAML at line ${loc.line}, column ${loc.column} and lint again; the other documents were still checked.`,
          loc,
        ),
      );
      continue;
    }
    const docRange = doc.contents?.range ?? doc.range ?? [0, 0];
    const docLoc = locationOf(source, counter, docRange[0], docRange[1]);
    let value: Json;
    try {
      value = toJson(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), 0, new Set());
    } catch (e) {
      const why = e instanceof NotJson ? e.message : 'its aliases expand too far';
      findings.push(
        invalid(
          source,
          `The YAML document at line ${docLoc.line} of ${source.file} cannot be read: ${why}.`,
          'Write the object out without recursive or heavily repeated aliases (*name).',
          docLoc,
        ),
      );
      continue;
    }
    const duplicate = firstDuplicateKey(doc);
    if (duplicate) {
      const loc = locationOf(source, counter, duplicate[0], duplicate[1]);
      findings.push(
        invalid(
          source,
          `${where(source, loc.line)} is not valid YAML at line ${loc.line}, column ${loc.column}: ${REASONS.DUPLICATE_KEY}.`,
          `Remove one of the two entries with this key (kubectl refuses the manifest) and lint again.`,
          loc,
        ),
      );
      continue;
    }
    if (value === null) continue;
    const candidates: { value: Json; base: PathSegment[] }[] = isList(value)
      ? value.items.map((item, i) => ({ value: item, base: ['items', i] }))
      : [{ value, base: [] }];
    for (const { value: item, base } of candidates) {
      const locate = makeLocator(doc, counter, source, base);
      const why = notAnObject(item);
      if (why !== null || !isObject(item)) {
        const loc = locate([]) ?? docLoc;
        findings.push(
          invalid(
            source,
            `The YAML ${base.length > 0 ? `item ${String(base[1])} of the List` : 'document'} at line ${loc.line} of ${source.file} is not a Kubernetes object: ${why ?? 'it is not a mapping'}.`,
            'Give it apiVersion, kind and metadata.name, or remove it from the file.',
            loc,
          ),
        );
        continue;
      }
      const kind = item.kind as string;
      const metadata = item.metadata as JsonObject;
      const name = metadata.name as string;
      const namespace =
        typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : null;
      objects.push({
        kind,
        name,
        ref: `${kind}/${name}`,
        namespace,
        effectiveNamespace: namespace ?? contextNamespace,
        value: item,
        file: source.file,
        locate,
      });
    }
  }
  return { objects, findings };
}
