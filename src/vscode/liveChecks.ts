/**
 * The live check results of this window: kept a few minutes (CheckResultCache), shown with their age. Listeners
 * hear of new results, and every AGE_TICK_MS while any is kept, so the ages move and old results drop off. A run
 * happens only on request (the Check credentials command); a second request while one runs joins it.
 */
import { CheckResultCache, type KeptResult } from '../core/check/cache';
import type { CheckResult } from '../core/check/types';

export const AGE_TICK_MS = 15_000;

export class LiveChecks {
  private readonly cache: CheckResultCache;
  private readonly listeners = new Set<() => void>();
  private ticker: ReturnType<typeof setInterval> | null = null;
  private running: Promise<readonly CheckResult[]> | null = null;

  constructor(
    private readonly now: () => number = Date.now,
    keepMs?: number,
  ) {
    this.cache = new CheckResultCache(keepMs);
  }

  current(): KeptResult[] {
    const kept = this.cache.current(this.now());
    if (kept.length === 0) this.stopTicker();
    return kept;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Runs `check` unless a run is under way (then joins it); keeps and announces the results. */
  run(check: () => Promise<readonly CheckResult[]>): Promise<readonly CheckResult[]> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        const results = await check();
        this.put(results);
        return results;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  put(results: readonly CheckResult[]): void {
    this.cache.put(results, this.now());
    this.startTicker();
    this.fire();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private startTicker(): void {
    if (this.ticker !== null) return;
    this.ticker = setInterval(() => this.fire(), AGE_TICK_MS);
  }

  private stopTicker(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }

  dispose(): void {
    this.stopTicker();
    this.listeners.clear();
    this.cache.clear();
  }
}
