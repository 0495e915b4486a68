/**
 * A small stand-in for the `vscode` module: the classes the extension constructs, and recording fakes of the
 * window, workspace, commands and languages namespaces. Tests map it with
 * `jest.mock('vscode', () => require('./vscodeStub').createVscodeStub(), { virtual: true })`.
 */

type Listener<T> = (value: T) => unknown;

export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string;
  iconPath?: ThemeIcon;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(
    readonly label: string,
    readonly collapsibleState: TreeItemCollapsibleState,
  ) {}
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  code?: string;
  source?: string;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity,
  ) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export enum ConfigurationTarget {
  Global = 1,
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class RelativePattern {
  constructor(
    readonly base: Uri,
    readonly pattern: string,
  ) {}
}

export interface FakeStatusBarItem {
  text: string;
  tooltip?: string;
  name?: string;
  command?: string;
  backgroundColor?: ThemeColor;
  accessibilityInformation?: unknown;
  visible: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
}

export interface FakeWatcher {
  readonly pattern: RelativePattern;
  readonly fire: (kind: 'create' | 'change' | 'delete') => void;
  disposed: boolean;
}

/** What a test can inspect after activate(). */
export interface StubRecord {
  readonly commands: Map<string, (...args: unknown[]) => unknown>;
  readonly executed: { command: string; args: unknown[] }[];
  readonly statusBarItems: FakeStatusBarItem[];
  readonly treeViews: { id: string; options: { treeDataProvider: unknown }; badge?: unknown }[];
  readonly watchers: FakeWatcher[];
  readonly diagnostics: Map<string, Diagnostic[]>;
  readonly messages: { kind: string; text: string }[];
  settings: Record<string, unknown>;
}

export function createVscodeStub() {
  const record: StubRecord = {
    commands: new Map(),
    executed: [],
    statusBarItems: [],
    treeViews: [],
    watchers: [],
    diagnostics: new Map(),
    messages: [],
    settings: {},
  };
  const noopEvent = () => ({ dispose: () => undefined });
  const message = (kind: string) => (text: string) => {
    record.messages.push({ kind, text });
    return Promise.resolve(undefined);
  };
  return {
    __record: record,
    EventEmitter,
    ThemeColor,
    ThemeIcon,
    TreeItem,
    TreeItemCollapsibleState,
    Position,
    Range,
    Diagnostic,
    DiagnosticSeverity,
    StatusBarAlignment,
    ConfigurationTarget,
    Uri,
    RelativePattern,
    window: {
      createStatusBarItem: () => {
        const item: FakeStatusBarItem = {
          text: '',
          visible: false,
          show() {
            item.visible = true;
          },
          hide() {
            item.visible = false;
          },
          dispose() {
            item.visible = false;
          },
        };
        record.statusBarItems.push(item);
        return item;
      },
      createTreeView: (id: string, options: { treeDataProvider: unknown }) => {
        const view = { id, options, badge: undefined as unknown, dispose: () => undefined };
        record.treeViews.push(view);
        return view;
      },
      showInformationMessage: message('info'),
      showWarningMessage: message('warning'),
      showErrorMessage: message('error'),
      activeTextEditor: undefined,
      activeNotebookEditor: undefined,
    },
    workspace: {
      getConfiguration: () => ({
        get: (key: string) => record.settings[key],
        update: (key: string, value: unknown) => {
          record.settings[key] = value;
          return Promise.resolve();
        },
      }),
      createFileSystemWatcher: (pattern: RelativePattern) => {
        const handlers: Record<string, Listener<unknown>[]> = { create: [], change: [], delete: [] };
        const watcher: FakeWatcher = {
          pattern,
          fire: (kind) =>
            handlers[kind].forEach((h) => h(Uri.file(`${pattern.base.path}/${pattern.pattern}`))),
          disposed: false,
        };
        record.watchers.push(watcher);
        const on = (kind: string) => (h: Listener<unknown>) => {
          handlers[kind].push(h);
          return { dispose: () => undefined };
        };
        return {
          onDidCreate: on('create'),
          onDidChange: on('change'),
          onDidDelete: on('delete'),
          dispose: () => {
            watcher.disposed = true;
          },
        };
      },
      onDidChangeConfiguration: noopEvent,
      onDidOpenTextDocument: noopEvent,
      onDidSaveTextDocument: noopEvent,
      onDidCloseTextDocument: noopEvent,
      textDocuments: [] as unknown[],
      workspaceFolders: undefined,
    },
    commands: {
      registerCommand: (id: string, run: (...args: unknown[]) => unknown) => {
        record.commands.set(id, run);
        return { dispose: () => record.commands.delete(id) };
      },
      executeCommand: (command: string, ...args: unknown[]) => {
        record.executed.push({ command, args });
        return Promise.resolve(undefined);
      },
    },
    languages: {
      createDiagnosticCollection: () => ({
        set: (uri: Uri, list: Diagnostic[]) => record.diagnostics.set(uri.toString(), list),
        delete: (uri: Uri) => record.diagnostics.delete(uri.toString()),
        clear: () => record.diagnostics.clear(),
        dispose: () => record.diagnostics.clear(),
      }),
    },
  };
}

export type VscodeStub = ReturnType<typeof createVscodeStub>;
