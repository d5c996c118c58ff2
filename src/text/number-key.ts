// The key a document's number is compared by, wherever numbers meet: a plan's own references, and a
// reference against the stored plans it may name ("123 /KH - UBND", "123/kh-ubnd" and "123/KH-UBND"
// are one number; so are "22/KH-SGDĐT" and "22/KH-SGDDT" where OCR lost the bar of the Đ).

import { foldLowerCase } from "./fold.js";

// Dashes and slashes a word processor puts in a typed number ("88/KH–UBND" with an en dash), read as
// the plain ones the parser finds in text.
const DASHES = /[\u2010-\u2015\u2212\uFF0D]/g;
const SLASHES = /[\u2044\uFF0F]/g;

/** Folded, lower case, no white space, plain dashes: `numberKey("22/KH– SGDĐT")` → `"22/kh-sgddt"`. */
export function numberKey(number: string): string {
  return foldLowerCase(number).replace(/\s/g, "").replace(DASHES, "-").replace(SLASHES, "/");
}
