// What search looks in: plans and tasks carry a folded copy of their words (no diacritics, lower
// case), matched by the trigram indexes, so "ke hoach chuyen doi so" finds "Kế hoạch chuyển đổi số".

/** Folded, lower-case text for the trigram search indexes: "Sở GD&ĐT  Hải Phòng" → "so gd&dt hai phong". */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .slice(0, 20000);
}

/** What plan search looks in: "Kế hoạch 123/KH-SGDĐT Tổ chức … Sở GD&ĐT Hải Phòng", folded. */
export function planSearchText(d: {
  type: string | null;
  number: string | null;
  title: string | null;
  issuer: string | null;
  place: string | null;
}): string {
  return foldForSearch(
    [d.type === "KH" ? "Kế hoạch" : (d.type ?? ""), d.number, d.title, d.issuer, d.place]
      .filter(Boolean)
      .join(" "),
  );
}

/** What task search looks in: the task's title and text, folded. */
export function taskSearchText(title: string, content: string): string {
  return foldForSearch(`${title} ${content}`);
}
