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

describe('the tree provider with live checks', () => {
  test('kept results show as a section after the verdict, and a new result refreshes the view', () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { CredentialsTreeProvider } =
      require('../../src/vscode/treeProvider') as typeof import('../../src/vscode/treeProvider');
    const { CredentialsModel } =
      require('../../src/vscode/credentialsModel') as typeof import('../../src/vscode/credentialsModel');
    const { LiveChecks } =
      require('../../src/vscode/liveChecks') as typeof import('../../src/vscode/liveChecks');
    const { snapshotOf } = require('./fixtures') as typeof import('./fixtures');
    /* eslint-enable @typescript-eslint/no-require-imports */
    let now = 1_000_000;
    const model = new CredentialsModel({
      env: () => ({}),
      image: () => '',
      readSnapshot: () => snapshotOf(),
    });
    const checks = new LiveChecks(() => now);
    const provider = new CredentialsTreeProvider(model, checks, () => now);
    expect(provider.getChildren().map((n) => n.id)).not.toContain('checks');
    let fired = 0;
    provider.onDidChangeTreeData(() => fired++);
    checks.put([
      {
        target: 'localhost:5000',
        kind: 'docker',
        outcome: 'ok',
        reason: 'authenticated',
        detail: '200',
        ms: 1,
      },
    ]);
    expect(fired).toBe(1);
    now += 3 * 60_000;
    const roots = provider.getChildren();
    expect(roots[1].label).toBe('Live checks');
    expect(roots[0].contextValue).toBe('verdict');
    const [item] = provider.getChildren(roots[1]);
    expect(provider.getTreeItem(item).description).toBe('ok (authenticated) · 3 min ago');
    provider.dispose();
    checks.dispose();
    model.dispose();
  });
});
