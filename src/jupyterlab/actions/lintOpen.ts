/** Lint of the manifests open in the editor area: YAML/JSON documents and the unsaved manifest editors. */
import type { JupyterFrontEnd } from '@jupyterlab/application';
import type { LintFile, LintResult } from '../../core/lint';
import { ManifestEditor } from './manifestEditor';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

interface DocumentLike {
  readonly context: { readonly path: string; readonly model: { toString(): string } };
}

function isDocument(widget: unknown): widget is DocumentLike {
  const context = (widget as { context?: { path?: unknown; model?: unknown } }).context;
  return !!context && typeof context.path === 'string' && !!context.model;
}

export function openManifestFiles(app: JupyterFrontEnd): LintFile[] {
  const files: LintFile[] = [];
  for (const widget of app.shell.widgets('main')) {
    if (widget instanceof ManifestEditor) files.push({ name: widget.displayName, text: widget.text });
    else if (isDocument(widget) && MANIFEST_FILE.test(widget.context.path))
      files.push({ name: widget.context.path, text: widget.context.model.toString() });
  }
  return files;
}

/** The lint engine is loaded on first use (it brings the YAML library). */
export async function lintFiles(
  files: readonly LintFile[],
  namespace: string | undefined,
): Promise<LintResult> {
  const { lintManifests } = await import('../../core/lint');
  return lintManifests(files, { namespace });
}
