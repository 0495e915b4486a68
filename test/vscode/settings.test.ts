import { CHECK_DEFAULTS, DEFAULT_HOME_DIR, readSettings } from '../../src/vscode/settings';

const reader = (values: Record<string, unknown>) => ({
  get: <T>(key: string) => values[key] as T | undefined,
});

describe('settings', () => {
  test('defaults when nothing is set', () => {
    expect(readSettings(reader({}))).toEqual({
      image: '',
      namespace: '',
      namePrefix: '',
      homeDir: DEFAULT_HOME_DIR,
      statusBarEnabled: true,
      check: {
        storageProvider: 'minio',
        storageUri: 's3://kaptain/models',
        minioEndpoint: 'http://minio.kubeflow',
        timeoutMs: 5000,
      },
    });
  });

  test('values are trimmed; only false hides the status bar', () => {
    const s = readSettings(
      reader({
        image: ' team/model ',
        namespace: 'team-a',
        namePrefix: 'x-',
        homeDir: '/home/jovyan',
        'statusBar.enabled': false,
      }),
    );
    expect(s).toEqual({
      image: 'team/model',
      namespace: 'team-a',
      namePrefix: 'x-',
      homeDir: '/home/jovyan',
      statusBarEnabled: false,
      check: CHECK_DEFAULTS,
    });
    expect(readSettings(reader({ 'statusBar.enabled': 'no' })).statusBarEnabled).toBe(true);
  });

  test('wrong types fall back; an empty home dir means the default', () => {
    expect(readSettings(reader({ image: 42, homeDir: '  ' }))).toMatchObject({
      image: '',
      homeDir: DEFAULT_HOME_DIR,
    });
  });

  test('check settings: provider, URI, endpoint, timeout in seconds; bad values fall back', () => {
    expect(
      readSettings(
        reader({
          'check.storageProvider': 'from-env',
          'check.storageUri': ' s3://bucket ',
          'check.minioEndpoint': 'http://127.0.0.1:9',
          'check.timeoutSeconds': 1.5,
        }),
      ).check,
    ).toEqual({
      storageProvider: 'from-env',
      storageUri: 's3://bucket',
      minioEndpoint: 'http://127.0.0.1:9',
      timeoutMs: 1500,
    });
    for (const bad of [0, -1, 301, '5', null]) {
      expect(readSettings(reader({ 'check.timeoutSeconds': bad })).check.timeoutMs).toBe(5000);
    }
    expect(readSettings(reader({ 'check.storageProvider': 'env' })).check.storageProvider).toBe('minio');
    expect(readSettings(reader({ 'check.storageUri': '' })).check.storageUri).toBe('s3://kaptain/models');
  });
});
