/**
 * A real JupyterLab from PyPI (a cached venv with this extension pip-installed), started on 127.0.0.1 with the
 * scenario's HOME and environment, every Jupyter/XDG directory in a temporary folder, and killed with its process
 * group (kernels included) when the test ends, also when it fails.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../../support/freePort';
import {
  isolatedJupyterEnv,
  labArguments,
  QUIET_SETTINGS,
  writeLabSettings,
} from '../../../../scripts/jupyterlab/launch.cjs';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface LabVenv {
  readonly version: string;
  readonly dir: string;
}

/** Builds the extension if needed, makes the venv (cached by version) and pip-installs the extension into it. */
export function prepareVenv(version: string): LabVenv {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'jupyterlab', 'prepare.mjs'), version],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 600000,
    },
  );
  if (result.status !== 0)
    throw new Error(`prepare.mjs ${version} failed:\n${result.stdout}\n${result.stderr}`);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as LabVenv;
}

export function labVersions(): { oldest: string; newest: string } {
  return JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'jupyterlab', 'versions.json'), 'utf8'));
}

export interface LabServer {
  readonly url: string;
  readonly baseUrl: string;
  readonly token: string;
  readonly rootDir: string;
  readonly home: string;
  /** Everything the server printed (checked for canaries). */
  output(): string;
  /** The Jupyter REST API with the token. */
  api(pathname: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly venv: LabVenv;
  readonly home: string;
  /** The scenario's variables (AWS_*, S3_*, ...), on top of a minimal environment. */
  readonly env?: Record<string, string>;
  /** User settings, by plugin id: written to the settings directory before start. */
  readonly settings?: Record<string, Record<string, unknown>>;
  /** window.jupyterapp in the page (LabApp.expose_app_in_browser, as galata sets it), for tests that need it. */
  readonly exposeApp?: boolean;
}

const TEST_SETTINGS: Record<string, Record<string, unknown>> = {
  ...QUIET_SETTINGS,
  // Every cell rendered (no virtual scrolling), so tests can find the cells they run.
  '@jupyterlab/notebook-extension:tracker': { windowingMode: 'none' },
};

export async function startLab(options: StartOptions): Promise<LabServer> {
  const base = mkdtempSync(path.join(tmpdir(), 'kc-lab-'));
  const rootDir = path.join(base, 'root');
  mkdirSync(rootDir);
  const jupyterEnv = isolatedJupyterEnv(path.join(base, 'jupyter'));
  writeLabSettings(jupyterEnv.JUPYTERLAB_SETTINGS_DIR, { ...TEST_SETTINGS, ...(options.settings ?? {}) });
  if (options.exposeApp) {
    writeFileSync(
      path.join(jupyterEnv.JUPYTER_CONFIG_DIR, 'jupyter_server_config.json'),
      JSON.stringify({ LabApp: { expose_app_in_browser: true } }),
    );
  }
  const token = randomBytes(16).toString('hex');
  const bin = path.join(options.venv.dir, 'bin');
  const env: Record<string, string> = {
    PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`,
    HOME: options.home,
    LANG: 'C.UTF-8',
    ...jupyterEnv,
    PYTHONDONTWRITEBYTECODE: '1',
    ...(options.env ?? {}),
  };
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    let output = '';
    const child: ChildProcess = spawn(path.join(bin, 'jupyter'), labArguments({ port, token, rootDir }), {
      env,
      cwd: rootDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (output += String(d)));
    child.stderr?.on('data', (d) => (output += String(d)));
    const baseUrl = `http://127.0.0.1:${port}`;
    const stop = async () => {
      // Kernels run in sessions of their own: shut them down through the API first.
      try {
        const list = (await (
          await fetch(`${baseUrl}/api/kernels`, { headers: { Authorization: `token ${token}` } })
        ).json()) as { id: string }[];
        await Promise.all(
          list.map((k) =>
            fetch(`${baseUrl}/api/kernels/${k.id}`, {
              method: 'DELETE',
              headers: { Authorization: `token ${token}` },
            }),
          ),
        );
      } catch {
        // the server is already gone
      }
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const timer = setTimeout(() => {
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 5000);
        await exited;
        clearTimeout(timer);
      }
      // Any kernel left (the server was killed): their command lines name our own runtime directory.
      spawnSync('pkill', ['-KILL', '-f', jupyterEnv.JUPYTER_RUNTIME_DIR]);
    };
    const ready = await waitReady(baseUrl, token, child, 60000);
    if (ready) {
      return {
        url: `${baseUrl}/lab?token=${token}`,
        baseUrl,
        token,
        rootDir,
        home: options.home,
        output: () => output,
        api: (pathname, init) =>
          fetch(`${baseUrl}${pathname}`, {
            ...init,
            headers: { Authorization: `token ${token}`, ...(init?.headers ?? {}) },
          }),
        stop: async () => {
          await stop();
          rmSync(base, { recursive: true, force: true });
        },
      };
    }
    lastError = new Error(`JupyterLab did not start on port ${port}:\n${output.slice(-3000)}`);
    await stop().catch(() => undefined);
  }
  rmSync(base, { recursive: true, force: true });
  throw lastError;
}

async function waitReady(
  baseUrl: string,
  token: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const response = await fetch(`${baseUrl}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
