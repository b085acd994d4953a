/** The storyfeed version (kept equal to package.json by a test). */
export const VERSION = '0.1.0';

/** What storyfeed writes as the generator of every feed. */
export const GENERATOR = { name: 'storyfeed', version: VERSION, url: 'https://www.npmjs.com/package/storyfeed' } as const;
