// How every JupyterLab of this project starts (npm start, the bench, the e2e suites): on 127.0.0.1 with a token,
// no news or update checks, and every Jupyter, IPython and XDG directory under one throwaway folder, so that
// nothing reads or writes the real home's Jupyter state. CommonJS, so that the .mjs scripts and the TypeScript
// tests share it (launch.d.cts gives the types).
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** `jupyter lab` and its options. */
function labArguments({ port, token, rootDir }) {
  return [
    'lab',
    '--no-browser',
    '--ServerApp.ip=127.0.0.1',
    `--ServerApp.port=${port}`,
    '--ServerApp.port_retries=0',
    `--ServerApp.token=${token}`,
    `--ServerApp.root_dir=${rootDir}`,
    '--LabApp.news_url=',
    '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
    ...(process.getuid?.() === 0 ? ['--allow-root'] : []),
  ];
}

const DIRECTORIES = {
  TMPDIR: 'tmp',
  XDG_CONFIG_HOME: 'xdg-config',
  XDG_DATA_HOME: 'xdg-data',
  XDG_CACHE_HOME: 'xdg-cache',
  JUPYTER_CONFIG_DIR: 'jupyter-config',
  JUPYTER_DATA_DIR: 'jupyter-data',
  JUPYTER_RUNTIME_DIR: 'jupyter-runtime',
  JUPYTERLAB_SETTINGS_DIR: 'lab-settings',
  JUPYTERLAB_WORKSPACES_DIR: 'lab-workspaces',
  IPYTHONDIR: 'ipython',
};

/** Makes the directories under `base` and returns the variables that point Jupyter (and its kernels) at them. */
function isolatedJupyterEnv(base) {
  const env = { JUPYTER_PLATFORM_DIRS: '1' };
  for (const [name, folder] of Object.entries(DIRECTORIES)) {
    env[name] = path.join(base, folder);
    mkdirSync(env[name], { recursive: true });
  }
  return env;
}

/** Writes user settings (by plugin id, `package:plugin`) where JUPYTERLAB_SETTINGS_DIR says. */
function writeLabSettings(settingsDir, settings) {
  for (const [id, values] of Object.entries(settings)) {
    const [pkg, plugin] = id.split(':');
    const folder = path.join(settingsDir, ...pkg.split('/'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${plugin}.jupyterlab-settings`), JSON.stringify(values));
  }
}

/** JupyterLab's own notices (news, update checks) stay quiet in every lab we start. */
const QUIET_SETTINGS = {
  '@jupyterlab/apputils-extension:notification': { fetchNews: 'false', checkForUpdates: false },
};

module.exports = { labArguments, isolatedJupyterEnv, writeLabSettings, QUIET_SETTINGS };
