import { describe, expect, it } from "vitest";
import { attribute, escapeXml, unescapeXml, xmlPieces } from "./word-xml.js";

describe("WordprocessingML pieces", () => {
  it("splits a part into tags and text, and knows a tag's name and kind", () => {
    const pieces = [
      ...xmlPieces(
        '<?xml version="1.0"?><w:r><w:rFonts w:ascii=".VnTime"/><w:t xml:space="preserve">KÕ</w:t></w:r>',
      ),
    ];
    expect(pieces).toEqual([
      { tag: '<?xml version="1.0"?>', name: "?xml", closing: false, empty: true },
      { tag: "<w:r>", name: "w:r", closing: false, empty: false },
      { tag: '<w:rFonts w:ascii=".VnTime"/>', name: "w:rFonts", closing: false, empty: true },
      { tag: '<w:t xml:space="preserve">', name: "w:t", closing: false, empty: false },
      { text: "KÕ" },
      { tag: "</w:t>", name: "w:t", closing: true, empty: false },
      { tag: "</w:r>", name: "w:r", closing: true, empty: false },
    ]);
  });

  it("reads an attribute, by its whole name", () => {
    const tag = `<w:rFonts w:asciiTheme="minorHAnsi" w:ascii=".VnTime" w:hAnsi='VNI-Times' w:cs="A &amp; B"/>`;
    expect(attribute(tag, "w:ascii")).toBe(".VnTime");
    expect(attribute(tag, "w:hAnsi")).toBe("VNI-Times");
    expect(attribute(tag, "w:cs")).toBe("A & B");
    expect(attribute(tag, "w:eastAsia")).toBeNull();
  });

  it("unescapes a text node's characters and escapes them again", () => {
    expect(unescapeXml("Ph&#242;ng &amp; Ban &lt;1&gt; &#x1EBF; &quot;x&apos;")).toBe(
      "Phòng & Ban <1> ế \"x'",
    );
    expect(escapeXml("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
  });
});
