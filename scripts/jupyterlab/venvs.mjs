// `node scripts/jupyterlab/venvs.mjs`: the cached venvs with the oldest and the newest JupyterLab tested, without
// building or installing the extension (CI set-up; the e2e suites build and install it themselves).
import { versions } from './paths.mjs';
import { ensureLabVenv } from './venv.mjs';

for (const version of [versions.oldest, versions.newest]) {
  const venv = ensureLabVenv(version);
  console.log(JSON.stringify({ version, dir: venv.dir }));
}
