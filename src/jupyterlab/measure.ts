/**
 * "Measure probe speed": 50 probes and 50 empty silent executes on the dedicated kernel, through JupyterLab's
 * kernel connection, alternated so that drift hits both alike. For troubleshooting, and for `npm run bench`.
 */
import type { ProbeKernel } from './probe/runProbe';
import { runProbe, silentExecute } from './probe/runProbe';

export interface ProbeTimings {
  readonly runs: number;
  readonly probeMedianMs: number;
  readonly probeP95Ms: number;
  readonly emptyMedianMs: number;
  readonly emptyP95Ms: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export async function measureProbe(kernel: ProbeKernel, runs = 50): Promise<ProbeTimings> {
  const probe: number[] = [];
  const empty: number[] = [];
  const emptyContent = { ...silentExecute([]), user_expressions: {} };
  // One warm-up of each (imports, first JSON display).
  await runProbe(kernel, 60000);
  await kernel.execute(emptyContent);
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    const run = await runProbe(kernel, 60000);
    probe.push(performance.now() - start);
    if (run.kind !== 'facts') throw new Error(`probe ${i} gave ${run.kind}`);
    start = performance.now();
    await kernel.execute(emptyContent);
    empty.push(performance.now() - start);
  }
  probe.sort((a, b) => a - b);
  empty.sort((a, b) => a - b);
  return {
    runs,
    probeMedianMs: quantile(probe, 0.5),
    probeP95Ms: quantile(probe, 0.95),
    emptyMedianMs: quantile(empty, 0.5),
    emptyP95Ms: quantile(empty, 0.95),
  };
}
