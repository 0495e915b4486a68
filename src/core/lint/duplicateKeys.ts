/**
 * The first key written twice in one mapping of a document. kubectl's strict decoding refuses such a manifest; the
 * yaml library can check it too (`uniqueKeys`), but compares every key with every other, which a Secret of tens of
 * thousands of keys turns into seconds. Keys are compared as the JSON keys they become.
 */
import { isScalar, visit, type Document } from 'yaml';

export function firstDuplicateKey(doc: Document): readonly [number, number] | null {
  let found: readonly [number, number] | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || pair.key.value === '<<') continue;
        const key = String(pair.key.value);
        if (seen.has(key)) {
          const range = pair.key.range;
          found = range ? [range[0], range[1]] : [0, 0];
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}
