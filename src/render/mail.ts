// The mail people get, in Vietnamese, plain and HTML alike, every item with its link: one message
// for one event, or one digest a day with everything due.

export interface MailItem {
  title: string;
  body: string;
  /** The app's link to what the item is about ("#/plans/12"). */
  link: string;
}

export interface Composed {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const url = (base: string, link: string) => `${base.replace(/\/+$/, "")}/${link.replace(/^\/+/, "")}`;

const FOOTER_TEXT =
  "Thư gửi tự động từ kehoach. Đổi cách nhận thông báo (từng việc, tóm tắt hằng ngày, hay không nhận) ở mục Thông báo.";

function page(title: string, inner: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family: Arial, sans-serif; font-size: 14px; color: #222">${inner}<p style="color: #666; font-size: 12px">${escapeHtml(FOOTER_TEXT)}</p></body></html>`;
}

/** The subject of one event's message: `subjectOne("Quá hạn 3 ngày: II.1 …")` → "[kehoach] Quá hạn 3 ngày: II.1 …". */
export const subjectOne = (title: string) => `[kehoach] ${title}`;

/** One event: `composeOne({ title: "Quá hạn 3 ngày: II.1 …", body: "…", link: "#/plans/12" }, "Nguyễn Văn A", base)`. */
export function composeOne(item: MailItem, name: string, base: string): Composed {
  const href = url(base, item.link);
  return {
    subject: subjectOne(item.title),
    text: `Kính gửi ${name},\n\n${item.title}\n${item.body}\n\nXem: ${href}\n\n${FOOTER_TEXT}\n`,
    html: page(
      item.title,
      `<p>Kính gửi ${escapeHtml(name)},</p><p><strong>${escapeHtml(item.title)}</strong><br>${escapeHtml(item.body)}</p><p><a href="${escapeHtml(href)}">Mở trong kehoach</a></p>`,
    ),
  };
}

/** A day's digest: `composeDigest(items, "Nguyễn Văn A", "2026-06-23", base)`. */
export function composeDigest(items: readonly MailItem[], name: string, day: string, base: string): Composed {
  const [y, m, d] = day.split("-");
  const shown = `${d}/${m}/${y}`;
  const subject = `[kehoach] Tóm tắt ngày ${shown}: ${items.length} việc cần chú ý`;
  const lines = items.map((i) => `- ${i.title}\n  ${i.body}\n  ${url(base, i.link)}`);
  return {
    subject,
    text: `Kính gửi ${name},\n\nCác việc cần chú ý ngày ${shown}:\n\n${lines.join("\n")}\n\n${FOOTER_TEXT}\n`,
    html: page(
      subject,
      `<p>Kính gửi ${escapeHtml(name)},</p><p>Các việc cần chú ý ngày ${shown}:</p><ul>${items
        .map(
          (i) =>
            `<li><a href="${escapeHtml(url(base, i.link))}"><strong>${escapeHtml(i.title)}</strong></a><br>${escapeHtml(i.body)}</li>`,
        )
        .join("")}</ul>`,
    ),
  };
}
