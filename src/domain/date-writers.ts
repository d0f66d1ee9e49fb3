/**
 * Dates in languages a browser cannot write them in (Welsh, in Chromium). A language's translations
 * may bring a writer, which gets the British English formatter `formatDate` would fall back to and
 * writes the date in its own words. A module of its own, so that the translations' loader can
 * register one without fetching the formatters, and the writer's code stays in the translations.
 */
export type DateWriter = (british: Intl.DateTimeFormat, date: Date) => string;

const writers = new Map<string, DateWriter>();

export function registerDateWriter(language: string, write: DateWriter): void {
  writers.set(language.toLowerCase(), write);
}

export const dateWriterOf = (language: string): DateWriter | undefined => writers.get(language.toLowerCase());
