// VS Code extension figures: the size of dist/extension.js, the time to load it and run activate() with a stubbed
// `vscode` (in fresh processes, measured inside them: the extension host is already running when it loads us),
// and the time from a config.json change to the refreshed view model.
//   node bench/vscode.mjs            prints the figures (the lead wires `bench` into bench/run.mjs)
//   node bench/vscode.mjs --probe    prints JSON: which dist files activation loads, and which a command loads
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bundle = path.join(root, 'dist', 'extension.js');
const self = fileURLToPath(import.meta.url);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Just enough of the `vscode` API for activate(), recording what a bench needs to drive it. */
function makeStub() {
  const record = { watchers: [], treeProviders: [], statusBarItems: [], commands: new Map() };
  class EventEmitter {
    listeners = new Set();
    event = (l) => (this.listeners.add(l), { dispose: () => this.listeners.delete(l) });
    fire(v) {
      for (const l of [...this.listeners]) l(v);
    }
    dispose() {
      this.listeners.clear();
    }
  }
  class Uri {
    constructor(scheme, p) {
      this.scheme = scheme;
      this.path = p;
      this.fsPath = p;
    }
    static file(p) {
      return new Uri('file', p);
    }
    static joinPath(base, ...parts) {
      return new Uri(base.scheme, [base.path, ...parts].join('/'));
    }
    toString() {
      return `${this.scheme}://${this.path}`;
    }
  }
  const event = () => ({ dispose() {} });
  const vscode = {
    EventEmitter,
    Uri,
    ThemeIcon: class {
      constructor(id, color) {
        Object.assign(this, { id, color });
      }
    },
    ThemeColor: class {
      constructor(id) {
        this.id = id;
      }
    },
    TreeItem: class {
      constructor(label, collapsibleState) {
        Object.assign(this, { label, collapsibleState });
      }
    },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    ConfigurationTarget: { Global: 1 },
    RelativePattern: class {
      constructor(base, pattern) {
        Object.assign(this, { base, pattern });
      }
    },
    Range: class {},
    Diagnostic: class {},
    window: {
      createStatusBarItem: () => {
        const item = { show() {}, hide() {}, dispose() {} };
        record.statusBarItems.push(item);
        return item;
      },
      createTreeView: (_id, { treeDataProvider }) => {
        record.treeProviders.push(treeDataProvider);
        return { dispose() {} };
      },
      showQuickPick: async () => undefined,
      showInputBox: async () => undefined,
      showInformationMessage: async () => undefined,
      showWarningMessage: async () => undefined,
      showErrorMessage: async () => undefined,
    },
    workspace: {
      getConfiguration: () => ({ get: () => undefined }),
      createFileSystemWatcher: (pattern) => {
        const handlers = [];
        record.watchers.push({ pattern, fire: () => handlers.forEach((h) => h()) });
        const on = (h) => (handlers.push(h), { dispose() {} });
        return { onDidCreate: on, onDidChange: on, onDidDelete: on, dispose() {} };
      },
      onDidChangeConfiguration: event,
      onDidOpenTextDocument: event,
      onDidSaveTextDocument: event,
      onDidCloseTextDocument: event,
      textDocuments: [],
    },
    commands: {
      registerCommand: (id, run) => (record.commands.set(id, run), { dispose() {} }),
      executeCommand: async () => undefined,
    },
    languages: { createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {} }) },
  };
  return { vscode, record };
}

function installStub(vscode) {
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
}

const distLoaded = () =>
  Object.keys(createRequire(import.meta.url).cache)
    .filter((f) => f.startsWith(path.join(root, 'dist')))
    .map((f) => path.basename(f))
    .sort();

function context() {
  return { subscriptions: [], extensionUri: { scheme: 'file', path: root, fsPath: root } };
}

/** In a fresh process: load + activate, then (optionally) change config.json and time the refresh. */
async function child(mode) {
  const { vscode, record } = makeStub();
  installStub(vscode);
  const require = createRequire(import.meta.url);
  const start = process.hrtime.bigint();
  const extension = require(bundle);
  extension.activate(context());
  const activateMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (mode === 'activate') return { activateMs };
  if (mode === 'probe') {
    const afterActivate = distLoaded();
    await record.commands.get('kaptainCredentials.generateManifests')();
    return { afterActivate, afterGenerate: distLoaded(), status: record.statusBarItems[0].text };
  }
  // mode 'change': alternately remove and restore config.json, fire the watcher, wait for the new view model.
  const home = process.env.HOME;
  const file = path.join(home, '.docker', 'config.json');
  const provider = record.treeProviders[0];
  const watcher = record.watchers.find((w) => w.pattern.base.path === path.join(home, '.docker'));
  const samples = [];
  for (let i = 0; i < 21; i++) {
    const missing = i % 2 === 0;
    const changed = new Promise((resolve) => {
      const sub = provider.onDidChangeTreeData(() => (sub.dispose(), resolve()));
    });
    const t0 = process.hrtime.bigint();
    if (missing) renameSync(file, `${file}.away`);
    else renameSync(`${file}.away`, file);
    watcher.fire();
    await changed;
    const label = provider.getChildren()[0].label;
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (label.includes('will fail') !== missing) throw new Error(`unexpected view model: ${label}`);
  }
  return { changeMs: median(samples) };
}

function makeHome() {
  const home = mkdtempSync(path.join(tmpdir(), 'kc-bench-vscode-'));
  mkdirSync(path.join(home, '.docker'));
  mkdirSync(path.join(home, '.aws'));
  const auth = Buffer.from('user:password').toString('base64');
  writeFileSync(
    path.join(home, '.docker', 'config.json'),
    JSON.stringify({
      auths: { 'registry.example.com:5000': { auth }, 'https://index.docker.io/v1/': { auth } },
    }),
  );
  writeFileSync(
    path.join(home, '.aws', 'credentials'),
    '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
  );
  return home;
}

function runChild(mode, home) {
  const result = spawnSync(process.execPath, [self, '--child', mode], {
    env: { PATH: process.env.PATH, HOME: home },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`bench child ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

export async function bench(report, runs = Number(process.env.BENCH_RUNS ?? 15)) {
  const home = makeHome();
  try {
    const kb = statSync(bundle).size / 1024;
    report('VS Code: dist/extension.js size (minified)', `${kb.toFixed(1)} KB`, 'target < 150 KB');
    runChild('activate', home); // warm the file cache
    const activations = Array.from({ length: runs }, () => runChild('activate', home).activateMs);
    report(
      'VS Code: load extension.js + activate() (stubbed vscode)',
      `${median(activations).toFixed(1)} ms`,
      'target < 50 ms',
    );
    const { changeMs } = runChild('change', home);
    report(
      'VS Code: config.json change -> refreshed view model',
      `${changeMs.toFixed(1)} ms`,
      'includes the 50 ms coalescing delay',
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  console.log(JSON.stringify(await child(args[1])));
} else if (args[0] === '--probe') {
  const home = makeHome();
  try {
    console.log(JSON.stringify(runChild('probe', home)));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
} else if (process.argv[1] === self) {
  await bench((name, value, target = '') =>
    console.log(`${name.padEnd(64)} ${String(value).padStart(10)}   ${target}`),
  );
}
