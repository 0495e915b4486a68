/**
 * A real code-server for the end-to-end tests: Node 24 and code-server from the caches scripts/ci/vscode.sh
 * fills, the .vsix installed with its exit code checked, every directory it writes to (user data, extensions,
 * XDG, TMPDIR) inside the test's own temporary folder, and the whole process group killed at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/freePort';

/** Keep in step with scripts/ci/vscode.sh. */
export const NODE24_VERSION = '24.22.3';
export const CODE_SERVER_VERSION = '4.139.1';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Toolchain {
  readonly node24Bin: string;
  readonly codeServer: string;
}

/** Where vscode.sh cached Node 24 and code-server; throws (the test fails) when they are not there. */
export function toolchain(): Toolchain {
  const cache = path.join(
    process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
    'kaptain-credentials',
  );
  const node24Bin = path.join(cache, `node-${NODE24_VERSION}`, 'bin');
  const codeServer = path.join(
    cache,
    `code-server-${CODE_SERVER_VERSION}`,
    'node_modules',
    '.bin',
    'code-server',
  );
  for (const required of [path.join(node24Bin, 'node'), codeServer, '/usr/bin/chromium']) {
    if (!existsSync(required)) throw new Error(`${required} is missing: run scripts/ci/vscode.sh first`);
  }
  return { node24Bin, codeServer };
}

/** Packs the .vsix from the built dist/ (npm test builds it before the suites). */
export function packVsix(out: string): void {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'src/vscode/packaging/packageVsix.mjs'), '--out', out],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`packing the .vsix failed:\n${result.stdout}\n${result.stderr}`);
}

export interface CodeServerOptions {
  /** The scenario's temporary folder: the home and code-server's own directories live in it. */
  readonly dir: string;
  readonly home: string;
  readonly workspace: string;
  /** The scenario's credential variables (AWS_*, S3_*, ...); nothing else of the runner's environment leaks in. */
  readonly env: Readonly<Record<string, string>>;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly vsix: string;
}

export interface RunningCodeServer {
  readonly url: string;
  readonly userDataDir: string;
  /** Everything code-server printed so far (for the canary check and for failures). */
  output(): string;
  stop(): Promise<void>;
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

function processEnv(options: CodeServerOptions, tools: Toolchain): NodeJS.ProcessEnv {
  const d = (name: string) => {
    const dir = path.join(options.dir, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  return {
    PATH: `${tools.node24Bin}:/usr/local/bin:/usr/bin:/bin`,
    HOME: options.home,
    XDG_CONFIG_HOME: d('xdg-config'),
    XDG_DATA_HOME: d('xdg-data'),
    XDG_CACHE_HOME: d('xdg-cache'),
    XDG_RUNTIME_DIR: d('xdg-runtime'),
    TMPDIR: d('tmp'),
    LANG: 'C.UTF-8',
    ...options.env,
  };
}

function dirs(options: CodeServerOptions): { userDataDir: string; extensionsDir: string } {
  return {
    userDataDir: path.join(options.dir, 'user-data'),
    extensionsDir: path.join(options.dir, 'extensions'),
  };
}

export function installExtension(options: CodeServerOptions): void {
  const tools = toolchain();
  const { userDataDir, extensionsDir } = dirs(options);
  const result = spawnSync(
    tools.codeServer,
    ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', options.vsix],
    { env: processEnv(options, tools), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(
      `--install-extension exited ${result.status ?? result.signal}:\n${result.stdout}\n${result.stderr}`,
    );
  }
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer in time:\n${output()}`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const tools = toolchain();
  const { userDataDir, extensionsDir } = dirs(options);
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
  );
  installExtension(options);
  const port = await freePort();
  const child = spawn(
    tools.codeServer,
    [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      options.workspace,
    ],
    { env: processEnv(options, tools), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // the whole group is gone
    }
  };
  /** SIGTERM to the group, SIGKILL to whatever of it is left after 5 s (extension host, pty host). */
  const stop = async () => {
    killGroup('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    killGroup('SIGKILL');
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, userDataDir, output: () => output, stop };
}
