/**
 * "Insert Config snippet": the Python of a usable alternative to Config.default(), into the active Python editor
 * or notebook cell; with neither open, into a new untitled Python editor.
 */
import * as vscode from 'vscode';
import type { Alternative } from '../core/report';

function snippetOf(arg: unknown): string | null {
  const snippet = (arg as { snippet?: unknown } | null | undefined)?.snippet;
  return typeof snippet === 'string' ? snippet : null;
}

async function pickSnippet(alternatives: readonly Alternative[]): Promise<string | null> {
  if (alternatives.length === 0) {
    void vscode.window.showInformationMessage(
      'No alternative to Config.default() is usable here: set up S3 credentials (~/.aws/credentials or AWS_* variables) or a config.json first.',
    );
    return null;
  }
  if (alternatives.length === 1) return alternatives[0].snippet;
  const picked = await vscode.window.showQuickPick(
    alternatives.map((a) => ({
      label: a.title,
      detail: `${a.dockerProvider} + ${a.storageProvider}`,
      snippet: a.snippet,
    })),
    { title: 'Insert Config snippet', placeHolder: 'Which Config to build' },
  );
  return picked?.snippet ?? null;
}

/** Inserts on its own lines at the cursor: a snippet is whole statements. */
async function insertInto(editor: vscode.TextEditor, snippet: string): Promise<void> {
  const position = editor.selection.active;
  const line = editor.document.lineAt(position.line);
  const atEmptyLine = line.isEmptyOrWhitespace;
  const where = atEmptyLine ? line.range.start : line.range.end;
  const text = atEmptyLine ? snippet : `\n${snippet.replace(/\n$/, '')}`;
  await editor.edit((edit) => edit.insert(where, text));
}

export async function insertConfigSnippet(
  alternatives: readonly Alternative[],
  arg?: unknown,
): Promise<void> {
  const snippet = snippetOf(arg) ?? (await pickSnippet(alternatives));
  if (snippet === null) return;
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'python') {
    // A notebook's active cell is a text editor too (scheme vscode-notebook-cell).
    await insertInto(editor, snippet);
    return;
  }
  const notebook = vscode.window.activeNotebookEditor;
  if (notebook) {
    const index = notebook.selections[0]?.end ?? notebook.notebook.cellCount;
    const edit = new vscode.WorkspaceEdit();
    const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, snippet, 'python');
    edit.set(notebook.notebook.uri, [vscode.NotebookEdit.insertCells(index, [cell])]);
    await vscode.workspace.applyEdit(edit);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content: snippet });
  await vscode.window.showTextDocument(doc);
}
