/** Options that every command accepts, in `util.parseArgs` form. */
export const globalOptionSpec = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;
