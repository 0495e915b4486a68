/** The thin VS Code adapters, against the stub: tree items, diagnostics. */
jest.mock('vscode', () => jest.requireActual('./vscodeStub').createVscodeStub(), { virtual: true });

import { toVscodeDiagnostic } from '../../src/vscode/lintDiagnostics';
import { toTreeItem } from '../../src/vscode/treeProvider';
import { DiagnosticSeverity, ThemeIcon, TreeItemCollapsibleState } from './vscodeStub';

describe('tree items', () => {
  test('a leaf: label, description, tooltip, coloured ThemeIcon, command', () => {
    const item = toTreeItem({
      id: 'docker/registry/0',
      label: 'registry.example.com',
      description: 'alice · password set',
      tooltip: 'config.json entry',
      icon: 'account',
      tone: 'ok',
      command: { command: 'c', title: 't', args: ['x'] },
    });
    expect(item.collapsibleState).toBe(TreeItemCollapsibleState.None);
    expect(item).toMatchObject({
      id: 'docker/registry/0',
      label: 'registry.example.com',
      description: 'alice · password set',
    });
    const icon = item.iconPath as unknown as ThemeIcon;
    expect(icon.id).toBe('account');
    expect(icon.color?.id).toBe('testing.iconPassed');
    expect(item.command).toEqual({ command: 'c', title: 't', arguments: ['x'] });
  });

  test('parents are expanded or collapsed as the node says; neutral icons have no colour', () => {
    const child = { id: 'c', label: 'c' };
    expect(toTreeItem({ id: 'p', label: 'p', children: [child], expanded: true }).collapsibleState).toBe(
      TreeItemCollapsibleState.Expanded,
    );
    expect(toTreeItem({ id: 'p', label: 'p', children: [child] }).collapsibleState).toBe(
      TreeItemCollapsibleState.Collapsed,
    );
    const neutral = toTreeItem({ id: 'n', label: 'n', icon: 'file' }).iconPath as unknown as ThemeIcon;
    expect(neutral.color).toBeUndefined();
  });

  test('severity tones map to the Problems panel colours', () => {
    const color = (tone: 'error' | 'warning' | 'info') =>
      (toTreeItem({ id: 'x', label: 'x', icon: tone, tone }).iconPath as unknown as ThemeIcon).color?.id;
    expect(color('error')).toBe('problemsErrorIcon.foreground');
    expect(color('warning')).toBe('problemsWarningIcon.foreground');
    expect(color('info')).toBe('problemsInfoIcon.foreground');
  });
});

describe('diagnostics', () => {
  test('a range, a severity, the code and our source', () => {
    const d = toVscodeDiagnostic({
      range: { startLine: 4, startCharacter: 6, endLine: 6, endCharacter: 30 },
      severity: 'warning',
      message: 'm\nFix: f',
      code: 'PD_SELECTOR_REUSED',
      fix: 'f',
    });
    expect(d.range.start).toEqual({ line: 4, character: 6 });
    expect(d.range.end).toEqual({ line: 6, character: 30 });
    expect(d.severity).toBe(DiagnosticSeverity.Warning);
    expect(d.code).toBe('PD_SELECTOR_REUSED');
    expect(d.source).toBe('kaptain-credentials');
  });
});
