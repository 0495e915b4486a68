/** The status bar verdict: `$(check) Kaptain: ready`; a click focuses the view; a setting hides it. */
import * as vscode from 'vscode';
import { COMMANDS } from './ids';
import { statusPresentation } from './statusText';
import type { ModelState } from './credentialsModel';

export class VerdictStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem(
      'kaptainCredentials.status',
      vscode.StatusBarAlignment.Left,
      10,
    );
    this.item.name = 'Kaptain Credentials';
    this.item.command = COMMANDS.showView;
  }

  update(state: ModelState, visible: boolean): void {
    const shown = statusPresentation(state.verdict);
    this.item.text = shown.text;
    this.item.tooltip = shown.tooltip;
    this.item.backgroundColor = shown.background ? new vscode.ThemeColor(shown.background) : undefined;
    this.item.accessibilityInformation = { label: shown.text.replace(/^\$\([a-z-]+\) /, ''), role: 'button' };
    if (visible) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
