/** The status bar item as plain data: text with a codicon, tooltip, and which background VS Code should use. */
import type { Verdict } from '../core/verdict';

export interface StatusPresentation {
  /** `$(check) Kaptain: ready`, `$(error) Kaptain: config.json missing`. */
  readonly text: string;
  readonly tooltip: string;
  /** A ThemeColor id; VS Code only honours statusBarItem.errorBackground and .warningBackground here. */
  readonly background: 'statusBarItem.errorBackground' | 'statusBarItem.warningBackground' | null;
}

export function statusPresentation(verdict: Verdict): StatusPresentation {
  const icon = !verdict.ready ? '$(error)' : verdict.errors > 0 ? '$(warning)' : '$(check)';
  const counts = [
    verdict.errors > 0 ? `${verdict.errors} error${verdict.errors === 1 ? '' : 's'}` : '',
    verdict.warnings > 0 ? `${verdict.warnings} warning${verdict.warnings === 1 ? '' : 's'}` : '',
  ].filter((p) => p !== '');
  const tooltip = [
    verdict.headline,
    counts.length > 0 ? `Findings: ${counts.join(', ')}` : '',
    !verdict.ready && verdict.firstFix ? `Fix: ${verdict.firstFix}` : '',
    'Click to open the Kaptain credentials view.',
  ]
    .filter((l) => l !== '')
    .join('\n');
  return {
    text: `${icon} ${verdict.short}`,
    tooltip,
    background: !verdict.ready
      ? 'statusBarItem.errorBackground'
      : verdict.errors > 0
        ? 'statusBarItem.warningBackground'
        : null,
  };
}
