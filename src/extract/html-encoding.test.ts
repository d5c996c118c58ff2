// A page's encoding: by its byte-order mark, by valid UTF-8, by its <meta>; and which reader a
// text file needs, by its first tag or its name.

import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.js";
import { declaredCharset, decodeHtmlBytes } from "./html-encoding.js";
import { opensAsHtml, textKind } from "./text-kind.js";

const head = (meta: string) => Buffer.from(`<html><head>${meta}<title>x</title></head><body>`, "latin1");

describe("declaredCharset", () => {
  it.each([
    ['<meta charset="utf-8">', "utf-8"],
    ["<META CHARSET=Windows-1258>", "windows-1258"],
    ['<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', "windows-1258"],
    ["<meta http-equiv=content-type content='text/html;charset=\"UTF-8\"'>", "utf-8"],
    ['<meta name="description" content="charset=utf-16">', null],
    ["", null],
  ])("%s → %s", (meta, label) => {
    expect(declaredCharset(head(meta))).toBe(label);
  });

  it("stops at <body>: a page's text is not its head", () => {
    expect(declaredCharset(Buffer.from('<body><p>meta</p><meta charset="koi8-r">'))).toBeNull();
  });
});

describe("decodeHtmlBytes", () => {
  // "Kế hoạch" in windows-1258: "ế" is ê (0xEA) and a combining acute (0xEC).
  const cp1258 = Buffer.concat([
    head('<meta charset="windows-1258">'),
    iconv.encode("K\u00ea\u0301 hoa\u0323ch", "windows-1258"),
  ]);

  it("reads windows-1258 as declared, tones put back on their letters", () => {
    const { html, encoding } = decodeHtmlBytes(cp1258);
    expect(encoding).toBe("windows-1258");
    expect(html.endsWith("Kế hoạch")).toBe(true);
  });

  it("trusts valid UTF-8 over a single-byte label a re-saved page kept", () => {
    const bytes = Buffer.concat([head('<meta charset="iso-8859-1">'), Buffer.from("Kế hoạch", "utf8")]);
    expect(decodeHtmlBytes(bytes)).toMatchObject({ encoding: "utf-8" });
    expect(decodeHtmlBytes(bytes).html.endsWith("Kế hoạch")).toBe(true);
  });

  it("reads a page Word saved as UTF-16 (charset=unicode) by its mark", () => {
    const page =
      '<html><head><meta http-equiv=Content-Type content="text/html; charset=unicode"></head><body>Kế hoạch</body></html>';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, "utf16le")]);
    expect(decodeHtmlBytes(bytes)).toMatchObject({ encoding: "utf-16le" });
    expect(decodeHtmlBytes(bytes).html).toContain("<body>Kế hoạch</body>");
  });

  it("guesses windows-1258 by its letters where nothing is declared, and refuses bytes nothing reads", () => {
    const undeclared = iconv.encode(
      "<p>K\u00ea\u0301 hoa\u0323ch tri\u00ea\u0309n khai nhi\u00ea\u0323m vu\u0323 n\u0103m 2026</p>",
      "windows-1258",
    );
    expect(decodeHtmlBytes(undeclared)).toMatchObject({ encoding: "windows-1258" });
    const error = (() => {
      try {
        decodeHtmlBytes(Buffer.from("<p>Caf\xe9 cr\xe8me br\xfbl\xe9e</p>", "latin1"));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).id).toBe("file.encoding");
  });
});

describe("textKind", () => {
  it.each([
    ["<!-- saved from url=(0054)https://vbpl.vn/ -->\n<!DOCTYPE html>\n<html>", true],
    ["<!--Timer:00:00:00.0030797-->\n\n<!DOCTYPE html>", true],
    ['<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', true],
    ["\uFEFF  <table border=1><tr><td>1</td></tr></table>", true],
    ["<p>KẾ HOẠCH</p>", true],
    ["KẾ HOẠCH\n<b>đậm</b>", false],
    ["<Ghi chú: bản nháp>\nKẾ HOẠCH", false],
    ["| STT | Nội dung |", false],
  ])("%j opens as HTML: %s", (text, html) => {
    expect(opensAsHtml(text)).toBe(html);
  });

  it("by name where the bytes do not tell: .md is Markdown, .htm a fragment of a page", () => {
    const text = Buffer.from("KẾ HOẠCH<br>Tổng vệ sinh", "utf8");
    expect(textKind(text, "ke-hoach.md")).toBe("markdown");
    expect(textKind(text, "KE-HOACH.HTM")).toBe("html");
    expect(textKind(text, "ke-hoach.txt")).toBe("text");
    expect(textKind(text)).toBe("text");
    expect(textKind(Buffer.from("<html><body>x</body></html>"), "ke-hoach.txt")).toBe("html");
  });

  it("reads UTF-16 with a mark: Word's web page", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("<html><body>x</body></html>", "utf16le"),
    ]);
    expect(textKind(bytes, "van-ban.htm")).toBe("html");
    expect(textKind(bytes)).toBe("html");
  });
});
