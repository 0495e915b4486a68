import { resolveConfigDefault } from '../../src/core/configDefault';
import type { DockerStatus } from '../../src/core/report';

const FAILING: DockerStatus[] = [
  'missing',
  'empty',
  'invalid_json',
  'trailing_data',
  'bom',
  'not_object',
  'not_a_file',
  'unreadable',
];

describe('Config.default()', () => {
  test.each(FAILING)('fails when config.json is %s', (status) => {
    const result = resolveConfigDefault(status);
    expect(result.wouldFail).toBe(true);
    expect(result.reason).toMatch(/^config\.json /);
  });

  test.each(['ok', 'too_large'] as DockerStatus[])(
    'constructs when config.json is %s, whatever the entries hold',
    (status) => {
      const result = resolveConfigDefault(status);
      expect(result).toMatchObject({
        wouldFail: false,
        dockerProvider: 'DockerConfigurationProvider.default()',
        storageProvider: 'DefaultMinioConfigurationProvider.default()',
      });
    },
  );
});
