/** Every identifier package.json `contributes` names, in one place (package.json must use the same strings). */

export const EXTENSION_ID = 'kaptain-credentials.kaptain-credentials';
export const VIEW_ID = 'kaptainCredentials.view';
export const SETTINGS_SECTION = 'kaptainCredentials';

export const COMMANDS = {
  refresh: 'kaptainCredentials.refresh',
  generateManifests: 'kaptainCredentials.generateManifests',
  insertConfigSnippet: 'kaptainCredentials.insertConfigSnippet',
  checkImage: 'kaptainCredentials.checkImage',
  checkCredentials: 'kaptainCredentials.checkCredentials',
  lintActiveEditor: 'kaptainCredentials.lintActiveEditor',
  openDocs: 'kaptainCredentials.openDocs',
  showView: 'kaptainCredentials.showView',
} as const;

/** `when` clause context keys (viewsWelcome). */
/** `viewItem` of the verdict node: it carries the inline Check credentials action. */
export const VERDICT_CONTEXT = 'verdict';

export const CONTEXT_STATE = 'kaptainCredentials.state';
export type ViewState = 'loading' | 'found' | 'nothingFound';

/** The diagnostics collection's name, shown as the source in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'kaptain-credentials';
