import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronImportBan = {
  paths: [{ name: 'electron', message: 'main/ is plain Node: bind Electron APIs in electron/.' }],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'coverage/',
      'tests/fixtures/',
      'tests/.tmp/',
      'bench/work/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', electronImportBan] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['main/cli/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', 'bin/**/*.js'],
    rules: { 'no-console': 'off' },
  },
);
