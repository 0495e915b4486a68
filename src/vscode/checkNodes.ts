/**
 * Live check results as tree nodes: one item per check under "Live checks", an icon per outcome, the outcome and
 * reason with the result's age, and the server's answer and the fix in the tooltip. Pure (the clock is the
 * caller's) and free of the check engine, so activation stays small. Results hold no secret (the engine's
 * guarantee); nothing here adds any.
 */
import { ageLabel, type KeptResult } from '../core/check/cache';
import { fixFor } from '../core/check/fixes';
import { outcomeLabel } from '../core/check/outcomeLabel';
import { passed, type CheckOutcome, type CheckResult } from '../core/check/types';
import type { Tone, TreeNode } from './treeModel';

export const LIVE_CHECKS_ID = 'checks';

const OUTCOME_ICON: Record<CheckOutcome, { icon: string; tone: Tone }> = {
  ok: { icon: 'pass', tone: 'ok' },
  unauthorized: { icon: 'lock', tone: 'error' },
  no_credentials: { icon: 'key', tone: 'warning' },
  bucket_missing: { icon: 'database', tone: 'error' },
  tls_error: { icon: 'shield', tone: 'error' },
  unreachable: { icon: 'debug-disconnect', tone: 'error' },
  timeout: { icon: 'watch', tone: 'error' },
  error: { icon: 'error', tone: 'error' },
};

export function outcomeIcon(outcome: CheckOutcome): { icon: string; tone: Tone } {
  return OUTCOME_ICON[outcome] ?? OUTCOME_ICON.error;
}

const KIND_LABEL: Record<CheckResult['kind'], string> = {
  docker: 'registry',
  s3: 'S3',
  minio: 'MinIO',
};

function pushText(push: boolean | null | undefined): string {
  return push === true ? 'push granted' : push === false ? 'push not granted' : '';
}

export function checkNode(kept: KeptResult, nowMs: number): TreeNode {
  const r = kept.result;
  const { icon, tone } = outcomeIcon(r.outcome);
  const age = ageLabel(kept.atMs, nowMs);
  const fix = passed(r) ? null : fixFor(r);
  return {
    id: `checks/${r.kind}/${r.target}`,
    label: r.target,
    description: `${outcomeLabel(r)} · ${age}`,
    icon,
    tone,
    tooltip: [
      `${KIND_LABEL[r.kind] ?? r.kind} ${r.target}: ${outcomeLabel(r)}`,
      r.detail,
      pushText(r.push),
      r.provider ? `with ${r.provider}` : '',
      fix ? `Fix: ${fix}` : '',
      `checked ${age}, took ${r.ms} ms`,
    ]
      .filter((l) => l !== '')
      .join('\n'),
    contextValue: 'checkResult',
  };
}

/** The "Live checks" section, or null when no result is kept. */
export function liveChecksNode(kept: readonly KeptResult[], nowMs: number): TreeNode | null {
  if (kept.length === 0) return null;
  const failed = kept.filter((k) => !passed(k.result)).length;
  const newest = Math.max(...kept.map((k) => k.atMs));
  return {
    id: LIVE_CHECKS_ID,
    label: 'Live checks',
    description: `${kept.length - failed} passed, ${failed} failed · ${ageLabel(newest, nowMs)}`,
    icon: failed > 0 ? 'error' : 'pass',
    tone: failed > 0 ? 'error' : 'ok',
    tooltip:
      'What the servers answered to Check Credentials, with the credentials the SDK would use. Results are kept a few minutes; run the check again for a fresh answer.',
    children: kept.map((k) => checkNode(k, nowMs)),
    expanded: true,
  };
}

/** The view's roots with the live checks placed right after the verdict. */
export function withLiveChecks(roots: readonly TreeNode[], checks: TreeNode | null): TreeNode[] {
  if (checks === null) return [...roots];
  return roots.length === 0 ? [checks] : [roots[0], checks, ...roots.slice(1)];
}
