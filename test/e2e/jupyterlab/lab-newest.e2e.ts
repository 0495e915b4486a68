/** The JupyterLab suite on the newest JupyterLab 4 tested; its run takes the docs' screenshots. */
import { labVersions } from './support/labServer';
import { labSuite } from './suite';

labSuite(labVersions().newest, { screenshots: true });
