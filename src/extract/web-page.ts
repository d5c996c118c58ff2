// A saved web page (a legal-database page, a provincial portal's article, a page saved from Word)
// as the text of the document it shows, without the site around it: menus, search boxes, related
// documents, footers. The document is found by what every Vietnamese administrative document
// carries, never by one site's class names: its motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
// "ĐẢNG CỘNG SẢN VIỆT NAM") or its type heading ("KẾ HOẠCH", "QUYẾT ĐỊNH" …), in the element that
// also holds most of the page's text. A page without either is read whole, its chrome left out.

import {
  type HtmlElement,
  type HtmlNode,
  isElement,
  nodesText,
  parseHtml,
  UNRENDERED,
} from "./html-to-text.js";

// The site around a document: menus, sidebars, search boxes and their controls. A page's own
// <header> and <footer> are its banner and its address; inside an <article>, <main> or <section>
// they are the document's (its heading may stand there).
const CHROME = new Set(["nav", "aside", "menu", "dialog", "button", "select", "option", "textarea", "input"]);
const PAGE_PARTS = new Set(["header", "footer"]);
const CONTENT = new Set(["article", "main", "section"]);
// A form holds a search box, or (ASP.NET and Domino sites) the whole page.
const FORM = "form";

// An element hidden from view: `hidden`, or an inline style that hides it.
//   style="display:none" | style="DISPLAY: none; width: 10px" | style="visibility:hidden"
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

// What marks a document's head, on the element's whole (short) text: the motto in capitals at its
// start (not "Báo điện tử Đảng Cộng sản Việt Nam" in a list of links, not a gazette's banner).
//   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" | "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
//   "ĐẢNG CỘNG SẢN VIỆT NAM"
const MOTTO = /^(?:CỘNG H(?:ÒA|OÀ|OA) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)/u;
//   "KẾ HOẠCH" | "QUYẾT ĐỊNH" | "KẾ HOẠCH HÀNH ĐỘNG" | "CHƯƠNG TRÌNH HÀNH ĐỘNG" | "NGHỊ QUYẾT" (the whole text)
const TYPE_HEADING =
  /^(?:KẾ HOẠCH(?: HÀNH ĐỘNG)?|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|THÔNG BÁO|ĐỀ ÁN|PHƯƠNG ÁN)$/u;
// A head's cell is short ("… Độc lập - Tự do - Hạnh phúc ---------------"); a paragraph that
// merely names the Republic is not one.
const MARK_MAX_CHARS = 160;
// The document's element holds at least this share of the page's text outside links.
const MOST = 0.5;
// Of the elements found that way, one this much larger than the smallest is still the document's:
// its head and signature may stand in tables beside the body's element.
const NEAR_SMALLEST = 1.25;
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"]);
// A page's header and closing tables are written as the page shows them (html-to-text.ts).
const PRINTED = { layoutRows: "printed" } as const;

function isHidden(element: HtmlElement): boolean {
  return element.attribs.hidden !== undefined || HIDING_STYLE.test(element.attribs.style ?? "");
}

/** The site's part, never the document's: `<nav>`, a hidden panel, the page's own `<header>`. */
function isChrome(element: HtmlElement): boolean {
  if (CHROME.has(element.name) || isHidden(element)) return true;
  if (!PAGE_PARTS.has(element.name)) return false;
  for (let up = parentElement(element); up; up = parentElement(up)) if (CONTENT.has(up.name)) return false;
  return true;
}

interface Measure {
  /** Characters of text, spaces left out, chrome and hidden parts not counted. */
  chars: number;
  /** Of them, inside links (menus and lists of related documents are mostly links). */
  linked: number;
  /** The element's text, spaces collapsed, when it is short enough to be a mark. */
  short: string | null;
  /** Its own text is a document's mark. */
  mark: boolean;
  /** It or an element inside it is a mark. */
  holdsMark: boolean;
}

function isMarkText(text: string | null): boolean {
  return !!text && (MOTTO.test(text) || TYPE_HEADING.test(text));
}

/** Measures every element once, children before parents, skipping what is never shown. */
function measure(root: HtmlElement): Map<HtmlElement, Measure> {
  const sizes = new Map<HtmlElement, Measure>();
  const order: HtmlElement[] = [];
  const stack: HtmlElement[] = [root];
  for (let element = stack.pop(); element; element = stack.pop()) {
    order.push(element);
    for (const child of element.children)
      if (isElement(child) && !UNRENDERED.has(child.name)) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i] as HtmlElement;
    let chars = 0;
    let linked = 0;
    let holdsMark = false;
    let short: string | null = "";
    for (const child of element.children) {
      let text: string | null = null;
      if (child.type === "text") {
        text = child.data;
        chars += text.replace(/\s+/g, "").length;
      } else if (isElement(child)) {
        const size = sizes.get(child);
        if (!size) continue;
        // A menu or a hidden panel is not the page's text, nor a mark in it a document's.
        if (isChrome(child)) continue;
        holdsMark ||= size.holdsMark;
        chars += size.chars;
        linked += size.linked;
        text = size.short === null ? null : ` ${size.short} `;
      }
      if (short !== null) short = text === null ? null : short + text;
      if (short !== null && short.length > MARK_MAX_CHARS * 4) short = null;
    }
    if (element.name === "a") linked = chars;
    const collapsed = short === null ? null : short.replace(/\s+/g, " ").trim().normalize("NFC");
    const own = collapsed !== null && collapsed.length <= MARK_MAX_CHARS ? collapsed : null;
    const mark = isMarkText(own) && !holdsMark;
    sizes.set(element, { chars, linked, short: own, mark, holdsMark: holdsMark || mark });
  }
  return sizes;
}

/** The marks of a page, in page order. */
function marks(root: HtmlElement, sizes: Map<HtmlElement, Measure>): HtmlElement[] {
  const found: HtmlElement[] = [];
  const stack: HtmlElement[] = [root];
  for (let element = stack.pop(); element; element = stack.pop()) {
    const size = sizes.get(element);
    if (!size?.holdsMark || isChrome(element)) continue;
    if (size.mark) found.push(element);
    const children = element.children.filter(isElement);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as HtmlElement);
  }
  return found;
}

function holds(ancestor: HtmlElement, element: HtmlElement): boolean {
  for (let node: HtmlElement | null = element; node; node = parentElement(node))
    if (node === ancestor) return true;
  return false;
}

function parentElement(element: HtmlElement): HtmlElement | null {
  const parent = element.parent;
  return parent && isElement(parent as HtmlNode) ? (parent as HtmlElement) : null;
}

/**
 * The text of the document a page shows:
 * `webPageText("<html><body><nav>Trang chủ</nav><div><p>KẾ HOẠCH</p>…</div></body></html>")` →
 * `"KẾ HOẠCH\n…"`.
 */
export function webPageText(html: string): string {
  const document = parseHtml(html);
  const body =
    (function find(nodes: readonly HtmlNode[]): HtmlElement | null {
      for (const node of nodes) {
        if (!isElement(node)) continue;
        if (node.name === "body") return node;
        if (node.name === "html") {
          const inner = find(node.children as HtmlNode[]);
          if (inner) return inner;
        }
      }
      return null;
    })(document.children) ?? null;
  // A fragment without <body>: its elements read as they are.
  if (!body) return nodesText(document.children, (e) => isChrome(e) || e.name === FORM, PRINTED);

  const sizes = measure(body);
  const plain = (e: HtmlElement) => {
    const size = sizes.get(e);
    return size ? size.chars - size.linked : 0;
  };
  const total = plain(body);
  const chars = (e: HtmlElement) => sizes.get(e)?.chars ?? 0;
  // A part of a table is the document only as the one cell of an old portal's layout table that
  // holds the page (twice the text of the other cells, its menus): a header's cell, however much
  // of a short page it holds, is not.
  const standsAlone = (e: HtmlElement): boolean => {
    if (!TABLE_PARTS.has(e.name)) return true;
    if (e.name !== "td" && e.name !== "th") return false;
    let table = parentElement(e);
    while (table && table.name !== "table") table = parentElement(table);
    return !!table && plain(e) >= 2 * (plain(table) - plain(e));
  };
  // For each mark, the smallest element around it that holds most of the text.
  const found = marks(body, sizes).map((mark) => {
    let container: HtmlElement = mark;
    while (plain(container) < total * MOST || !standsAlone(container)) {
      const parent = parentElement(container);
      if (!parent) break;
      container = parent;
    }
    return { mark, container };
  });
  // The first mark of the page whose element is about the smallest: the document's head (motto,
  // number, date) comes before its title and body, but a site banner naming the Republic finds
  // only the whole page.
  const smallest = Math.min(...found.map((f) => plain(f.container)));
  const best = found.find((f) => plain(f.container) <= smallest * NEAR_SMALLEST) ?? null;
  const mark = best?.mark ?? null;
  // A form is a search box unless the document, or most of the page, is inside it.
  const skip = (e: HtmlElement) =>
    isChrome(e) || (e.name === FORM && !(mark && holds(e, mark)) && chars(e) < chars(body) * MOST);
  const container = best?.container ?? body;
  return nodesText(container === body ? body.children : [container], skip, PRINTED);
}
