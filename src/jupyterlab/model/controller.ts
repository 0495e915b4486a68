/**
 * The probe's life cycle, apart from JupyterLab: get a kernel from a KernelSource, run the probe, turn the facts
 * into a Report with the engine, and keep the state the panel, the status bar and the pre-flight guard show.
 * Pure TypeScript with its own tiny listener list, so jest drives it with fake kernels.
 */
import { inspect } from '../../core/inspect';
import type { Report } from '../../core/report';
import type { Snapshot } from '../../core/snapshot';
import { verdictOf, type Verdict } from '../../core/verdict';
import { toSnapshot } from '../probe/protocol';
import { runProbe, type ProbeKernel, type ProbeRun } from '../probe/runProbe';
import type { ProbeState } from './state';

export interface ProbeResult {
  /** Holds the files' bytes (secrets included): kept in memory for manifests, never logged or rendered. */
  readonly snapshot: Snapshot;
  readonly report: Report;
  readonly verdict: Verdict;
  /** The pod's namespace, when the kernel runs in a pod. */
  readonly namespace: string | null;
  readonly kernel: string;
  readonly atMs: number;
}

export type Acquired =
  | { readonly kind: 'kernel'; readonly kernel: ProbeKernel }
  | { readonly kind: 'unavailable'; readonly state: ProbeState };

/** Where the kernel to probe comes from: the dedicated probe kernel, or the active notebook's. */
export interface KernelSource {
  /** `progress` is told when a kernel must be started first. */
  acquire(progress: (state: ProbeState) => void): Promise<Acquired>;
}

export interface ControllerOptions {
  readonly timeoutMs: () => number;
  readonly images: () => readonly string[];
  readonly now: () => number;
  /** Details for the browser console: messages only, never a value read from a file or the environment. */
  readonly log: (message: string) => void;
}

export class ProbeController {
  private currentState: ProbeState = { kind: 'idle' };
  private currentResult: ProbeResult | null = null;
  private readonly listeners = new Set<() => void>();
  private inFlight: Promise<void> | null = null;
  private again = false;
  private runs = 0;
  /** The newest run whose answer was applied: a late answer of an older run never overwrites a newer one. */
  private applied = 0;
  private completed = 0;

  constructor(
    private source: KernelSource,
    private readonly options: ControllerOptions,
  ) {}

  get state(): ProbeState {
    return this.currentState;
  }

  get result(): ProbeResult | null {
    return this.currentResult;
  }

  /** How many checks have completed (the panel exposes it for tests and the bench; it carries no data). */
  get checks(): number {
    return this.completed;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Switching target (a setting): the next refresh asks the new source. */
  setSource(source: KernelSource): void {
    this.source = source;
  }

  /** Probes now. Calls during a probe coalesce into one more probe after it. */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.loop().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Re-runs the engine on the last Snapshot (the image setting changed): no kernel round trip. */
  reinspect(): void {
    const last = this.currentResult;
    if (!last) return;
    const report = inspect(last.snapshot, { images: this.options.images() });
    this.currentResult = { ...last, report, verdict: verdictOf(report) };
    this.emit();
  }

  private emit(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        this.options.log(`listener failed: ${error instanceof Error ? error.message : 'error'}`);
      }
    }
  }

  private setState(state: ProbeState): void {
    this.currentState = state;
    this.emit();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.once();
    } while (this.again);
  }

  private async once(): Promise<void> {
    const id = ++this.runs;
    let acquired: Acquired;
    try {
      acquired = await this.source.acquire((state) => this.setState(state));
    } catch (error) {
      const message = error instanceof Error ? error.message : 'no kernel could be had';
      this.options.log(`kernel unavailable: ${message}`);
      this.setState({ kind: 'error', kernel: null, message: 'No kernel could be started or reached' });
      return;
    }
    if (acquired.kind === 'unavailable') {
      this.setState(acquired.state);
      return;
    }
    const kernel = acquired.kernel;
    this.setState({ kind: 'probing', kernel: kernel.label });
    const run = await runProbe(kernel, this.options.timeoutMs());
    this.apply(run, kernel.label, id);
  }

  private apply(run: ProbeRun, kernel: string, id: number): void {
    if (id < this.applied) return;
    switch (run.kind) {
      case 'facts': {
        this.applied = id;
        const snapshot = toSnapshot(run.facts, this.options.now());
        const report = inspect(snapshot, { images: this.options.images() });
        this.currentResult = {
          snapshot,
          report,
          verdict: verdictOf(report),
          namespace: run.facts.namespace,
          kernel,
          atMs: snapshot.nowMs,
        };
        this.completed++;
        this.setState({ kind: 'ready', kernel });
        return;
      }
      case 'timeout':
        this.setState({ kind: 'busy', kernel, timeoutMs: this.options.timeoutMs() });
        void run.late.then((late) => {
          // Only if nothing newer has answered meanwhile.
          if (id >= this.applied && late.kind !== 'timeout') this.apply(late, kernel, id);
        });
        return;
      case 'aborted':
        this.setState({
          kind: 'error',
          kernel,
          message: 'The kernel dropped the check because a cell before it failed',
        });
        return;
      case 'failed':
        this.options.log(`probe request failed: ${run.message}`);
        this.setState({ kind: 'dead', kernel, status: 'not answering' });
        return;
      case 'error':
      case 'protocol':
        this.options.log(`probe ${run.kind === 'error' ? 'error' : 'protocol error'}: ${run.message}`);
        this.setState({ kind: 'error', kernel, message: run.message });
        return;
    }
  }
}
