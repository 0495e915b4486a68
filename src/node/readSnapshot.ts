/** The Node faces' gatherer (CLI, VS Code): HOME, the relevant environment and the files, as a Snapshot. */
import { homedir } from 'node:os';
import { isRelevantEnvName } from '../core/environment';
import { pathsToGather, snapshotPaths, type FileState, type Snapshot } from '../core/snapshot';
import { readFileState } from './readFileState';

export function relevantEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && isRelevantEnvName(name)) out[name] = value;
  }
  return out;
}

export function readSnapshot(env: NodeJS.ProcessEnv = process.env, nowMs: number = Date.now()): Snapshot {
  // docker/cli and Python's expanduser fall back to the passwd entry when HOME is unset.
  const home = env.HOME !== undefined && env.HOME !== '' ? env.HOME : safeHomedir();
  const relevant = relevantEnv(env);
  const files: Record<string, FileState> = {};
  for (const path of pathsToGather(snapshotPaths(home, relevant))) files[path] = readFileState(path);
  return { home, env: relevant, files, nowMs };
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return '/';
  }
}
