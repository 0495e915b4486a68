import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'build/',
      'coverage/',
      'node_modules/',
      '.venv/',
      'demo/',
      'kaptain_credentials/labextension/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...[
    // The engine is pure: nothing host-specific, nothing outside src/core (ARCHITECTURE.md).
    { files: ['src/core/*.ts'], outside: '../*' },
    { files: ['src/core/*/*.ts'], outside: '../../*' },
  ].map(({ files, outside }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [outside], message: 'src/core imports nothing outside src/core.' },
            {
              group: [
                'fs',
                'node:*',
                'path',
                'os',
                'child_process',
                'http',
                'https',
                'net',
                'vscode',
                '@jupyterlab/*',
                '@lumino/*',
              ],
              message: 'src/core is pure: no I/O or host packages.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'Buffer'],
    },
  })),
);
