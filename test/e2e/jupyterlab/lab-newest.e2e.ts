/**
 * The JupyterLab suite on the newest JupyterLab 4 tested; its run takes the docs' screenshots (into docs/img with
 * UPDATE_SCREENSHOTS=1, else build/screenshots).
 */
import { labVersions } from './support/labServer';
import { labSuite } from './suite';

labSuite(labVersions().newest, { screenshots: true });
