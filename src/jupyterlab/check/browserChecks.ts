/**
 * The panel's live checks: the same planning as the CLI and VS Code (planChecks) on the Snapshot the probe
 * brought back (env, config.json, credentials and certificate bytes), run with the kernel transport. The browser
 * reads nothing itself. MinIO's keys come with the kernel's environment (MINIO_ACCESS_KEY / MINIO_SECRET_KEY);
 * without them MinIO is checked for reachability only.
 */
import { planChecks, type CheckPlan } from '../../core/check/plan';
import { runChecks } from '../../core/check/run';
import type { CheckResult } from '../../core/check/types';
import type { Snapshot } from '../../core/snapshot';
import type { ProbeKernel } from '../probe/runProbe';
import type { PanelSettings } from '../settings';
import { kernelCheckTransport } from './kernelCheckTransport';

export function planBrowserChecks(snapshot: Snapshot, settings: PanelSettings): CheckPlan[] {
  return planChecks(snapshot, {
    docker: true,
    storage: true,
    images: settings.image ? [settings.image] : [],
    storageProvider: settings.checkStorageProvider,
    storageUri: settings.checkStorageUri,
    minioEndpoint: settings.minioEndpoint,
    insecureRegistries: [],
  });
}

/** Runs the checks through the kernel; `onResult` hears of each as it ends (the panel shows it at once). */
export async function runBrowserChecks(
  snapshot: Snapshot,
  settings: PanelSettings,
  kernel: ProbeKernel,
  onResult: (result: CheckResult) => void = () => undefined,
  now: () => number = Date.now,
): Promise<CheckResult[]> {
  const options = { send: kernelCheckTransport(kernel), now, timeoutMs: settings.checkTimeoutMs };
  // The kernel runs one execute at a time: checks started together would queue behind a silent server and spend
  // their own time budget waiting (a later round trip then gets ~1 ms). One check after another, each its budget.
  const results: CheckResult[] = [];
  for (const plan of planBrowserChecks(snapshot, settings)) {
    for (const result of await runChecks([plan], options)) {
      results.push(result);
      onResult(result);
    }
  }
  return results;
}
