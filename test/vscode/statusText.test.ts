import { computeState } from '../../src/vscode/credentialsModel';
import { statusPresentation } from '../../src/vscode/statusText';
import type { Verdict } from '../../src/core/verdict';
import { snapshotOf } from './fixtures';

const verdict = (v: Partial<Verdict>): Verdict => ({
  ready: true,
  headline: 'Config.default() is ready',
  short: 'Kaptain: ready',
  firstFix: null,
  errors: 0,
  warnings: 0,
  ...v,
});

describe('status bar text', () => {
  test('ready: a check, no background', () => {
    expect(statusPresentation(verdict({}))).toMatchObject({
      text: '$(check) Kaptain: ready',
      background: null,
    });
  });

  test('config.json missing: an error icon, the error background and the fix in the tooltip', () => {
    const state = computeState(snapshotOf({ docker: null }), '');
    const shown = statusPresentation(state.verdict);
    expect(shown.text).toBe('$(error) Kaptain: config.json missing');
    expect(shown.background).toBe('statusBarItem.errorBackground');
    expect(shown.tooltip).toContain('Model(...) will fail: config.json missing');
    expect(shown.tooltip).toMatch(/Fix: /);
  });

  test('ready with error findings: a warning icon and the warning background', () => {
    const shown = statusPresentation(verdict({ short: 'Kaptain: ready, 2 errors', errors: 2, warnings: 1 }));
    expect(shown.text).toBe('$(warning) Kaptain: ready, 2 errors');
    expect(shown.background).toBe('statusBarItem.warningBackground');
    expect(shown.tooltip).toContain('Findings: 2 errors, 1 warning');
  });

  test('warnings alone do not colour the item', () => {
    expect(statusPresentation(verdict({ warnings: 3 })).background).toBeNull();
  });
});
