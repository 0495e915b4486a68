/** Runs the built dist/cli.js as a real process, as the current user or as `nobody`. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** The whole environment of the process (nothing is inherited but PATH). */
  readonly env?: Record<string, string>;
  /** Run as the unprivileged user `nobody` (needs root; see canDropPrivileges). */
  readonly asNobody?: boolean;
  readonly input?: string;
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function runCli(args: readonly string[], options: RunOptions = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env };
  const [command, argv] = options.asNobody
    ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, CLI, ...args]]
    : [process.execPath, [CLI, ...args]];
  const result = spawnSync(command, argv, {
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
