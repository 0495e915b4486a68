/** Maps a path inside a parsed object back to the YAML node's range in the file (for VS Code diagnostics). */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { SourceLocation } from '../finding';
import type { YamlSource } from './sources';
import type { Locator, PathSegment } from './types';

type Range = readonly [number, number, number?];

interface Ranged {
  range?: Range | null;
}

function rangeOf(node: unknown): Range | null {
  const range = (node as Ranged | null)?.range;
  return Array.isArray(range) && typeof range[0] === 'number' && typeof range[1] === 'number' ? range : null;
}

/** The file position of a parser offset: block lines shifted by the block's start and indentation. */
export function positionIn(
  source: YamlSource,
  counter: LineCounter,
  offset: number,
): { line: number; column: number } {
  const pos = counter.linePos(offset);
  const blockLine = Math.max(1, pos.line);
  const shift = source.columnOffsets ? (source.columnOffsets[blockLine - 1] ?? 0) : 0;
  return { line: blockLine + source.lineOffset, column: Math.max(1, pos.col) + shift };
}

/** The range of a node, without the line breaks and indentation a block node's range ends with. */
export function locationOf(
  source: YamlSource,
  counter: LineCounter,
  start: number,
  end: number,
): SourceLocation {
  let stop = Math.max(start, end);
  while (stop > start && /\s/.test(source.text[stop - 1] ?? '')) stop--;
  const from = positionIn(source, counter, start);
  const to = positionIn(source, counter, stop);
  return { file: source.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** The pairs of a mapping by key, built on first use: a linear search per lookup is quadratic over many findings. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const k = String(pair.key.value);
      if (!index.has(k)) index.set(k, pair as Pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** `base` is the path of the object inside its document ([] for a document, ['items', i] for a List item). */
export function makeLocator(
  doc: Document,
  counter: LineCounter,
  source: YamlSource,
  base: readonly PathSegment[],
): Locator {
  return (path, target = 'value') => {
    const full = [...base, ...path];
    let node: unknown = doc.contents;
    let best: Range | null = rangeOf(node);
    for (let i = 0; i < full.length && node; i++) {
      if (isAlias(node)) node = node.resolve(doc);
      const seg = full[i];
      if (isMap(node)) {
        const pair = pairOf(node as YAMLMap, String(seg));
        if (!pair) break;
        const keyRange = rangeOf(pair.key);
        if (i === full.length - 1 && target === 'key') {
          best = keyRange ?? best;
          break;
        }
        node = pair.value;
        best = rangeOf(node) ?? keyRange ?? best;
        if (!rangeOf(node)) break;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        const r = rangeOf(node);
        if (!r) break;
        best = r;
      } else {
        break;
      }
    }
    return best ? locationOf(source, counter, best[0], best[1]) : undefined;
  };
}
