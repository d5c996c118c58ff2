// Saved web pages: two real pages committed in test/fixtures (a vbpl.vn page of the 2013
// Constitution, the Sơn La provincial gazette's list page; sources in test/fixtures/SOURCES.md),
// a real plan (test/corpus 04, a Word file) saved as a web page by LibreOffice as an office would,
// that page put into the vbpl.vn page in place of the Constitution, and the same page in
// windows-1258; small pages written here for what a page must never give (a script, a menu).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../test/shared-corpus.js";
import { DomainError } from "../domain/errors.js";
import { isPlan } from "../parse/is-plan.js";
import { parsePlan } from "../parse/parse-plan.js";
import { docConversionAvailable } from "./doc-convert.js";
import { extractText } from "./extract.js";
import { saveAsWebPage } from "./test-files.js";
import { webPageText } from "./web-page.js";

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, "test/fixtures", name));
const VBPL = fixture("vbpl-hien-phap-2013.html");
const GAZETTE_LIST = fixture("congbao-sonla-danh-muc-van-ban.html");
const PLAN_DOCX = readFileSync(
  join(PROJECT_ROOT, "test/corpus/docs/04_ubnd-laocai-kh-2026-trien-khai-ct11-khoang-san.docx"),
);

const SOFFICE = await docConversionAvailable();
if (!SOFFICE)
  console.warn("[kehoach] LibreOffice missing: the tests of a plan saved as a web page are skipped.");

async function refusal(bytes: Uint8Array, fileName: string): Promise<string> {
  const error = await extractText(bytes, { fileName }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).id;
}

describe("a saved page of a legal database (vbpl.vn, the 2013 Constitution)", () => {
  it("gives the document, its header table and its signature, not the site around it", async () => {
    const { format, mediaType, encoding, text } = await extractText(VBPL, { fileName: "hien-phap.html" });
    expect({ format, mediaType, encoding }).toEqual({
      format: "html",
      mediaType: "text/html",
      encoding: "utf-8",
    });
    // The header: two one-cell tables floated left and right, as the page shows them.
    expect(text.split("\n").slice(0, 7)).toEqual([
      "QUỐC HỘI",
      "Số: Không số",
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Hà Nội, ngày 28 tháng 11 năm 2013",
      "HIẾN PHÁP",
      "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]);
    expect(text).toContain("Điều 120\n1. Chủ tịch nước, Ủy ban thường vụ Quốc hội, Chính phủ");
    expect(text.split("\n").filter(Boolean).slice(-4)).toEqual([
      "Hiến pháp này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIII, kỳ họp thứ 6 thông qua ngày 28 tháng 11 năm 2013.",
      "Chủ tịch Quốc hội",
      "(Đã ký)",
      "Nguyễn Sinh Hùng",
    ]);
    // The site: its menu, search, tabs, download links and the SharePoint placeholder; its scripts.
    for (const chrome of [
      "Đăng nhập",
      "Tìm kiếm",
      "Văn bản hợp nhất",
      "Lược đồ",
      "Tải về",
      "Còn hiệu lực",
      "Hien phap 2013.pdf",
      "CƠ SỞ DỮ LIỆU VĂN BẢN PHÁP LUẬT TRUNG ƯƠNG",
      "This div, which you should delete",
      "_spPageContextInfo",
      "cluetip",
    ])
      expect(text).not.toContain(chrome);
  });
});

describe("a provincial portal's page with no document on it (the Sơn La gazette's list)", () => {
  it("is read whole without its menus and forms, and holds no plan", async () => {
    const { format, text } = await extractText(GAZETTE_LIST, { fileName: "danh-muc.html" });
    expect(format).toBe("html");
    expect(text).toContain("Văn bản đăng trên Công báo là văn bản chính thức và có giá trị như bản gốc.");
    expect(text).not.toMatch(/function\s*\(|\$\(document\)|<\/?\w+/);
    expect(isPlan(parsePlan(text)).ok).toBe(false);
  });
});

describe.skipIf(!SOFFICE)(
  "a real plan saved as a web page (test/corpus 04, Word → HTML by LibreOffice)",
  () => {
    let page = "";
    beforeAll(async () => {
      page = await saveAsWebPage(PLAN_DOCX);
    }, 180_000);

    /** The plan as printed: UBND tỉnh Lào Cai's plan for Chỉ thị 11-CT/TU, number and day left blank. */
    function expectThePrintedPlan(text: string): void {
      const plan = parsePlan(text);
      expect(isPlan(plan).ok).toBe(true);
      expect(plan.document).toMatchObject({
        number: "/KH-UBND",
        issuer: "Ủy ban nhân dân tỉnh Lào Cai",
        place: "Lào Cai",
        year: 2026,
        title:
          "Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với công tác quản lý nhà nước về khoáng sản trên địa bàn tỉnh Lào Cai",
        signer: {
          capacity: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH",
          position: "PHÓ CHỦ TỊCH",
          name: "Nguyễn Thành Sinh",
        },
      });
      // Section II's eight headed items, then the appendix "MỘT SỐ NHIỆM VỤ TRỌNG TÂM": 14 rows, a task
      // each, with the lead of its row.
      expect(plan.tasks.map((t) => t.id)).toEqual([
        ...Array.from({ length: 8 }, (_, i) => `II.${i + 1}`),
        ...Array.from({ length: 14 }, (_, i) => `${i + 1}`),
      ]);
      const row4 = plan.tasks.find((t) => t.id === "4");
      expect(row4?.title).toMatch(/^Tham mưu trình kế hoạch đấu giá quyền khai thác khoáng sản/);
      expect(row4?.leads).toEqual(["Sở Nông nghiệp và Môi trường"]);
      expect(plan.tasks.find((t) => t.id === "11")?.leads).toEqual(["Công an tỉnh"]);
    }

    it("reads as its Word file does: header, title, tasks, the appendix table a row a line", async () => {
      const { format, text } = await extractText(Buffer.from(page), { fileName: "ke-hoach.html" });
      expect(format).toBe("html");
      expect(text).toMatch(
        /^4\tTham mưu trình kế hoạch đấu giá quyền khai thác khoáng sản thuộc thẩm quyền cấp phép của Chủ tịch UBND tỉnh\tSở Nông nghiệp và Môi trường\t/m,
      );
      expectThePrintedPlan(text);
      const fromWord = parsePlan((await extractText(PLAN_DOCX)).text);
      expect(parsePlan(text).tasks.map((t) => [t.id, t.title])).toEqual(
        fromWord.tasks.map((t) => [t.id, t.title]),
      );
    });

    it("is found inside a legal database's page, the site around it left out", async () => {
      // The plan's body in place of the Constitution's on the real vbpl.vn page (its header tables too).
      const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(page)?.[1] ?? "";
      const site = VBPL.toString("utf8");
      const start = site.indexOf('<div class="vbInfo">');
      const end = site.indexOf("<!-- file toàn văn -->");
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      const hosted = `${site.slice(0, start)}<div>${body}</div></div>${site.slice(end)}`;
      const text = webPageText(hosted);
      expect(text).not.toMatch(/Đăng nhập|Văn bản hợp nhất|Lược đồ|HIẾN PHÁP/);
      expectThePrintedPlan(text);
    });

    it("reads a page in windows-1258 as it declares", async () => {
      // Windows-1258 spells a toned letter as its base plus a combining tone.
      const cp1258 = [...page.replace(/charset=utf-8/i, "charset=windows-1258")]
        .map((ch) => {
          const parts = ch.normalize("NFD");
          const tone = parts.match(/[\u0300\u0301\u0303\u0309\u0323]/)?.[0];
          return tone ? parts.replace(tone, "").normalize("NFC") + tone : ch;
        })
        .join("");
      const bytes = iconv.encode(cp1258, "windows-1258");
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
      const { encoding, text } = await extractText(bytes, { fileName: "ke-hoach.htm" });
      expect(encoding).toBe("windows-1258");
      expect(text).toBe((await extractText(Buffer.from(page), { fileName: "ke-hoach.html" })).text);
    });
  },
);

describe("what a page must never give", () => {
  // Written for kehoach: a portal page whose scripts, menu, search form and hidden panel all say
  // "KẾ HOẠCH", around a short plan in a <div> with a <br> inside one paragraph.
  const PAGE = `<!DOCTYPE html><html><head><title>KẾ HOẠCH - Cổng thông tin</title>
<script>var tieuDe = "KẾ HOẠCH giả trong mã"; document.write("<p>KẾ HOẠCH giả</p>");</script>
<style>.ke-hoach::before { content: "KẾ HOẠCH"; }</style></head>
<body><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/kh">KẾ HOẠCH</a></li></ul></nav>
<form action="/tim"><label>Tìm văn bản</label><input name="q"><button>Tìm kiếm</button></form>
<noscript>Trình duyệt cần JavaScript để xem KẾ HOẠCH</noscript>
<div id="noi-dung">
<table><tr><td><b>ỦY BAN NHÂN DÂN<br>HUYỆN AN BÌNH</b></td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><i>Độc lập - Tự do - Hạnh phúc</i></td></tr>
<tr><td>Số: 15/KH-UBND</td><td><i>An Bình, ngày 3 tháng 3 năm 2026</i></td></tr></table>
<p><b>KẾ HOẠCH</b></p><p>Tổng vệ sinh môi trường năm 2026</p>
<p>I. NHIỆM VỤ</p><p>1. Ra quân tổng vệ sinh<br>- Chủ trì: Phòng Nông nghiệp và Môi trường</p>
<script>console.log("KẾ HOẠCH trong thân trang")</script>
<div style="display: none">KẾ HOẠCH ẩn: bản in</div>
</div>
<footer>© Ủy ban nhân dân huyện An Bình · KẾ HOẠCH · Liên hệ</footer></body></html>`;

  it("no script, style, menu, form, hidden text or footer; <br> breaks a line, <b> does not", () => {
    const text = webPageText(PAGE);
    expect(text).toBe(
      [
        "ỦY BAN NHÂN DÂN HUYỆN AN BÌNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/KH-UBND",
        "An Bình, ngày 3 tháng 3 năm 2026",
        "KẾ HOẠCH",
        "Tổng vệ sinh môi trường năm 2026",
        "I. NHIỆM VỤ",
        "1. Ra quân tổng vệ sinh",
        "- Chủ trì: Phòng Nông nghiệp và Môi trường",
      ].join("\n"),
    );
  });

  it("finds the document in an old portal's layout table, its own tables still rows", () => {
    // Written for kehoach: a menu cell and a content cell side by side, as table-laid portals do.
    const menu = Array.from(
      { length: 12 },
      (_, i) => `<p><a href="/m${i}">Mục tin tức số ${i + 1}</a></p>`,
    ).join("");
    const page = `<html><body><table><tr><td width="200">${menu}<p>Lượt truy cập: 1.234.567</p></td><td>
<table><tr><td>ỦY BAN NHÂN DÂN<br>HUYỆN AN BÌNH</td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr></table>
<p>KẾ HOẠCH</p><p>Tổng vệ sinh môi trường năm 2026</p><p>I. NHIỆM VỤ</p>
<table><tr><td>STT</td><td>Nội dung</td><td>Chủ trì</td><td>Thời gian</td></tr>
<tr><td>1</td><td>Ra quân tổng vệ sinh các xã, thị trấn</td><td>Phòng Nông nghiệp và Môi trường</td><td>Quý II/2026</td></tr></table>
</td></tr></table></body></html>`;
    expect(webPageText(page)).toBe(
      [
        "ỦY BAN NHÂN DÂN HUYỆN AN BÌNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "KẾ HOẠCH",
        "Tổng vệ sinh môi trường năm 2026",
        "I. NHIỆM VỤ",
        "STT\tNội dung\tChủ trì\tThời gian",
        "1\tRa quân tổng vệ sinh các xã, thị trấn\tPhòng Nông nghiệp và Môi trường\tQuý II/2026",
      ].join("\n"),
    );
  });

  it("refuses a page with no text, binary bytes named .html, and bytes no encoding reads", async () => {
    expect(
      await refusal(Buffer.from("<html><body><img src=a.png><script>x()</script></body></html>"), "a.html"),
    ).toBe("file.empty");
    expect(await refusal(Buffer.from([0x3c, 0x68, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x00, 0x07]), "a.html")).toBe(
      "file.binary",
    );
    // Latin-1 accents with no declared charset: no Vietnamese encoding reads them.
    expect(
      await refusal(
        Buffer.from("<p>Caf\xe9 cr\xe8me br\xfbl\xe9e na\xefve \xe0 la carte</p>", "latin1"),
        "a.htm",
      ),
    ).toBe("file.encoding");
  });
});
