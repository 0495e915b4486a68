// Python venvs with a given JupyterLab from PyPI, cached by version. Creation runs under flock, so parallel
// callers (npm start, the e2e suites, the bench) wait for one another instead of racing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, root } from './paths.mjs';

const PYTHON = process.env.PYTHON || 'python3';
// pip's own cache stays with ours: nothing is written elsewhere in the home.
const pipEnv = {
  ...process.env,
  PIP_CACHE_DIR: path.join(cacheDir, 'pip'),
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: pipEnv,
    ...options,
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

/** A venv with `jupyterlab==version`: returns its directory and its binaries. */
export function ensureLabVenv(version) {
  const dir = path.join(cacheDir, `jupyterlab-${version}`);
  const marker = path.join(dir, '.complete');
  if (!existsSync(marker)) {
    mkdirSync(cacheDir, { recursive: true });
    const script = [
      'set -e',
      `[ -e "${marker}" ] && exit 0`,
      `rm -rf "${dir}"`,
      `echo "Creating a venv with jupyterlab==${version} in ${dir}" >&2`,
      `"${PYTHON}" -m venv "${dir}"`,
      `"${dir}/bin/pip" install --quiet --disable-pip-version-check "jupyterlab==${version}"`,
      `touch "${marker}"`,
    ].join('\n');
    run('flock', [`${dir}.lock`, 'sh', '-c', script]);
  }
  return { dir, bin: (name) => path.join(dir, 'bin', name) };
}

/**
 * Installs this package (the prebuilt extension) into the venv with pip, as a user would. The labextension must
 * be built first (npm run build:lab); the build hook then sees it and does not rebuild.
 */
export function installExtension(venv, { quiet = true } = {}) {
  run(
    'flock',
    [
      `${venv.dir}.lock`,
      venv.bin('pip'),
      'install',
      ...(quiet ? ['--quiet'] : []),
      '--disable-pip-version-check',
      '--force-reinstall',
      '--no-deps',
      root,
    ],
    { cwd: root },
  );
}

export function removeVenv(version) {
  rmSync(path.join(cacheDir, `jupyterlab-${version}`), { recursive: true, force: true });
}
