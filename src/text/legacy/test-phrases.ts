// Phrases every legacy test reads: what plans are made of. Nothing here is used outside tests.

import { markedLetters } from "./letters.js";

/** Real phrases of a plan's header and body. */
export const PHRASES = [
  "Kế hoạch",
  "Ủy ban nhân dân",
  "Sở Giáo dục và Đào tạo",
  "Cộng hòa xã hội chủ nghĩa Việt Nam",
  "Độc lập - Tự do - Hạnh phúc",
] as const;

/** Every marked letter, lower-case then capital, one word each: "à á ả … đ À Á … Đ". */
export const ALL_LETTERS = [...markedLetters(), ...markedLetters().map((l) => l.toUpperCase())].join(" ");
