/** The lint engine (and its YAML parser), in a chunk of its own: loaded when a manifest is first linted. */
import { lintManifests, type LintFile, type LintResult } from '../core/lint';

export function runLint(files: readonly LintFile[], namespace: string | undefined): LintResult {
  return lintManifests(files, { namespace });
}
