/** Command IDs and the palette category, in one place. */
export const PLUGIN_ID = 'kaptain-credentials:plugin';
export const CATEGORY = 'Kaptain Credentials';

export const CommandIds = {
  open: 'kaptain-credentials:open',
  refresh: 'kaptain-credentials:refresh',
  generateManifests: 'kaptain-credentials:generate-manifests',
  insertSnippet: 'kaptain-credentials:insert-snippet',
  lint: 'kaptain-credentials:lint-open-manifests',
  copyKubectl: 'kaptain-credentials:copy-kubectl',
  measure: 'kaptain-credentials:measure-probe',
  check: 'kaptain-credentials:check',
} as const;
