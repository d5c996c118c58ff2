import { describe, expect, it } from "vitest";
import { convertLegacyFontParts, convertLegacyRuns } from "./docx-legacy-fonts.js";
import { readStyleFonts } from "./docx-styles.js";

const STYLES = readStyleFonts(`<w:styles>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
<w:style w:type="paragraph" w:styleId="Tcvn"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Caps"><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>
</w:styles>`);

const run = (fonts: string, text: string) => `<w:r><w:rPr>${fonts}</w:rPr><w:t>${text}</w:t></w:r>`;
const font = (name: string) => `<w:rFonts w:ascii="${name}" w:hAnsi="${name}"/>`;
const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);

describe("runs typed in legacy fonts", () => {
  it("converts a run by its own font, its character style, its paragraph style", () => {
    const xml =
      `<w:p>${run(font(".VnTime"), "KÕ ho¹ch")}${run('<w:rStyle w:val="Caps"/>', "kÕ ho¹ch")}${run(font("Arial"), "KÕ")}</w:p>` +
      `<w:p><w:pPr><w:pStyle w:val="Tcvn"/></w:pPr>${run("", "Hµ Néi")}${run(font("VNI-Times"), "Haø Noäi")}</w:p>`;
    const { xml: out, converted, unicode } = convertLegacyRuns(xml, STYLES);
    expect(texts(out)).toEqual(["Kế hoạch", "KẾ HOẠCH", "KÕ", "Hà Nội", "Hà Nội"]);
    expect(converted).toEqual(
      new Map([
        ["tcvn3", 3],
        ["vni", 1],
      ]),
    );
    expect(unicode).toBe(1);
  });

  it("takes no font from a paragraph mark's properties, nor from a revision's old ones", () => {
    const xml =
      `<w:p><w:pPr><w:rPr>${font(".VnTime")}</w:rPr></w:pPr>${run("", "KÕ")}</w:p>` +
      `<w:p>${run(`${font("Arial")}<w:rPrChange><w:rPr>${font(".VnTime")}</w:rPr></w:rPrChange>`, "KÕ")}</w:p>`;
    expect(texts(convertLegacyRuns(xml, STYLES).xml)).toEqual(["KÕ", "KÕ"]);
  });

  it("leaves a run in a legacy font that holds Unicode, and keeps what is escaped escaped", () => {
    const xml = `<w:p>${run(font(".VnTime"), "Kế hoạch")}${run(font(".VnTime"), "R&amp;D &lt;Sè 1&gt;")}</w:p>`;
    expect(texts(convertLegacyRuns(xml, STYLES).xml)).toEqual(["Kế hoạch", "R&amp;D &lt;Số 1&gt;"]);
  });

  it("reads a soft hyphen in a TCVN3 run as the ư it is, capitals worked out over the word", () => {
    const xml =
      `<w:p><w:r><w:rPr>${font(".VnTime")}</w:rPr><w:t>c¸c tr</w:t><w:softHyphen/><w:t>êng</w:t></w:r></w:p>` +
      `<w:p><w:r><w:rPr>${font(".VnTime")}</w:rPr><w:t>TR</w:t><w:softHyphen/><w:t>êNG</w:t></w:r></w:p>` +
      `<w:p><w:r><w:rPr>${font("Arial")}</w:rPr><w:t>tr</w:t><w:softHyphen/><w:t>ng</w:t></w:r></w:p>`;
    const out = convertLegacyRuns(xml, STYLES).xml;
    expect(texts(out)).toEqual(["các tr", "ư", "ờng", "TR", "Ư", "ỜNG", "tr", "ng"]);
    expect(out).toContain("<w:t>tr</w:t><w:softHyphen/><w:t>ng</w:t>");
  });

  it("converts the runs of a text box inside a run by their own fonts", () => {
    const box = `<w:txbxContent><w:p>${run(font(".VnTime"), "Gi¸o dôc")}</w:p></w:txbxContent>`;
    const xml = `<w:p><w:r><w:rPr>${font("Arial")}</w:rPr><w:drawing>${box}</w:drawing><w:t>Sè</w:t></w:r></w:p>`;
    expect(texts(convertLegacyRuns(xml, STYLES).xml)).toEqual(["Giáo dục", "Sè"]);
  });

  it("rewrites the parts only where a legacy font is named", () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const plain = [{ name: "word/document.xml", bytes: utf8(`<w:p>${run(font("Arial"), "KÕ")}</w:p>`) }];
    expect(convertLegacyFontParts(plain)).toEqual({ parts: plain, encoding: null, partly: false });
    const legacy = [
      {
        name: "word/document.xml",
        bytes: utf8(`<w:p>${run(font(".VnTime"), "KÕ")}${run(font("Arial"), "Kế")}</w:p>`),
      },
      { name: "word/footnotes.xml", bytes: utf8(`<w:p>${run(font("VNI-Times"), "Keá")}</w:p>`) },
      { name: "word/header1.xml", bytes: utf8(`<w:p>${run(font(".VnTime"), "KÕ")}</w:p>`) },
    ];
    const { parts, encoding, partly } = convertLegacyFontParts(legacy);
    expect(parts.map((part) => texts(new TextDecoder().decode(part.bytes)))).toEqual([
      ["Kế", "Kế"],
      ["Kế"],
      ["KÕ"],
    ]);
    expect({ encoding, partly }).toEqual({ encoding: "tcvn3", partly: true });
  });
});
