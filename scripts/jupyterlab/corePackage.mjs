// The core package.json the lab build is pinned against: jupyterlab/staging/package.json of the OLDEST supported
// JupyterLab, taken from its wheel on PyPI (cached by version). The builder makes every shared singleton require
// `^<that version>`, so the extension loads on that JupyterLab and every newer 4.x.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, versions } from './paths.mjs';

const PYTHON = process.env.PYTHON || 'python3';

export function ensureCorePackage(version = versions.oldest) {
  const dir = path.join(cacheDir, `jupyterlab-core-${version}`);
  const target = path.join(dir, 'package.json');
  if (existsSync(target)) return dir;
  mkdirSync(cacheDir, { recursive: true });
  const download = mkdtempSync(path.join(cacheDir, 'download-'));
  try {
    const pip = spawnSync(
      PYTHON,
      [
        '-m',
        'pip',
        'download',
        '--quiet',
        '--disable-pip-version-check',
        '--no-deps',
        '--only-binary=:all:',
        '-d',
        download,
        `jupyterlab==${version}`,
      ],
      // pip's cache stays with ours (nothing written elsewhere in the home).
      { stdio: 'inherit', env: { ...process.env, PIP_CACHE_DIR: path.join(cacheDir, 'pip') } },
    );
    if (pip.status !== 0) throw new Error(`pip download jupyterlab==${version} failed`);
    const extract = [
      'import glob, os, sys, zipfile',
      'wheel = glob.glob(os.path.join(sys.argv[1], "jupyterlab-*.whl"))[0]',
      'os.makedirs(sys.argv[2], exist_ok=True)',
      'data = zipfile.ZipFile(wheel).read("jupyterlab/staging/package.json")',
      'tmp = os.path.join(sys.argv[2], "package.json.tmp")',
      'open(tmp, "wb").write(data)',
      'os.replace(tmp, os.path.join(sys.argv[2], "package.json"))',
    ].join('\n');
    const py = spawnSync(PYTHON, ['-c', extract, download, dir], { stdio: 'inherit' });
    if (py.status !== 0) throw new Error('could not read staging/package.json from the jupyterlab wheel');
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
  return dir;
}
