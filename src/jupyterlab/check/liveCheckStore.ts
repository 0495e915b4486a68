/**
 * The panel's live check state: results kept five minutes, whether a check runs, and the last problem. Checks
 * run only when the user asks (the Check button or the palette command): they contact servers.
 */
import { CheckResultCache, KEEP_RESULTS_MS } from '../../core/check/cache';
import type { CheckResult } from '../../core/check/types';
import { checkRows, type CheckRow } from './checkRows';

export interface LiveCheckView {
  readonly running: boolean;
  readonly message: string | null;
  readonly rows: readonly CheckRow[];
}

export class LiveCheckStore {
  private readonly cache: CheckResultCache;
  private running = false;
  private completed = 0;
  private message: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly now: () => number,
    keepMs: number = KEEP_RESULTS_MS,
  ) {
    this.cache = new CheckResultCache(keepMs);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** How many check runs have ended (the panel exposes it for tests; it carries no data). */
  get runs(): number {
    return this.completed;
  }

  /**
   * Runs `work` unless a check already runs. Its results replace the kept ones: each as soon as `work` reports it
   * (the kernel carries one check after another, so rows appear one by one), the rest when it returns.
   */
  async run(work: (report: (result: CheckResult) => void) => Promise<CheckResult[] | string>): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.message = null;
    this.emit();
    const reported = new Set<CheckResult>();
    const keep = (results: readonly CheckResult[]) => {
      // The first result of a run replaces the last run's rows.
      if (reported.size === 0) this.cache.clear();
      for (const result of results) reported.add(result);
      this.cache.put(results, this.now());
    };
    try {
      const out = await work((result) => {
        if (!this.running) return;
        keep([result]);
        this.emit();
      });
      if (typeof out === 'string') this.message = out;
      else {
        const rest = out.filter((result) => !reported.has(result));
        if (rest.length > 0 || reported.size === 0) keep(rest);
      }
    } catch {
      this.message = 'The check could not run: see the browser console.';
    } finally {
      this.running = false;
      this.completed++;
      this.emit();
    }
  }

  view(): LiveCheckView {
    return {
      running: this.running,
      message: this.message,
      rows: checkRows(this.cache.current(this.now()), this.now()),
    };
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
