// What a text file is, for the reader that fits it: a web page (by its first tag, or its name where
// the bytes do not say), Markdown (by its name alone: any text is Markdown), or plain text.

/** The kinds of text file kehoach reads. */
export type TextKind = "html" | "markdown" | "text";

// The first tag of an HTML document or fragment, after a byte-order mark, white space, comments
// ("<!-- saved from url=… -->") and an XML declaration; WHATWG's sniffing list, with <meta> and <p>.
//   "<!DOCTYPE html>" | "<html lang=\"vi\">" | "<HEAD>" | "<table border=1>" | "<p>KẾ HOẠCH" | "<br/>"
const FIRST_TAG =
  /^<(?:!doctype\s+html|html|head|body|meta|title|style|script|iframe|h1|div|font|table|a|b|br|p)[\s/>]/i;

/** The extension of a file name, lower-cased: `extensionOf("Ke-hoach.HTM")` → `"htm"`. */
function extensionOf(fileName: string | undefined): string {
  const dot = fileName?.lastIndexOf(".") ?? -1;
  return fileName && dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/** The start of the file as text: UTF-16 by its mark, otherwise byte for byte (tags are ASCII). */
function head(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 4096);
  if (sample[0] === 0xff && sample[1] === 0xfe) return new TextDecoder("utf-16le").decode(sample.subarray(2));
  if (sample[0] === 0xfe && sample[1] === 0xff) return new TextDecoder("utf-16be").decode(sample.subarray(2));
  const skip = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
  return Buffer.from(sample.subarray(skip)).toString("latin1");
}

/** Whether text opens as HTML: `opensAsHtml("<!-- saved -->\n<!DOCTYPE html><html>")` → true. */
export function opensAsHtml(text: string): boolean {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] as string)) at++;
    if (text.startsWith("<!--", at)) {
      const end = text.indexOf("-->", at + 4);
      if (end < 0) return false;
      at = end + 3;
    } else if (text.startsWith("<?xml", at)) {
      const end = text.indexOf("?>", at);
      if (end < 0) return false;
      at = end + 2;
    } else return FIRST_TAG.test(text.slice(at, at + 32));
  }
}

/**
 * Which reader a text file needs: `textKind(bytes, "ke-hoach.md")` → `"markdown"`;
 * `textKind(Buffer.from("<html>…"))` → `"html"`.
 */
export function textKind(bytes: Uint8Array, fileName?: string): TextKind {
  const extension = extensionOf(fileName);
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "html" || extension === "htm" || opensAsHtml(head(bytes))) return "html";
  return "text";
}
