/**
 * Lint as diagnostics. A Secret or PodDefault is judged with the others it is applied with (a PodDefault's Secret
 * usually sits in another file), so every lint takes the set: the document, the other open YAML documents and
 * the workspace's YAML files that hold Secrets or PodDefaults. The findings of the whole set are published, each
 * on the range of the YAML node it is about. Runs on open and on save of a manifest, and on demand.
 */
import * as vscode from 'vscode';
import { decodeUtf8 } from '../core/bytes';
import type { LintFile, LintResult } from '../core/lint';
import { DIAGNOSTIC_SOURCE } from './ids';
import { diagnosticsByFile, holdsManifests, type DiagnosticData } from './lintRanges';

/** Workspace files read per lint, and the largest read: a manifest set is small; a repository may not be. */
const MAX_WORKSPACE_FILES = 200;
const MAX_FILE_BYTES = 1024 * 1024;
const YAML_GLOB = '**/*.{yaml,yml}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**,**/dist/**,**/build/**}';

const SEVERITY: Record<DiagnosticData['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toVscodeDiagnostic(d: DiagnosticData): vscode.Diagnostic {
  const range = new vscode.Range(
    d.range.startLine,
    d.range.startCharacter,
    d.range.endLine,
    d.range.endCharacter,
  );
  const diagnostic = new vscode.Diagnostic(range, d.message, SEVERITY[d.severity]);
  diagnostic.code = d.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

/** Documents the user edits (not git's or an output channel's views of them). */
const EDITED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

export function isYamlDocument(doc: vscode.TextDocument): boolean {
  return EDITED_SCHEMES.has(doc.uri.scheme) && (doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.uri.path));
}

/** The name the engine sees: the path for files (messages name it); its suffix tells Markdown from YAML. */
export function lintName(doc: vscode.TextDocument): string {
  const name = doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString();
  if (doc.languageId === 'markdown' && !/\.(md|markdown)$/i.test(name)) return `${name}.md`;
  if (doc.languageId === 'shellscript' && !/\.(sh|bash)$/i.test(name)) return `${name}.sh`;
  return name;
}

export interface LintOutcome {
  readonly result: LintResult;
  /** Findings published for the document asked about. */
  readonly inDocument: readonly DiagnosticData[];
}

export class LintDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private runner: Promise<typeof import('./lintRunner')> | null = null;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly namespace: () => string | undefined) {}

  /** Lints manifests on open and save, and those already open now. */
  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.lintIfManifest(doc)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.lintIfManifest(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme !== 'file') this.collection.delete(doc.uri);
      }),
    );
    const open = vscode.workspace.textDocuments.find(
      (doc) => isYamlDocument(doc) && holdsManifests(doc.getText()),
    );
    if (open) this.lintIfManifest(open);
  }

  private lintIfManifest(doc: vscode.TextDocument): void {
    if (!isYamlDocument(doc) || !holdsManifests(doc.getText())) return;
    void this.lint(doc).catch(() => undefined);
  }

  /** Lints `doc` with the rest of the set; runs one at a time, in order. */
  lint(doc: vscode.TextDocument): Promise<LintOutcome> {
    const run = this.pending.then(() => this.lintNow(doc));
    this.pending = run.catch(() => undefined);
    return run;
  }

  private async lintNow(doc: vscode.TextDocument): Promise<LintOutcome> {
    this.runner ??= import(/* webpackChunkName: "lint" */ './lintRunner');
    const { runLint } = await this.runner;
    const uris = new Map<string, vscode.Uri>();
    const files: LintFile[] = [];
    const add = (name: string, uri: vscode.Uri, text: string) => {
      if (uris.has(name)) return;
      uris.set(name, uri);
      files.push({ name, text });
    };
    const primary = lintName(doc);
    add(primary, doc.uri, doc.getText());
    for (const other of vscode.workspace.textDocuments) {
      if (other !== doc && isYamlDocument(other) && holdsManifests(other.getText())) {
        add(lintName(other), other.uri, other.getText());
      }
    }
    for (const { uri, text } of await this.workspaceManifests()) {
      if (!uris.has(uri.fsPath)) add(uri.fsPath, uri, text);
    }
    const result = runLint(files, this.namespace());
    const byFile = diagnosticsByFile(result.findings, [...uris.keys()], primary);
    this.collection.clear();
    for (const [name, list] of byFile) {
      const uri = uris.get(name);
      if (uri) this.collection.set(uri, list.map(toVscodeDiagnostic));
    }
    return { result, inDocument: byFile.get(primary) ?? [] };
  }

  /** Saved YAML files of the workspace that hold Secrets or PodDefaults (open documents count as they are now). */
  private async workspaceManifests(): Promise<{ uri: vscode.Uri; text: string }[]> {
    if (!vscode.workspace.workspaceFolders?.length) return [];
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const found = await vscode.workspace.findFiles(YAML_GLOB, EXCLUDE_GLOB, MAX_WORKSPACE_FILES);
    const out: { uri: vscode.Uri; text: string }[] = [];
    for (const uri of found) {
      if (open.has(uri.toString())) continue;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_FILE_BYTES) continue;
        const text = decodeUtf8(await vscode.workspace.fs.readFile(uri));
        if (text !== null && holdsManifests(text)) out.push({ uri, text });
      } catch {
        // Gone or unreadable since findFiles: not part of the set.
      }
    }
    return out;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
