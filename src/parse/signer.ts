// The signature block: capacity (TM./KT./TL./TUQ./Q.), position and the signer's name.
//   TM. ỦY BAN NHÂN DÂN     KT. GIÁM ĐỐC        KT. GIAM POC (OCR)
//   KT. CHỦ TỊCH            PHÓ GIÁM ĐỐC        _—2HO GIAM bOC (OCR)
//   PHÓ CHỦ TỊCH
//   Lê Khắc Nam             Đỗ Thị Hòa
// Positions are a closed set, so an OCR-damaged position is snapped to the nearest one.

import type { Signer } from "../domain/plan.js";
import { isUpperLine } from "../text/line-kinds.js";
import { COLLECTIVES, POSITIONS } from "../text/posts.js";
import type { Line } from "./lines.js";
import { foldLower } from "./lines.js";
import { diceSimilarity } from "./similarity.js";

// "TM. ỦY BAN NHÂN DÂN" | "KT.GIÁM ĐỐC" | "T/M BAN THƯỜNG VỤ" | "K/T BÍ THƯ" | "TUQ. GIÁM ĐỐC"
// | "T/M. ĐOÀN KIỂM TRA"
const CAPACITY = /^\s*(?:(tm|kt|tl|tuq|q)\s*\.|(t\/m|k\/t|t\/l)\.?\s)\s*(\S.*)$/i;

/** Snaps an OCR-damaged position to the closed set: "_—2HO GIAM bOC" → "PHÓ GIÁM ĐỐC". */
const snapped = new Map<string, string>();

export function snapPosition(text: string, options: readonly string[] = POSITIONS): string {
  const key = `${options.length}|${text}`;
  const known = snapped.get(key);
  if (known !== undefined) return known;
  const result = snapUncached(text, options);
  if (snapped.size > 2000) snapped.clear();
  snapped.set(key, result);
  return result;
}

function snapUncached(text: string, options: readonly string[]): string {
  const cleaned = text
    .replace(/^[^\p{L}]+/u, "")
    .replace(/\s+/g, " ")
    .trim();
  let best = cleaned;
  let bestScore = 0;
  for (const option of options) {
    const s = diceSimilarity(cleaned, option);
    if (s > bestScore) {
      bestScore = s;
      best = option;
    }
  }
  if (bestScore >= 0.95) return foldLower(cleaned) === foldLower(best) ? cleaned : best;
  return bestScore >= 0.6 ? best : cleaned;
}

function capacityText(prefix: string, rest: string, ocr: boolean): string {
  const p = prefix.toUpperCase().replace("/", "/");
  const tail = ocr ? snapPosition(rest, [...POSITIONS, ...COLLECTIVES]) : rest.replace(/\s+/g, " ").trim();
  return `${p.includes("/") ? p : `${p}.`} ${tail}`;
}

// A person's name: two to five capitalised syllables, "Đỗ Thị Hòa" | "Trần H. Kiên" | "GIẢN MẠNH TRÁNG"
const NAME =
  /^\s*(?:[\p{Lu}][\p{Ll}]*\.?\s+){1,4}[\p{Lu}][\p{Ll}]+\s*$|^\s*(?:[\p{Lu}]+\s+){1,4}[\p{Lu}]+\s*$/u;

/**
 * Reads the first signature block in lines [from, to): `readSigner(lines, 120, 140, false)`.
 * Returns null when the block has no capacity and no position.
 */
export function readSigner(lines: readonly Line[], from: number, to: number, ocr: boolean): Signer | null {
  for (let i = Math.max(from, 0); i < Math.min(to, lines.length); i++) {
    const line = lines[i];
    if (!line) continue;
    // The signature may share its line with "Nơi nhận:" (two columns run together).
    const text = line.text.replace(/^\s*N\S{1,3}i nh\S{1,3}n\s*:?\s*/u, "");
    const cap = CAPACITY.exec(text);
    if (!cap) continue;
    const capacities = [capacityText(cap[1] ?? cap[2] ?? "", cap[3] ?? "", ocr)];
    let position: string | null = null;
    let name: string | null = null;
    for (let j = i + 1; j < Math.min(to, lines.length, i + 14); j++) {
      const raw = lines[j]?.text ?? "";
      // Recipients printed beside the signature: "- UBND thành phố; _—2HO GIAM bOC"
      // ("[^;]*" holds the blanks after the mark: "\s*[^;]*" shared a long run of them every way)
      // "- Văn phòng Sở (Bố trí kinh phí, phương              TRƯỞNG ĐOÀN": the right column of two
      // (and a recipient broken over two lines may have been joined around it: "… phương
      // TRƯỞNG ĐOÀN tiện Phục vụ …" — the capitals at the start of the column are the signature's)
      const parts = raw.trim().split(/\s{3,}/);
      let column = (
        parts.length > 1 ? (parts[parts.length - 1] ?? "") : raw.replace(/^\s*[-+•][^;]*;\s*/u, "")
      ).trim();
      const capitals = parts.length > 1 ? /^((?:[\p{Lu}/.]+ ?)+?)(?= \p{Ll})/u.exec(column) : null;
      if (capitals && !isUpperLine(column)) column = (capitals[1] ?? "").trim();
      if (!column || /^[-+•]/.test(column)) continue;
      const next = CAPACITY.exec(column);
      if (next && !position) {
        capacities.push(capacityText(next[1] ?? next[2] ?? "", next[3] ?? "", ocr));
        continue;
      }
      if (!position && isUpperLine(column) && !NAME.test(column.replace(/[^\p{L}\s.]/gu, ""))) {
        position = snapPosition(column);
        continue;
      }
      if (!position && isUpperLine(column)) {
        const snapped = snapPosition(column);
        if (POSITIONS.includes(snapped)) {
          position = snapped;
          continue;
        }
      }
      if (position && NAME.test(column) && column.split(/\s+/).length <= 5) {
        name = column.replace(/\s+/g, " ").trim();
        if (name === name.toUpperCase())
          name = name
            .toLowerCase()
            .replace(/(^|\s)(\p{L})/gu, (_m, s: string, c: string) => s + c.toUpperCase());
        break;
      }
    }
    return { capacity: capacities.join(" / "), position, name };
  }
  // No capacity: a plain position line ("GIÁM ĐỐC") followed by a name.
  for (let i = Math.max(from, 0); i < Math.min(to, lines.length); i++) {
    const text = lines[i]?.text.trim() ?? "";
    if (POSITIONS.includes(text.toUpperCase()) && isUpperLine(text)) {
      let name: string | null = null;
      let capacity: string | null = null;
      let position = text;
      for (let j = i + 1; j < Math.min(to, lines.length, i + 8); j++) {
        const t = lines[j]?.text.trim() ?? "";
        // "TRƯỞNG BAN" / "PHÓ THỦ TƯỚNG" / "Nguyễn Thiện Nhân": a post in the body that signs (the
        // steering committee's head), then the post its holder has — the first is the capacity.
        if (t && !name && !capacity && POSITIONS.includes(t.toUpperCase()) && isUpperLine(t)) {
          capacity = position;
          position = t;
          continue;
        }
        if (t && NAME.test(t)) {
          name = t;
          break;
        }
      }
      return { capacity, position, name };
    }
  }
  return null;
}
