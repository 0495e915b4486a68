/** The JupyterLab suite on the oldest supported JupyterLab 4 (what the extension is built against). */
import { labVersions } from './support/labServer';
import { labSuite } from './suite';

labSuite(labVersions().oldest, { screenshots: false });
