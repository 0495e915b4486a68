/**
 * What the view and the status bar show: the Report of the extension host's HOME and environment, its verdict
 * and the tree nodes. Refreshed on demand and, coalesced, when a watched file changes. The Snapshot (which holds
 * the files' bytes) is dropped as soon as the Report is made: nothing secret stays in memory here.
 */
import { inspect } from '../core/inspect';
import type { Report } from '../core/report';
import type { Snapshot } from '../core/snapshot';
import { verdictOf, type Verdict } from '../core/verdict';
import { readSnapshot } from '../node/readSnapshot';
import { reportToTree, type TreeNode } from './treeModel';

export interface ModelState {
  readonly report: Report;
  readonly verdict: Verdict;
  readonly nodes: readonly TreeNode[];
}

export interface ModelSources {
  readonly env: () => NodeJS.ProcessEnv;
  /** The `image` setting ('' when unset). */
  readonly image: () => string;
  readonly readSnapshot?: (env: NodeJS.ProcessEnv) => Snapshot;
}

/** Long enough to fold the several events one save or Secret update makes, short enough to feel immediate. */
export const REFRESH_DELAY_MS = 50;

export function computeState(snapshot: Snapshot, image: string): ModelState {
  const report = inspect(snapshot, { images: image === '' ? [] : [image] });
  const verdict = verdictOf(report);
  return { report, verdict, nodes: reportToTree(report, verdict, image) };
}

export class CredentialsModel {
  private state: ModelState | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(state: ModelState) => void>();

  constructor(private readonly sources: ModelSources) {}

  get current(): ModelState {
    return this.state ?? this.refresh();
  }

  /** Reads and inspects now; listeners hear of the new state. */
  refresh(): ModelState {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const read = this.sources.readSnapshot ?? readSnapshot;
    this.state = computeState(read(this.sources.env()), this.sources.image());
    for (const listener of [...this.listeners]) listener(this.state);
    return this.state;
  }

  /** A refresh after REFRESH_DELAY_MS, however many times this is called meanwhile. */
  scheduleRefresh(delayMs = REFRESH_DELAY_MS): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, delayMs);
  }

  onDidChange(listener: (state: ModelState) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }
}
