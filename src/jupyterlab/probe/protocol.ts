/**
 * Decoding the kernel's execute_reply into a Snapshot. Pure (no JupyterLab import), so jest tests it directly.
 * The reply is untrusted input: anything unexpected becomes a `protocol` outcome with a message, never a throw.
 */
import { decodeBase64Strict } from '../../core/bytes';
import { isRelevantEnvName } from '../../core/environment';
import { pathsToGather, snapshotPaths, type FileState, type Snapshot } from '../../core/snapshot';
import { PROBE_EXPRESSION_KEY, PROBE_PROTOCOL_VERSION } from './pythonSource';

/** What one probe round trip gave. */
export type ProbeOutcome =
  | { readonly kind: 'facts'; readonly facts: ProbeFacts }
  /** The request was queued behind a cell that failed (stop_on_error): nothing ran. */
  | { readonly kind: 'aborted' }
  /** The probe ran and said what went wrong (an error it caught, or the kernel's error for the expression). */
  | { readonly kind: 'error'; readonly message: string }
  /** The reply was not what the probe sends: not an IPython kernel, or another protocol version. */
  | { readonly kind: 'protocol'; readonly message: string };

/** The probe's facts, decoded: a Snapshot's parts and what else the pod tells. */
export interface ProbeFacts {
  readonly home: string;
  readonly env: Readonly<Record<string, string>>;
  readonly files: Readonly<Record<string, FileState>>;
  /** The pod's namespace from its service account, when the kernel runs in a pod. */
  readonly namespace: string | null;
}

const lossyDecoder = new TextDecoder('utf-8', { fatal: false });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text, or `{b64}` for bytes that are not UTF-8 (decoded with U+FFFD, as Node decodes env and paths). */
function wireText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.b64 === 'string') {
    const bytes = decodeBase64Strict(value.b64, false);
    return bytes === null ? null : lossyDecoder.decode(bytes);
  }
  return null;
}

function wireFileState(value: unknown): FileState | null {
  if (!isRecord(value)) return null;
  switch (value.kind) {
    case 'missing':
    case 'not_a_file':
    case 'unreadable':
      return { kind: value.kind };
    case 'too_large':
      return typeof value.size === 'number' && value.size >= 0
        ? { kind: 'too_large', size: value.size }
        : null;
    case 'file': {
      const bytes = typeof value.b64 === 'string' ? decodeBase64Strict(value.b64, false) : null;
      return bytes === null ? null : { kind: 'file', bytes };
    }
    default:
      return null;
  }
}

/** The probe's result object (what `collect()` returns). */
export function decodeProbeResult(result: unknown): ProbeOutcome {
  if (!isRecord(result)) return { kind: 'protocol', message: 'the probe returned no result object' };
  if (result.v !== PROBE_PROTOCOL_VERSION)
    return { kind: 'protocol', message: `the probe answered protocol version ${String(result.v)}` };
  if (typeof result.error === 'string') return { kind: 'error', message: result.error };
  const home = wireText(result.home);
  if (home === null || !Array.isArray(result.env) || !Array.isArray(result.files))
    return { kind: 'protocol', message: 'the probe result lacks home, env or files' };
  const env: Record<string, string> = {};
  for (const pair of result.env) {
    const name = Array.isArray(pair) ? wireText(pair[0]) : null;
    const value = Array.isArray(pair) ? wireText(pair[1]) : null;
    if (name === null || value === null)
      return { kind: 'protocol', message: 'an environment entry is malformed' };
    // The kernel filters too; filtering again here keeps any other variable out of the Snapshot.
    if (isRelevantEnvName(name)) env[name] = value;
  }
  const files: Record<string, FileState> = {};
  for (const pair of result.files) {
    const path = Array.isArray(pair) ? wireText(pair[0]) : null;
    const state = Array.isArray(pair) ? wireFileState(pair[1]) : null;
    if (path === null || state === null) return { kind: 'protocol', message: 'a file entry is malformed' };
    files[path] = state;
  }
  const namespace = typeof result.namespace === 'string' && result.namespace !== '' ? result.namespace : null;
  return { kind: 'facts', facts: { home, env, files, namespace } };
}

/** The content of the execute_reply to the probe's silent execute. */
export function decodeExecuteReply(content: unknown): ProbeOutcome {
  if (!isRecord(content)) return { kind: 'protocol', message: 'the kernel sent an empty reply' };
  if (content.status === 'aborted') return { kind: 'aborted' };
  if (content.status !== 'ok') {
    const ename = typeof content.ename === 'string' ? content.ename : 'error';
    return { kind: 'error', message: `the kernel refused the request (${ename})` };
  }
  const expressions = content.user_expressions;
  const value = isRecord(expressions) ? expressions[PROBE_EXPRESSION_KEY] : undefined;
  if (!isRecord(value))
    return { kind: 'protocol', message: 'the kernel ignored user_expressions (is it an IPython kernel?)' };
  if (value.status === 'error') {
    // evalue names what failed; the traceback is left out (it can quote source lines).
    const ename = typeof value.ename === 'string' ? value.ename : 'Error';
    const evalue = typeof value.evalue === 'string' ? value.evalue : '';
    return { kind: 'error', message: `${ename}: ${evalue}`.slice(0, 500) };
  }
  const data = value.data;
  if (!isRecord(data) || !('application/json' in data))
    return { kind: 'protocol', message: 'the kernel returned no JSON (is it an IPython kernel?)' };
  return decodeProbeResult(data['application/json']);
}

/** The paths the engine needs that this round did not read: the next round asks for them explicitly. */
export function missingPaths(facts: ProbeFacts): string[] {
  return pathsToGather(snapshotPaths(facts.home, facts.env)).filter(
    (p) => !Object.prototype.hasOwnProperty.call(facts.files, p),
  );
}

/** The Snapshot the engine reads: only the paths it asks for (nothing else read is kept in memory). */
export function toSnapshot(facts: ProbeFacts, nowMs: number): Snapshot {
  const files: Record<string, FileState> = {};
  for (const path of pathsToGather(snapshotPaths(facts.home, facts.env))) {
    files[path] = Object.prototype.hasOwnProperty.call(facts.files, path)
      ? facts.files[path]
      : { kind: 'missing' };
  }
  return { home: facts.home, env: facts.env, files, nowMs };
}
