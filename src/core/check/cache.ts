/**
 * Results kept for a few minutes and shown with their age, for the panel and the tree view: a check contacts
 * servers, so it runs on request only, and an old answer must look old. The clock is the caller's.
 */
import type { CheckResult } from './types';

export const KEEP_RESULTS_MS = 5 * 60 * 1000;

export interface KeptResult {
  readonly result: CheckResult;
  readonly atMs: number;
}

export class CheckResultCache {
  readonly #kept = new Map<string, KeptResult>();

  constructor(private readonly keepMs: number = KEEP_RESULTS_MS) {}

  static key(result: Pick<CheckResult, 'kind' | 'target'>): string {
    return `${result.kind} ${result.target}`;
  }

  put(results: readonly CheckResult[], nowMs: number): void {
    for (const result of results) this.#kept.set(CheckResultCache.key(result), { result, atMs: nowMs });
  }

  /** The results younger than the keeping time, oldest dropped. */
  current(nowMs: number): KeptResult[] {
    const out: KeptResult[] = [];
    for (const [key, kept] of this.#kept) {
      if (nowMs - kept.atMs > this.keepMs) this.#kept.delete(key);
      else out.push(kept);
    }
    return out;
  }

  clear(): void {
    this.#kept.clear();
  }
}

/** `just now`, `40 s ago`, `3 min ago`. */
export function ageLabel(atMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - atMs) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  return `${Math.floor(seconds / 60)} min ago`;
}
