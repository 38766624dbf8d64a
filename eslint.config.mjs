// ESLint runs for two jobs only: regular expressions that could backtrack super-linearly on file text
// (a plan file is untrusted input), and no function over 80 lines in src/ (a longer one is split into
// named parts). Biome does everything else (`npm run lint` runs both).
import tsParser from '@typescript-eslint/parser';
import regexp from 'eslint-plugin-regexp';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
];
