// Which legacy encoding a font's name says its text is in: a Word file keeps the font of each run,
// and the font is what made "KÕ ho¹ch" show as "Kế hoạch" on the typist's screen.
//   ".VnTime" | ".VnArial" | ".VnCentury Schoolbook" | ".VnBook-Antiqua"  → TCVN3
//   ".VnTimeH" | ".VnArialH" | ".VnArial NarrowH" | ".VnBahamasBH"        → TCVN3, capitals font
//   "VNI-Times" | "VNI-Helve" | "VNI-Helve-Condense" | "VNI Times"       → VNI

import type { LegacyCodec } from "./codec.js";
import { TCVN3, TCVN3_CAPITALS } from "./tcvn3.js";
import { VNI } from "./vni.js";

export interface LegacyFont {
  encoding: "tcvn3" | "vni";
  /** A capitals font (".VnTimeH"): its lower-case codes are drawn as capitals. */
  capitals: boolean;
}

/** `legacyFont(".VnTimeH")` → `{ encoding: "tcvn3", capitals: true }`; `legacyFont("Times New Roman")` → null. */
export function legacyFont(name: string): LegacyFont | null {
  const font = name.trim();
  if (/^\.vn/i.test(font)) return { encoding: "tcvn3", capitals: /H$/.test(font) };
  if (/^vni[- ]/i.test(font)) return { encoding: "vni", capitals: false };
  return null;
}

/** The converter for a legacy font's text: `fontCodec(legacyFont(".VnTimeH"))` decodes to capitals. */
export function fontCodec(font: LegacyFont): LegacyCodec {
  if (font.encoding === "vni") return VNI;
  return font.capitals ? TCVN3_CAPITALS : TCVN3;
}
