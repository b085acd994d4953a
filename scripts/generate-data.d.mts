/** The text of src/story/analysis/lexicon-data.ts, generated from the installed source packages. */
export function lexiconModule(): Promise<string>;
/** The text of src/story/language-data.ts, generated from the installed source packages. */
export function languageModule(): Promise<string>;
/** The text of src/story/iso-639-1-data.ts, generated from the installed source package. */
export function languageCodesModule(): Promise<string>;
