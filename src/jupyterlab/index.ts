/** The JupyterLab extension's entry: one plugin, wired in plugin.ts. */
import { kaptainCredentialsPlugin } from './plugin';

export default [kaptainCredentialsPlugin];
