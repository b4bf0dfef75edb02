// Lint rules, and the layer rules of ARCHITECTURE.md: a wrong-way import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { layersRule } from './eslint-layers.js';

const banned = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '**/.tmp/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS build hooks and tool runners (electron-builder loads .cjs hooks with require)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // shared/ is imported by both sides, so it imports nothing of ours and nothing platform-bound.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': banned([
        { group: ['**/renderer/**', '**/electron/**', '../renderer/*', '../electron/*'], message: 'shared/ imports nothing of the renderer or the Electron shell.' },
        { group: ['electron', 'react', 'react-dom', 'dexie', '@xyflow/*', 'node:*', 'fs', 'path'], message: 'shared/ stays free of DOM, Node and Electron.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': banned([
        { group: ['**/electron/**', 'electron', 'node:*'], message: 'The renderer reaches the desktop shell only through renderer/src/platform and shared/ipc.ts.' },
      ]),
    },
  },
  {
    // Inside the renderer: features never import app/, and use another feature only through its
    // index.ts; drawing/ is pure (no React, no stores); drawing/, store/, db/ know no React Flow,
    // no feature and no app/. The table is in eslint-layers.js; docs/ARCHITECTURE.md says it in words.
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { touchmap: { rules: { layers: layersRule } } },
    rules: { 'touchmap/layers': 'error' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': banned([
        { group: ['**/renderer/**', '../renderer/*', '../../renderer/*'], message: 'The Electron shell never imports the renderer; share code through shared/.' },
      ]),
    },
  },
);
