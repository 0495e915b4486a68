/**
 * One probe: a silent execute with the probe as a user expression, a second round only when the engine needs a
 * path the first did not read (DOCKER_CONFIG elsewhere, a home the Python mirror saw differently), and a timeout
 * that never throws the reply away: a busy kernel answers later, and that late answer still counts.
 */
import { READ_LIMIT_BYTES } from '../../core/snapshot';
import { decodeExecuteReply, missingPaths, type ProbeFacts } from './protocol';
import { PROBE_EXPRESSION_KEY, probeExpression } from './pythonSource';

/** The execute_request content of the kernel protocol, as much as the probe uses. */
export interface SilentExecuteContent {
  readonly code: string;
  readonly silent: true;
  readonly store_history: false;
  readonly stop_on_error: false;
  readonly allow_stdin: false;
  readonly user_expressions: Record<string, string>;
}

/** What the probe needs of a kernel connection (JupyterLab's IKernelConnection, or a fake in tests). */
export interface ProbeKernel {
  /** Shown in the panel: "Python 3 (ipykernel), dedicated probe kernel". */
  readonly label: string;
  /** Resolves with the execute_reply's content; rejects when the kernel dies or the request is cancelled. */
  execute(content: SilentExecuteContent): Promise<unknown>;
}

export type ProbeRun =
  | { readonly kind: 'facts'; readonly facts: ProbeFacts }
  /** No reply within the timeout; `late` settles when the reply arrives (or the kernel goes away). */
  | { readonly kind: 'timeout'; readonly late: Promise<ProbeRun> }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'protocol'; readonly message: string }
  /** The request itself failed: the kernel died, restarted or the connection closed. */
  | { readonly kind: 'failed'; readonly message: string };

export function silentExecute(extraPaths: readonly string[]): SilentExecuteContent {
  return {
    code: '',
    silent: true,
    store_history: false,
    stop_on_error: false,
    allow_stdin: false,
    user_expressions: { [PROBE_EXPRESSION_KEY]: probeExpression(extraPaths, READ_LIMIT_BYTES) },
  };
}

async function round(kernel: ProbeKernel, extraPaths: readonly string[]): Promise<ProbeRun> {
  let content: unknown;
  try {
    content = await kernel.execute(silentExecute(extraPaths));
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : 'the request failed' };
  }
  const outcome = decodeExecuteReply(content);
  return outcome;
}

async function rounds(kernel: ProbeKernel): Promise<ProbeRun> {
  const first = await round(kernel, []);
  if (first.kind !== 'facts') return first;
  const missing = missingPaths(first.facts);
  if (missing.length === 0) return first;
  const second = await round(kernel, missing);
  if (second.kind !== 'facts') return second;
  return {
    kind: 'facts',
    facts: { ...second.facts, files: { ...first.facts.files, ...second.facts.files } },
  };
}

export function runProbe(kernel: ProbeKernel, timeoutMs: number): Promise<ProbeRun> {
  const all = rounds(kernel);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ProbeRun>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout', late: all }), timeoutMs);
  });
  return Promise.race([all, timeout]).finally(() => clearTimeout(timer));
}
