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
