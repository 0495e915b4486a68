/**
 * Runs the built CLI's `check` asynchronously (a synchronous spawn would block the token endpoint this very
 * process serves), and the engine with the Node transport, for the live-check suites.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { planChecks, type CheckOptions } from '../../../src/core/check/plan';
import { runChecks } from '../../../src/core/check/run';
import type { CheckResult } from '../../../src/core/check/types';
import { sendWithNode } from '../../../src/node/check/nodeTransport';
import { readSnapshot } from '../../../src/node/readSnapshot';
import { CLI } from '../../support/runCli';

export interface CheckRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** `checks` of --json output (empty when the output was not JSON). */
  readonly checks: CheckResult[];
}

export function runCheckCli(args: readonly string[], env: Record<string, string>): Promise<CheckRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm test does)`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'check', ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      let checks: CheckResult[] = [];
      if (args.includes('--json')) {
        try {
          checks = (JSON.parse(stdout) as { checks: CheckResult[] }).checks;
        } catch {
          checks = [];
        }
      }
      resolve({ status, stdout, stderr, checks });
    });
  });
}

/** The engine and the Node transport directly, with the same Snapshot reader as the CLI. */
export function runEngine(
  env: Record<string, string>,
  options: CheckOptions,
  timeoutMs = 5000,
): Promise<CheckResult[]> {
  return runChecks(planChecks(readSnapshot(env), options), { send: sendWithNode, now: Date.now, timeoutMs });
}

/** Fails when any canary appears in the text. */
export function expectNoCanary(text: string, canaries: readonly string[]): void {
  for (const canary of canaries) expect(text.includes(canary) ? canary : null).toBeNull();
}
