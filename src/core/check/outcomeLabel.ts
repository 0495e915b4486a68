/**
 * How a result's outcome reads in a face: `unauthorized (bad_credentials)`, or `timeout` alone where the reason only
 * repeats it. `paint` colours the outcome (the CLI's terminal colours).
 */
import type { CheckResult } from './types';

export function outcomeLabel(
  result: Pick<CheckResult, 'outcome' | 'reason'>,
  paint: (text: string) => string = (text) => text,
): string {
  const outcome = paint(result.outcome);
  return result.reason === result.outcome ? outcome : `${outcome} (${result.reason})`;
}
