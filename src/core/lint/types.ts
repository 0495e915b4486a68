/** The lint engine's internal model: plain JSON values read from YAML, and where each object came from. */
import type { SourceLocation } from '../finding';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export type PathSegment = string | number;

/** `value`: the node at the path; `key`: the mapping key naming it (where a key, not its value, is wrong). */
export type LocateTarget = 'value' | 'key';

/** Finds a path of the object in its file; the nearest enclosing node when the exact one is not there. */
export type Locator = (path: readonly PathSegment[], target?: LocateTarget) => SourceLocation | undefined;

/** One Kubernetes object read from a manifest (a document, or an item of a `kind: List`). */
export interface ManifestObject {
  readonly kind: string;
  readonly name: string;
  /** `Kind/name`, the contract's object reference. */
  readonly ref: string;
  /** metadata.namespace as written; null when absent or empty. */
  readonly namespace: string | null;
  /** The namespace it lands in: its own, else the kubectl context's (LintOptions.namespace). */
  readonly effectiveNamespace: string;
  readonly value: JsonObject;
  readonly file: string;
  readonly locate: Locator;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(value: Json | undefined, key: string): Json | undefined {
  return isObject(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

export function stringField(value: Json | undefined, key: string): string | undefined {
  const v = field(value, key);
  return typeof v === 'string' ? v : undefined;
}

export function arrayField(value: Json | undefined, key: string): Json[] {
  const v = field(value, key);
  return Array.isArray(v) ? v : [];
}

/** Unique, in first-seen order. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Appends without spreading into arguments, which overflows the stack for very long arrays. */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
