// The sectors whose ministries (Bộ) and departments (Sở) carry names with "và" or commas in them. A
// list that shares its head spells them bare — "các Sở: Xây dựng, Nông nghiệp và Môi trường, Khoa
// học và Công nghệ, Văn hóa, Thể thao và Du lịch" is four Sở, not seven — so the list is cut where a
// name ends, not at every comma and "và". Names of before and after the 2025 mergers.

import { foldLower } from "./lines.js";

const SECTORS_WITH_JOINS = [
  "giao duc va dao tao",
  "khoa hoc va cong nghe",
  "nong nghiep va moi truong",
  "nong nghiep va phat trien nong thon",
  "tai nguyen va moi truong",
  "van hoa, the thao va du lich",
  "van hoa va the thao",
  "van hoa, the thao",
  "lao dong - thuong binh va xa hoi",
  "lao dong, thuong binh va xa hoi",
  "ke hoach va dau tu",
  "thong tin va truyen thong",
  "dan toc va ton giao",
  "giao thong van tai",
  "quy hoach - kien truc",
].sort((a, b) => b.length - a.length);

/**
 * Cuts a list of bare names at its commas, semicolons and "và", keeping a sector's own name whole:
 * "Xây dựng, Nông nghiệp và Môi trường, Công Thương" → ["Xây dựng", "Nông nghiệp và Môi trường", "Công Thương"].
 */
export function splitBareNames(list: string): string[] {
  const out: string[] = [];
  let rest = list.trim();
  while (rest) {
    const key = foldLower(rest);
    const sector = SECTORS_WITH_JOINS.find(
      (name) => key.startsWith(name) && /^(?:\s*[,;]|\s+(?:va|và)\s|\s*$)/u.test(rest.slice(name.length)),
    );
    let cut: number;
    if (sector) cut = sector.length;
    else {
      const sep = /\s*[,;]\s*|\s+(?:và|va)\s+/u.exec(rest);
      cut = sep ? sep.index : rest.length;
    }
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).replace(/^\s*(?:[,;]\s*|(?:và|va)\s+)/u, "");
  }
  return out.filter(Boolean);
}
