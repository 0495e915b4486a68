/** The homes and environments of the end-to-end scenarios, each with canaries planted in every secret input. */
import { makeTempHome, type TempHome } from '../../../support/tempHome';

export const CANARIES = {
  dockerPassword: 'kc-canary-docker-pw-7e3a91',
  identityToken: 'kc-canary-docker-idtoken-52c0',
  awsFileSecret: 'kc-canary-awsfile-secret-b1f4',
  awsEnvSecret: 'kc-canary-awsenv-secret-9d27',
  sessionToken: 'kc-canary-session-token-4e88',
} as const;

/** Every form a canary could leak in: as is, and base64 of what holds it. */
export function canaryForms(): string[] {
  const forms: string[] = Object.values(CANARIES);
  forms.push(Buffer.from(`ml-bot:${CANARIES.dockerPassword}`).toString('base64'));
  return forms;
}

export const REGISTRY = 'registry.example.com:5000';
export const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

export interface Scenario {
  readonly home: TempHome;
  readonly env: Record<string, string>;
}

/** config.json with a private registry, a credentials file, and the from_env() variables. */
export function readyScenario(): Scenario {
  const home = makeTempHome('kc-e2e-ready-');
  home.write(
    '.docker/config.json',
    JSON.stringify(
      {
        auths: {
          [REGISTRY]: { auth: Buffer.from(`ml-bot:${CANARIES.dockerPassword}`).toString('base64') },
          'https://index.docker.io/v1/': { identitytoken: CANARIES.identityToken },
        },
      },
      null,
      2,
    ),
  );
  home.write(
    '.aws/credentials',
    `[default]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = ${CANARIES.awsFileSecret}\n`,
  );
  return {
    home,
    env: {
      AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: CANARIES.awsEnvSecret,
      AWS_SESSION_TOKEN: CANARIES.sessionToken,
      AWS_REGION: 'us-east-1',
      S3_ENDPOINT: 'http://minio.kubeflow:9000',
      S3_FORCE_PATH_STYLE: 'true',
      S3_SIGNATURE_VERSION: 's3v4',
    },
  };
}

/** Nothing mounted: Model(...) will fail. */
export function missingScenario(): Scenario {
  return { home: makeTempHome('kc-e2e-missing-'), env: {} };
}

/** A notebook that trains with Kaptain (the SDK is not installed: the cells are only scheduled, or fail). */
export function trainingNotebook(extraCells: string[] = []): string {
  const cell = (source: string) => ({
    cell_type: 'code',
    execution_count: null,
    metadata: {},
    outputs: [],
    source,
  });
  return JSON.stringify({
    cells: [
      cell('from kaptain.model.models import Model\nmodel = None'),
      cell('model.train(epochs=1)'),
      ...extraCells.map(cell),
    ],
    metadata: {
      kernelspec: { display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  });
}
