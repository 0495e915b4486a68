/** The credentials view: TreeNodes (treeModel.ts) as VS Code TreeItems, refreshed with the model. */
import * as vscode from 'vscode';
import { liveChecksNode, withLiveChecks } from './checkNodes';
import type { CredentialsModel } from './credentialsModel';
import type { LiveChecks } from './liveChecks';
import type { Tone, TreeNode } from './treeModel';

const TONE_COLOR: Record<Tone, string | null> = {
  ok: 'testing.iconPassed',
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  info: 'problemsInfoIcon.foreground',
  neutral: null,
};

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const hasChildren = (node.children?.length ?? 0) > 0;
  const item = new vscode.TreeItem(
    node.label,
    !hasChildren
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  if (node.description !== undefined) item.description = node.description;
  if (node.tooltip !== undefined) item.tooltip = node.tooltip;
  if (node.icon !== undefined) {
    const color = TONE_COLOR[node.tone ?? 'neutral'];
    item.iconPath = new vscode.ThemeIcon(node.icon, color ? new vscode.ThemeColor(color) : undefined);
  }
  if (node.contextValue !== undefined) item.contextValue = node.contextValue;
  if (node.command !== undefined) {
    item.command = {
      command: node.command.command,
      title: node.command.title,
      arguments: node.command.args ? [...node.command.args] : undefined,
    };
  }
  return item;
}

export class CredentialsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly model: CredentialsModel,
    private readonly checks?: LiveChecks,
    private readonly now: () => number = Date.now,
  ) {
    this.subscriptions = [model.onDidChange(() => this.changed.fire())];
    if (checks) this.subscriptions.push(checks.onDidChange(() => this.changed.fire()));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return [...(node.children ?? [])];
    const checks = this.checks ? liveChecksNode(this.checks.current(), this.now()) : null;
    return withLiveChecks(this.model.current.nodes, checks);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
