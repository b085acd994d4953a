/** The text of src/html/entity-data.ts, generated from the installed entities package. */
export function entityModule(): string;
