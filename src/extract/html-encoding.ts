// A saved web page's bytes as text. A page says its encoding in a <meta> of its head (UTF-8 today,
// windows-1258 on old Vietnamese sites, "unicode" = UTF-16 for a page saved from Word); the bytes
// are trusted over the label where they can only be one thing (a byte-order mark, valid UTF-8).

import { Parser } from "htmlparser2";
import iconv from "iconv-lite";
import type { LegacyEncoding } from "../text/legacy/codec.js";
import { decodeTextFile } from "./text-encoding.js";

// How far into a page its <meta> is looked for: heads of portal pages carry kilobytes of links
// and scripts before it (WHATWG's 1024 bytes miss some).
const HEAD_BYTES = 16384;

// The charset named by a Content-Type value.
//   "text/html; charset=windows-1258" | "text/html;charset=\"UTF-8\"" → windows-1258 | UTF-8
const CONTENT_TYPE_CHARSET = /charset\s*=\s*["']?\s*([\w.:-]+)/i;

// Labels the Encoding Standard reads as windows-1252 (a browser shows bytes 0x80–0x9F so).
const WINDOWS_1252 = new Set(["iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp819"]);

/**
 * The charset a page declares in its head, lower-cased, or null:
 * `declaredCharset(bytes)` → `"windows-1258"` for `<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">`.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  // ASCII is all a <meta> needs; latin1 maps every byte to one character, so nothing fails here.
  const head = Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString("latin1");
  let found: string | null = null;
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (done) return;
        if (name === "body") done = true;
        if (name !== "meta") return;
        const label =
          attribs.charset ??
          (attribs["http-equiv"]?.toLowerCase() === "content-type"
            ? attribs.content?.match(CONTENT_TYPE_CHARSET)?.[1]
            : undefined);
        if (label?.trim()) {
          found = label.trim().toLowerCase();
          done = true;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(head);
  parser.end();
  return found;
}

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A page's markup as decoded, and the legacy encoding its bytes were in where no label said (text-encoding.ts). */
export interface DecodedPage {
  html: string;
  encoding: string;
  legacyEncoding?: LegacyEncoding;
  /** What a person is told about a legacy encoding found. */
  notes?: string[];
}

// The page as the text file reader decodes it, legacy encodings and their notes included.
function asTextFile(bytes: Uint8Array): DecodedPage {
  const { text, encoding, legacyEncoding, notes } = decodeTextFile(bytes);
  return { html: text, encoding, ...(legacyEncoding ? { legacyEncoding, notes } : {}) };
}

/**
 * Decodes a page: `decodeHtmlBytes(readFileSync("ke-hoach.html"))` → `{ html, encoding: "utf-8" }`.
 * Throws DomainError file.encoding (from text-encoding.ts) for bytes no declared or known encoding reads.
 */
export function decodeHtmlBytes(bytes: Uint8Array): DecodedPage {
  // A byte-order mark says it all (Word's "Web Page" is UTF-16 with one, whatever its meta says).
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bom) return asTextFile(bytes);
  // Valid UTF-8 with Vietnamese in it is no single-byte encoding's text: a page re-saved as UTF-8
  // often keeps the meta of the site it came from.
  const utf8 = validUtf8(bytes);
  if (utf8 !== null) return { html: utf8.normalize("NFC"), encoding: "utf-8" };
  const declared = declaredCharset(bytes);
  const label = declared && WINDOWS_1252.has(declared) ? "windows-1252" : declared;
  if (label && iconv.encodingExists(label)) {
    // windows-1258 writes tones as combining marks: NFC puts them back on their letters.
    return { html: iconv.decode(Buffer.from(bytes), label).normalize("NFC"), encoding: label };
  }
  // No usable label: the text file's own guess (TCVN3, VNI, Windows-1258 by its words), or a clear refusal.
  return asTextFile(bytes);
}
