import { describe, expect, it } from "vitest";
import { readRunFonts, readStyleFonts, styleFont } from "./docx-styles.js";

// Written for kehoach, as Word writes word/styles.xml.
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="x">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="Vni"><w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="Grid"><w:tblStylePr w:type="firstRow"><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:tblStylePr></w:style>
<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
</w:styles>`;

describe("style fonts", () => {
  const fonts = readStyleFonts(STYLES);

  it("reads the defaults, each style's fonts and the style it is based on", () => {
    expect(fonts.defaults).toEqual({ ascii: "", hAnsi: "" });
    expect(fonts.defaultParagraphStyle).toBe("Normal");
    expect(styleFont(fonts, "Heading1", "hAnsi")).toBe(".VnTimeH");
    expect(styleFont(fonts, "Body", "hAnsi")).toBe(".VnTime");
    expect(styleFont(fonts, "Vni", "ascii")).toBe("VNI-Times");
  });

  it("takes no table style's part for the style's own fonts, and stops on a loop", () => {
    expect(styleFont(fonts, "Grid", "ascii")).toBeUndefined();
    expect(styleFont(fonts, "Loop", "ascii")).toBeUndefined();
    expect(styleFont(fonts, "Missing", "ascii")).toBeUndefined();
  });

  it("reads a Word file with no styles, and a theme font as no named font", () => {
    expect(readStyleFonts(null)).toEqual({ defaults: {}, styles: new Map(), defaultParagraphStyle: null });
    expect(readRunFonts('<w:rFonts w:ascii=".VnTime" w:hAnsiTheme="minorHAnsi" w:hAnsi=".VnTime"/>')).toEqual(
      {
        ascii: ".VnTime",
        hAnsi: "",
      },
    );
  });
});
