/**
 * Does this cell train with Kaptain? A call of .build(, .train(, .tune( or .deploy( in the cell, in a notebook
 * that uses the Kaptain SDK (an import of `kaptain`). Comments and strings are not parsed: a false alarm costs
 * one dismissable notification, a miss costs a failed training run.
 */
const TRAINING_CALL = /\.\s*(build|train|tune|deploy)\s*\(/;
const USES_KAPTAIN = /^\s*(from\s+kaptain[.\s]|import\s+kaptain\b)/m;

function withoutComments(source: string): string {
  return source
    .split('\n')
    .map((line) => (line.trimStart().startsWith('#') ? '' : line))
    .join('\n');
}

export function isKaptainTrainingCell(cellSource: string, notebookSources: readonly string[]): boolean {
  if (!TRAINING_CALL.test(withoutComments(cellSource))) return false;
  return notebookSources.some((source) => USES_KAPTAIN.test(source));
}
