/** File extensions storyfeed reads as seeds. */
export const SEED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.mdown', '.mkd', '.mdx', '.json'] as const;
