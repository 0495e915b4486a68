/**
 * The VS Code face: activate() only wires. The extension host is Node, so it reads HOME, the environment and the
 * files itself (the Node reader) and hands them to the engine. The manifests and lint commands load their chunks
 * (with the YAML library) on first use, and Check credentials its chunk (the live check engine and transport),
 * keeping activation small.
 */
import * as vscode from 'vscode';
import { podNamespace } from '../node/podNamespace';
import { CredentialsModel, type ModelState } from './credentialsModel';
import { checkImage } from './imageCommand';
import { COMMANDS, CONTEXT_STATE, SETTINGS_SECTION, VIEW_ID, type ViewState } from './ids';
import { LintDiagnostics } from './lintDiagnostics';
import { LiveChecks } from './liveChecks';
import { readSettings, type Settings } from './settings';
import { insertConfigSnippet } from './snippetCommand';
import { VerdictStatusBar } from './statusBar';
import { CredentialsTreeProvider } from './treeProvider';
import { CredentialWatchers } from './watchers';

function currentSettings(): Settings {
  return readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
}

/** Runs a command; a failure says which command and the kind of error, never text that could hold input. */
function guarded(name: string, run: (...args: unknown[]) => unknown): (...args: unknown[]) => Promise<void> {
  return async (...args) => {
    try {
      await run(...args);
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Kaptain Credentials: ${name} failed (${(error as Error | undefined)?.name ?? 'error'}).`,
      );
    }
  };
}

async function lintActiveEditor(lint: LintDiagnostics): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(
      'Open a YAML, Markdown or shell file with Secrets or PodDefaults first.',
    );
    return;
  }
  const { result, inDocument } = await lint.lint(editor.document);
  if (result.objects.length === 0) {
    void vscode.window.showInformationMessage('No Secret or PodDefault found in the active editor.');
    return;
  }
  const errors = inDocument.filter((d) => d.severity === 'error').length;
  const warnings = inDocument.filter((d) => d.severity === 'warning').length;
  const summary = `Linted ${result.objects.length} object${result.objects.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in this editor.`;
  if (errors + warnings > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(summary);
}

export function activate(context: vscode.ExtensionContext): void {
  const model = new CredentialsModel({ env: () => process.env, image: () => currentSettings().image });
  const checks = new LiveChecks();
  const tree = new CredentialsTreeProvider(model, checks);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const status = new VerdictStatusBar();
  const watchers = new CredentialWatchers(() => model.scheduleRefresh());
  const lint = new LintDiagnostics(() => currentSettings().namespace || podNamespace() || undefined);

  const show = (state: ModelState) => {
    status.update(state, currentSettings().statusBarEnabled);
    const viewState: ViewState = state.nodes.length === 0 ? 'nothingFound' : 'found';
    void vscode.commands.executeCommand('setContext', CONTEXT_STATE, viewState);
    const errors = state.verdict.errors;
    view.badge =
      errors > 0
        ? { value: errors, tooltip: `${errors} error finding${errors === 1 ? '' : 's'}` }
        : undefined;
    watchers.watch(state.report.home, process.env);
  };

  context.subscriptions.push(
    model,
    checks,
    tree,
    view,
    status,
    watchers,
    lint,
    model.onDidChange(show),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS_SECTION)) model.refresh();
    }),
    vscode.commands.registerCommand(
      COMMANDS.refresh,
      guarded('Refresh', () => model.refresh()),
    ),
    vscode.commands.registerCommand(
      COMMANDS.generateManifests,
      guarded('Generate manifests', async () =>
        (await import(/* webpackChunkName: "manifests" */ './manifestsCommand')).generateManifests(
          currentSettings(),
        ),
      ),
    ),
    vscode.commands.registerCommand(
      COMMANDS.insertConfigSnippet,
      guarded('Insert Config snippet', (arg) => insertConfigSnippet(model.current.report.alternatives, arg)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.checkImage,
      guarded('Check image credentials', (arg) => checkImage(currentSettings(), arg)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.checkCredentials,
      // Contacts servers: only ever on this command (palette, view title, the verdict's inline action).
      guarded('Check credentials', async () =>
        (await import(/* webpackChunkName: "check" */ './checkCommand')).checkCredentials(
          currentSettings(),
          checks,
          process.env,
        ),
      ),
    ),
    vscode.commands.registerCommand(
      COMMANDS.lintActiveEditor,
      guarded('Lint manifests', () => lintActiveEditor(lint)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.openDocs,
      guarded('Open documentation', () =>
        vscode.commands.executeCommand(
          'markdown.showPreview',
          vscode.Uri.joinPath(context.extensionUri, 'docs', 'vscode.md'),
        ),
      ),
    ),
    vscode.commands.registerCommand(
      COMMANDS.showView,
      guarded('Show view', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
    ),
  );

  show(model.refresh());
  lint.start();
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
