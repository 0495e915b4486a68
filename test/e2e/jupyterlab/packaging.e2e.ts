/**
 * The Python package: a wheel built from the repository carries the prebuilt extension where JupyterLab finds
 * it, and once pip-installed `jupyter labextension list` shows it enabled, on the oldest and the newest JupyterLab.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { labVersions, prepareVenv } from './support/labServer';
import { makeTempHome } from '../../support/tempHome';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CACHE = path.join(
  process.env.XDG_CACHE_HOME || path.join(process.env.HOME ?? '/root', '.cache'),
  'kaptain-credentials',
);
const quiet = { PIP_CACHE_DIR: path.join(CACHE, 'pip'), PIP_DISABLE_PIP_VERSION_CHECK: '1' };

/** `jupyter ARGS` of the venv with a throwaway HOME, colour codes removed. */
function jupyter(venvDir: string, args: string[]): string {
  const home = makeTempHome('kc-list-');
  try {
    const run = spawnSync(path.join(venvDir, 'bin', 'jupyter'), args, {
      encoding: 'utf8',
      env: { PATH: `${path.join(venvDir, 'bin')}:/usr/bin:/bin`, HOME: home.dir, JUPYTER_PLATFORM_DIRS: '1' },
    });
    // eslint-disable-next-line no-control-regex -- the colour codes jupyter prints
    return (run.stdout + run.stderr).replace(/\u001b\[[0-9;]*m/g, '');
  } finally {
    home.remove();
  }
}

for (const version of [labVersions().oldest, labVersions().newest]) {
  test(`pip-installed into JupyterLab ${version}, the extension is listed as enabled and OK`, () => {
    const venv = prepareVenv(version);
    const output = jupyter(venv.dir, ['labextension', 'list']);
    expect(output).toMatch(/kaptain-credentials v\d+\.\d+\.\d+ enabled OK \(python, kaptain-credentials\)/);
    // The server extension that turns Nagle off on kernel websockets (the probe's round trip) is enabled too.
    const serverOutput = jupyter(venv.dir, ['server', 'extension', 'list']);
    expect(serverOutput).toMatch(/kaptain_credentials enabled/);
    expect(serverOutput).toMatch(/kaptain_credentials(\s+\S+)?\s+OK/);
  }, 600000);
}

test('the wheel holds the labextension, its settings schema and install.json under share/jupyter', () => {
  const venv = prepareVenv(labVersions().oldest);
  const out = mkdtempSync(path.join(tmpdir(), 'kc-wheel-'));
  try {
    const build = spawnSync(
      path.join(venv.dir, 'bin', 'pip'),
      ['wheel', '--quiet', '--no-deps', '-w', out, ROOT],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...quiet },
      },
    );
    expect(build.stderr).toBe('');
    const wheel = readdirSync(out).find((f) => f.endsWith('.whl'));
    expect(wheel).toMatch(/^kaptain_credentials-\d+\.\d+\.\d+-py3-none-any\.whl$/);
    const names = spawnSync(
      path.join(venv.dir, 'bin', 'python'),
      [
        '-c',
        'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
        path.join(out, wheel!),
      ],
      {
        encoding: 'utf8',
      },
    ).stdout.split('\n');
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const share = `kaptain_credentials-${version}.data/data/share/jupyter/labextensions/kaptain-credentials/`;
    expect(names).toEqual(
      expect.arrayContaining([
        `${share}package.json`,
        `${share}install.json`,
        `${share}schemas/kaptain-credentials/plugin.json`,
        `${share}static/style.js`,
        `kaptain_credentials-${version}.data/data/etc/jupyter/jupyter_server_config.d/kaptain_credentials.json`,
        'kaptain_credentials/__init__.py',
      ]),
    );
    expect(names.some((n) => n.startsWith(`${share}static/remoteEntry.`))).toBe(true);
    // Nothing of the repository but the package itself.
    expect(names.filter((n) => /(^|\/)(src|node_modules|test)\//.test(n))).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 600000);
