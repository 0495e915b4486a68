/** Kept check results to the rows the panel's "Live checks" section shows: only the result's own fields. */
import { ageLabel, type KeptResult } from '../../core/check/cache';
import type { CheckOutcome } from '../../core/check/types';
import type { Tone } from '../model/sections';

export interface CheckRow {
  readonly key: string;
  readonly target: string;
  readonly kind: string;
  readonly tone: Tone;
  readonly outcome: CheckOutcome;
  readonly reason: string;
  readonly detail: string;
  readonly age: string;
}

export function toneOf(outcome: CheckOutcome): Tone {
  switch (outcome) {
    case 'ok':
      return 'ok';
    case 'timeout':
    case 'unreachable':
      return 'warning';
    default:
      return 'error';
  }
}

export function checkRows(kept: readonly KeptResult[], nowMs: number): CheckRow[] {
  return kept.map(({ result, atMs }) => ({
    key: `${result.kind} ${result.target}`,
    target: result.target,
    kind: result.provider ? `${result.kind} (${result.provider})` : result.kind,
    tone: toneOf(result.outcome),
    outcome: result.outcome,
    // Nothing where the reason only repeats the outcome (`timeout`).
    reason: result.reason === result.outcome ? '' : result.reason.replace(/_/g, ' '),
    detail: result.detail,
    age: ageLabel(atMs, nowMs),
  }));
}
