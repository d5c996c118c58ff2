// Long runs of blanks cut short, for patterns that read a sentence rather than its layout: a
// pattern with a blank on each side of an optional or repeated part ("\s+(…)?\s+") tries every way
// of sharing a run between them, so a run of thousands of spaces turns a linear scan quadratic.

// "Sở Y tế          chủ trì": spaces and tabs (not line breaks) beyond the first three
const LONG_BLANK_RUN = /([^\S\n]{3})[^\S\n]+/g;

/**
 * Cuts every run of blanks (spaces, tabs, other white space but line breaks) to its first three:
 * `squeezeBlankRuns("Sở Y tế" + " ".repeat(9) + "chủ trì")` → `"Sở Y tế   chủ trì"`.
 */
export function squeezeBlankRuns(text: string): string {
  return text.replace(LONG_BLANK_RUN, "$1");
}

// "Sở  Y tế" | "Sở\tY tế" | "Sở\u00A0Y tế": blanks `/\s+/g → " "` would change (a run, or one that
// is not a plain space). Most text has none: each of its single spaces is a match all the same, and
// the replacement rebuilt the string space by space.
const BLANKS_TO_CLOSE = /[^\S ]| {2}/;
// The same, or a blank at either end (what trim() takes away).
const BLANKS_TO_CLOSE_OR_TRIM = /[^\S ]| {2}|^ | $/;

/** `text.replace(/\s+/g, " ")`, the text itself where that changes nothing: `collapseBlanks("a \t b")` → `"a b"`. */
export function collapseBlanks(text: string): string {
  return BLANKS_TO_CLOSE.test(text) ? text.replace(/\s+/g, " ") : text;
}

/** `text.replace(/\s+/g, " ").trim()`, the text itself where that changes nothing: `closeUpBlanks(" a  b ")` → `"a b"`. */
export function closeUpBlanks(text: string): string {
  return BLANKS_TO_CLOSE_OR_TRIM.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}
