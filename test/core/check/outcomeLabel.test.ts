import { outcomeLabel } from '../../../src/core/check/outcomeLabel';

test('the reason follows the outcome unless it only repeats it', () => {
  expect(outcomeLabel({ outcome: 'unauthorized', reason: 'bad_credentials' })).toBe(
    'unauthorized (bad_credentials)',
  );
  expect(outcomeLabel({ outcome: 'timeout', reason: 'timeout' })).toBe('timeout');
});

test('only the outcome is painted', () => {
  const paint = (text: string) => `<${text}>`;
  expect(outcomeLabel({ outcome: 'ok', reason: 'authenticated' }, paint)).toBe('<ok> (authenticated)');
  expect(outcomeLabel({ outcome: 'timeout', reason: 'timeout' }, paint)).toBe('<timeout>');
});
