#!/usr/bin/env node
// Rebuilds the training text for the Vietnamese diacritic-restoration model
// (data/restore-corpus/train-NN.txt.gz, heldout.txt.gz, manifest.tsv.gz) from
// bare git mirrors of the public repositories listed in SOURCES below.
//
//   node data/restore-corpus/build.mjs [--mirror /work/.mirror] [--out data/restore-corpus]
//       [--eval /work/shared/corpus] [--work /tmp/restore-corpus-work]
//
// Each repository is expected at <mirror>/<owner>+<name>/repo (a bare git dir) and is
// read at the pinned commit, never at HEAD. External tools used: git, unzip (DOCX),
// pdftotext (poppler-utils, PDF), antiword (old .doc). Not run in CI: it documents and
// reproduces how the shipped text was made. Deterministic for the same inputs.
//
// Pipeline: extract -> plain text (markup stripped, line structure kept, NFC) -> per-document
// quality filters (Vietnamese share, accent rate, syllable validity) -> exclusion of the
// project's evaluation documents (by number/symbol and by shared 12-word runs) -> duplicate
// removal (number/symbol + year, first 500 characters, repeated long lines) -> sampling of the
// Pháp điển share -> held-out split -> gzip output.

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

// ---------------------------------------------------------------- arguments
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
const HERE = path.dirname(new URL(import.meta.url).pathname);
const MIRROR = args.mirror ?? "/work/.mirror";
const OUT = args.out ?? HERE;
const EVAL = args.eval ?? "/work/shared/corpus";
const WORK = args.work ?? "/tmp/restore-corpus-work";
fs.mkdirSync(WORK, { recursive: true });

const SEED = "kehoach-restore-corpus-v1";
const PHAPDIEN_BUDGET = 5_000_000; // syllables taken from the Pháp điển source
const HELDOUT_SHARE = 0.05; // share of documents per source put in held-out
const HELDOUT_MAX_SYLLABLES = 10_000; // longer documents (whole codes, planning reports) stay in train
const MAX_FILE_BYTES = 20_000_000; // uncompressed bytes per train-NN.txt

// ---------------------------------------------------------------- sources
// Paths of files that are the project's own evaluation fixtures (shared/corpus/files) or
// their text twins: never read.
const EVAL_FILE_PATTERNS = [/KH-2242/, /KH-3898/, /3036_SCT/, /CV-813/];

const SOURCES = [
  {
    id: "skill-sct",
    repo: "Trangsct/skill-sct",
    commit: "3821ed3bb6381b6340da81feaa135a329b025137",
    include: (p) =>
      /\.(txt|docx|doc|pdf)$/i.test(p) &&
      !/\/(templates|mau-van-ban|scripts)\//.test(p) &&
      !/requirements\.txt$/.test(p) &&
      // not state documents (standards and technical texts with their own copyright, a UN list,
      // a staff member's working notes)
      !/TCVN-|Danh-sach-UN-numbers|DLVN-|Ghi-chu-nghiep-vu/.test(p),
    kind: "auto",
  },
  {
    // markdown crawls of a legal database (one document per file)
    id: "congbot-Data",
    repo: "TuanHuu168/CongBot",
    commit: "b8849f31b7b2c45573ef23629e37122d608a222e",
    include: (p) => /^Data\/file_data_\d+\.md$/.test(p),
    kind: "md",
  },
  {
    // the same project's later per-document chunk folders (chunks joined back in order)
    id: "congbot-data",
    repo: "TuanHuu168/CongBot",
    commit: "df78058b7bee07c9c9ea80500a7846ff8b671448",
    include: (p) => /^data\/[^/]+\/chunk_\d+\.md$/.test(p),
    kind: "md",
    group: (p) => p.split("/")[1],
    order: (p) => Number(p.match(/chunk_(\d+)/)[1]),
  },
  {
    id: "vlc",
    repo: "undertheseanlp/resources",
    commit: "cbdb3c3ac065d49bd047dc55ad173181f9e846e3",
    include: (p) => /^resources\/CP_Vietnamese-VLC\/corpus\/[^/]+\.txt$/.test(p),
    kind: "txt",
  },
  {
    id: "phapdien",
    repo: "diepxuan/diepxuan.github.io",
    commit: "fbaa690e1c9ff35deabbf5e9a8b8830ce3d54048",
    include: (p) => /^van-ban\/.+\.md$/.test(p),
    kind: "phapdien",
    budget: PHAPDIEN_BUDGET,
  },
];

// ---------------------------------------------------------------- git helpers
function gitDir(repo) {
  return path.join(MIRROR, repo.replace("/", "+"), "repo");
}
function git(repo, ...a) {
  return execFileSync("git", ["--git-dir", gitDir(repo), ...a], {
    maxBuffer: 1 << 30,
  });
}
function listFiles(src) {
  const out = git(src.repo, "ls-tree", "-r", "-z", "-l", src.commit).toString("utf8");
  return out
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta, p] = line.split("\t");
      const [, type, sha, size] = meta.split(/\s+/);
      return { path: p, type, sha, size: Number(size) };
    })
    .filter((f) => f.type === "blob" && f.size > 0 && src.include(f.path));
}
function blob(repo, sha) {
  return git(repo, "cat-file", "blob", sha);
}

// ---------------------------------------------------------------- extraction
const ENT = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === "#") {
      const cp = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : " ";
    }
    return ENT[e.toLowerCase()] ?? m;
  });
}

function docxText(buf) {
  const f = path.join(WORK, "x.docx");
  fs.writeFileSync(f, buf);
  let xml;
  try {
    xml = execFileSync("unzip", ["-p", f, "word/document.xml"], { maxBuffer: 1 << 30 }).toString("utf8");
  } catch {
    return "";
  }
  const lines = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const parts = [];
    for (const t of m[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br(?:\s[^>]*)?\/>/g)) {
      if (t[1] !== undefined) parts.push(t[1]);
      else parts.push(t[0].startsWith("<w:tab") ? " " : "\n");
    }
    lines.push(decodeEntities(parts.join("")));
  }
  return lines.join("\n");
}
function pdfText(buf) {
  const f = path.join(WORK, "x.pdf");
  fs.writeFileSync(f, buf);
  try {
    return execFileSync("pdftotext", ["-enc", "UTF-8", "-q", f, "-"], { maxBuffer: 1 << 30 }).toString(
      "utf8",
    );
  } catch {
    return "";
  }
}
function docText(buf) {
  const f = path.join(WORK, "x.doc");
  fs.writeFileSync(f, buf);
  try {
    return execFileSync("antiword", ["-m", "UTF-8.txt", "-w", "0", f], { maxBuffer: 1 << 30 }).toString(
      "utf8",
    );
  } catch {
    return "";
  }
}

// markdown / html -> plain text, keeping line structure
function stripMarkdown(s) {
  s = s.replace(/^---\n[\s\S]*?\n---\n/, ""); // front matter
  s = s.replace(/<!--[\s\S]*?-->/g, "");
  s = s.replace(/<(br|\/p|\/div|\/tr|\/h\d|\/li)\s*\/?>/gi, "\n").replace(/<\/t[dh]>/gi, " ");
  s = s.replace(/<[^>\n]+>/g, "");
  s = decodeEntities(s);
  const out = [];
  for (let line of s.split("\n")) {
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule
    if (/^\s*\|.*\|\s*$/.test(line)) {
      // table row: one line per cell
      for (const cell of line
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|"))
        out.push(cell.trim());
      continue;
    }
    line = line
      .replace(/^\s{0,3}#{1,6}\s+/, "")
      .replace(/^\s*>\s?/, "")
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/(\*\*|__)(.+?)\1/g, "$2")
      .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:]|$)/g, "$1$2")
      .replace(/`+/g, "");
    out.push(line);
  }
  return out.join("\n");
}

// common final clean-up of any extracted text
function normalizeText(s) {
  s = s.normalize("NFC");
  s = s.replace(/\r\n?/g, "\n").replace(/[\f\v]/g, "\n");
  s = s.replace(/[\u200b-\u200f\u2028\u2029\ufeff\u00ad]/g, "");
  s = s.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, " ");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  s = s.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, "");
  const lines = [];
  for (let line of s.split("\n")) {
    line = line
      .replace(/ {2,}/g, (m) => (m.length >= 4 ? "   " : " "))
      .replace(/\s+$/, "")
      .replace(/^\s+/, "");
    line = line.replace(/[.…_]{6,}/g, "…"); // form blanks
    if (/^[-–—=_*~.…•·|/\\+#]+$/.test(line)) continue; // rules and decorations
    lines.push(line);
  }
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// ---------------------------------------------------------------- Vietnamese tests
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ONSETS = "ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x";
const RHYMES = (
  "a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây " +
  "e eo ec em en eng ep et ê êu êch êm ên ênh êp êt i ia iu ich im in inh ip it iêc iêm iên iêng iêp iêt iêu " +
  "o oa oai oao oay oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt oe oeo oen oet oc oi om on ong op ot ooc oong " +
  "ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt " +
  "u ua uân uâng uât uây uê uêch uênh uêt ui uy uya uyên uyêt uych uyn uynh uyp uyt uyu uc um un ung up ut " +
  "uôc uôi uôm uôn uông uôt uơ ư ưa ưi ưu ưc ưm ưn ưng ưt ươc ươi ươm ươn ương ươp ươt ươu y yêm yên yêt yêu"
)
  .split(" ")
  .sort((a, b) => b.length - a.length)
  .join("|");
const SYLLABLE = new RegExp(`^(?:${ONSETS})?(?:${RHYMES})$`);
const stripTone = (w) => w.normalize("NFD").replace(TONE, "").normalize("NFC");
const ACCENTED = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/;
const ACCENTED_G = new RegExp(ACCENTED.source, "g");
const sylCache = new Map();
function isSyllable(w) {
  let v = sylCache.get(w);
  if (v === undefined) {
    v = SYLLABLE.test(stripTone(w));
    if (sylCache.size < 2e6) sylCache.set(w, v);
  }
  return v;
}

function stats(text) {
  const lower = text.toLowerCase();
  const letters = (lower.match(/\p{L}/gu) ?? []).length;
  const accented = (lower.match(ACCENTED_G) ?? []).length;
  let words = 0;
  let viet = 0;
  let accWords = 0;
  let badAcc = 0;
  for (const w of lower.match(/\p{L}+/gu) ?? []) {
    words++;
    const ok = isSyllable(w);
    if (ok) viet++;
    if (ACCENTED.test(w)) {
      accWords++;
      if (!ok) badAcc++;
    }
  }
  return {
    letters,
    words,
    accentRate: letters ? accented / letters : 0,
    vietShare: words ? viet / words : 0,
    badAccShare: accWords ? badAcc / accWords : 1,
  };
}
const countSyllables = (text) => (text.match(/\S*\p{L}\S*/gu) ?? []).length;

// ---------------------------------------------------------------- symbols
// the document's own number/symbol is in its header ("Số: 317/KH-UBND", "Luật số: 91/2015/QH13"),
// at the start of a line; symbols cited in the text are not the document's
const SYM = String.raw`(\d{1,5}[a-z]?\s*(?:\/\s*\d{4})?\s*\/\s*[A-ZĐ][A-ZĐa-zđ0-9]*(?:\s?[-–]\s?[A-ZĐa-zđ0-9]+)*)`;
const SYMBOL_RE = new RegExp(String.raw`^\s*(?:Số|SỐ|Luật số|Bộ luật số|Pháp lệnh số)\s*:?\s*` + SYM, "mu");
const TITLE_SYMBOL_RE = new RegExp(String.raw`số\s+` + SYM, "u");
function symbolKey(sym, text) {
  if (!sym) return null;
  const s = sym.toUpperCase().replace(/Đ/g, "D").replace(/–/g, "-").replace(/\s+/g, "");
  if (/\/\d{4}\//.test(s)) return s;
  const y = text
    .slice(0, 3000)
    .match(/(?:ngày|Ngày)\s+\d{1,2}\s*(?:tháng|\/)\s*\d{1,2}\s*(?:năm|\/)\s*(\d{4})/);
  return y ? `${s}|${y[1]}` : null;
}
function findSymbol(text) {
  const m = text.slice(0, 3000).match(SYMBOL_RE);
  return m ? m[1].replace(/\s+/g, "") : null;
}

// ---------------------------------------------------------------- per-source readers
function* readSource(src) {
  const files = listFiles(src);
  if (src.kind === "phapdien") return yield* readPhapdien(src, files);
  if (src.group) {
    const groups = new Map();
    for (const f of files) {
      const g = src.group(f.path);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(f);
    }
    for (const [g, fs_] of [...groups].sort()) {
      fs_.sort((a, b) => src.order(a.path) - src.order(b.path));
      const text = fs_.map((f) => stripMarkdown(blob(src.repo, f.sha).toString("utf8"))).join("\n\n");
      yield { src, path: `${path.dirname(fs_[0].path)}/chunk_*.md`, text, group: g };
    }
    return;
  }
  for (const f of files.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (EVAL_FILE_PATTERNS.some((re) => re.test(f.path))) {
      log.evalFiles.push(`${src.repo}:${f.path}`);
      continue;
    }
    const buf = blob(src.repo, f.sha);
    const ext = path.extname(f.path).toLowerCase();
    let text;
    if (ext === ".docx") text = docxText(buf);
    else if (ext === ".pdf") text = pdfText(buf);
    else if (ext === ".doc") text = docText(buf);
    else text = buf.toString("utf8");
    if (src.kind === "md" || ext === ".md") {
      text = text.replace(/^\*Source:[^\n]*\n/m, "");
      text = stripMarkdown(text);
    }
    if (src.kind === "txt-chunks") {
      const lines = text.split("\n");
      for (let i = 0, k = 1; i < lines.length; i += src.chunkLines, k++)
        yield { src, path: `${f.path}#part${k}`, text: lines.slice(i, i + src.chunkLines).join("\n") };
      continue;
    }
    yield { src, path: f.path, text };
  }
}

// Pháp điển topic pages: articles ("Điều 20.2.NĐ.2.1. …") from many source documents are
// interleaved by topic. Regroup the articles by their source document code (20.2.NĐ.2), write
// each article under its original number, drop the cross-reference notes.
function* readPhapdien(src, files) {
  const ART = /^#{0,6}\s*Điều (\d+\.\d+\.[A-ZĐa-z]+(?:\.\d+)*)\.?\s*(.*)$/u;
  const PROV =
    /^\((?:Điều|Khoản|Điểm|Mục|Chương)\s+([0-9A-Za-z.]+)\s+(.+?)(?:,\s*có hiệu lực[^)]*)?\s*\)\s*$/u;
  const TRUNC = /[\p{L}\p{N}](\.\.\.|…)$/u; // summaries cut by the site
  for (const f of files.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const raw = blob(src.repo, f.sha).toString("utf8").normalize("NFC");
    if (!/^#{0,6}\s*Điều \d+\.\d+\.[A-ZĐ]+/mu.test(raw)) continue; // not a Pháp điển page
    const body = raw.includes("## VĂN BẢN") ? raw.slice(raw.indexOf("## VĂN BẢN")) : raw;
    const docs = new Map(); // source document code -> {title, articles}
    let art = null;
    for (const line0 of body.split("\n")) {
      const line = line0.trim();
      const a = line.match(ART);
      if (a) {
        const key = a[1].replace(/\.\d+$/, "");
        if (!docs.has(key)) docs.set(key, { title: null, articles: [] });
        art = { head: a[2], num: null, body: [], doc: docs.get(key) };
        art.doc.articles.push(art);
        continue;
      }
      if (!art) continue;
      if (/^\((Điều|Khoản|Điểm|Mục|Chương|Phần) này có nội dung liên quan/u.test(line)) continue;
      const p = line.match(PROV);
      if (p && art.num === null && !art.body.some(Boolean)) {
        art.num = p[1];
        if (!art.doc.title && /số\s+\S+\//u.test(p[2])) art.doc.title = p[2];
        continue;
      }
      if (/^#{1,6}\s|^(Chương|Mục|Phần) [IVXLC\d]+\b/u.test(line)) continue; // topic structure
      art.body.push(line);
    }
    for (const [key, d] of docs) {
      const lines = d.title ? [d.title] : [];
      for (const a of d.articles) {
        const bodyWords = a.body.join(" ").split(/\s+/).filter(Boolean).length;
        if (bodyWords < 5) continue; // title only (no text in the source)
        if (a.body.some((l) => TRUNC.test(l))) continue; // truncated summary
        lines.push("", a.num ? `Điều ${a.num}. ${a.head}`.trim() : a.head, ...a.body);
      }
      yield { src, path: `${f.path}#${key}`, text: stripMarkdown(lines.join("\n")), title: d.title };
    }
  }
}

// ---------------------------------------------------------------- shingles
function words(text) {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
// 53-bit hashes (two FNV-1a-style 32-bit lanes): fast, and collisions are negligible here
function wordHash(w) {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ w.length;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
  }
  return [a >>> 0, b >>> 0];
}
function combine(hs) {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (const [x, y] of hs) {
    a = Math.imul(a ^ x, 0x01000193) ^ (a >>> 15);
    b = Math.imul(b ^ y, 0xc2b2ae35) ^ (b >>> 13);
  }
  return (a >>> 0) * 2097152 + ((b >>> 0) >>> 11);
}
function shingleHashes(ws, n = 12) {
  const wh = ws.map(wordHash);
  const out = [];
  for (let i = 0; i + n <= wh.length; i++) out.push(combine(wh.slice(i, i + n)));
  return out;
}
function hash(s) {
  return crypto.createHash("sha1").update(s).digest("base64").slice(0, 12);
}
function rng(seed) {
  let h = crypto.createHash("sha256").update(seed).digest();
  let i = 0;
  return () => {
    if (i + 4 > h.length) {
      h = crypto.createHash("sha256").update(h).digest();
      i = 0;
    }
    const v = h.readUInt32BE(i);
    i += 4;
    return v / 2 ** 32;
  };
}

// ---------------------------------------------------------------- evaluation texts
const log = {
  evalFiles: [],
  evalSymbol: [],
  evalShingle: [],
  evalExcised: [],
  dropped: {},
  heldoutConflict: [],
};
function loadEval() {
  const docs = [];
  for (const dir of ["dev", "seeds"]) {
    const d = path.join(EVAL, dir);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).sort())
      if (f.endsWith(".txt"))
        docs.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(d, f), "utf8").normalize("NFC") });
  }
  const fdir = path.join(EVAL, "files");
  if (fs.existsSync(fdir))
    for (const f of fs.readdirSync(fdir).sort()) {
      const buf = fs.readFileSync(path.join(fdir, f));
      let text = "";
      if (f.endsWith(".docx")) text = docxText(buf);
      else if (f.endsWith(".pdf")) text = pdfText(buf);
      if (text) docs.push({ name: `files/${f}`, text: normalizeText(text) });
    }
  return docs;
}
// Number/symbol of every evaluation document (from their README/SOURCES tables and texts).
const EVAL_SYMBOLS = [
  ["317/KH-UBND", 2021],
  ["22/KH-UBND", 2023],
  ["773/QĐ-TTg", 2018],
  ["09/KH-BTNMT", 2024],
  ["252/KH-BCĐQG1237", 2013],
  ["1105/KH-ĐKT", 2026],
  ["134/KH-UBND", 2026],
  ["88/NQ-CP", 2022],
  ["193/KH-UBND", 2021],
  ["22/KH-SGDĐT", 2023],
  ["3036/SCT-CN", 2026],
  ["2242/KH-SCT", 2026],
  ["3898/KH-SCT", 2026],
].map(([s, y]) => symbolKey(s, `ngày 1 tháng 1 năm ${y}`));

// ---------------------------------------------------------------- main
function main() {
  const evalDocs = loadEval();
  const evalShingles = new Map(); // hash -> eval doc name
  for (const e of evalDocs) for (const h of shingleHashes(words(e.text))) evalShingles.set(h, e.name);
  console.error(`eval documents: ${evalDocs.length}, shingles: ${evalShingles.size}`);

  const drop = (src, why, d) => {
    const k = `${src}\t${why}`;
    log.dropped[k] = (log.dropped[k] ?? 0) + 1;
    if (d && process.env.VERBOSE) console.error(`drop ${why}: ${d.path}`);
  };

  // 1. extract, clean, filter each document
  const docs = [];
  for (const src of SOURCES) {
    let n = 0;
    for (const d of readSource(src)) {
      n++;
      d.text = normalizeText(d.text);
      const st = stats(d.text);
      if (st.words < 80) {
        drop(src.id, "short (<80 words)", d);
        continue;
      }
      if (st.vietShare < 0.6) {
        drop(src.id, "Vietnamese share < 60%", d);
        continue;
      }
      if (st.accentRate < 1 / 12) {
        drop(src.id, "accent rate < 1/12", d);
        continue;
      }
      if (st.badAccShare > 0.03) {
        drop(src.id, "broken accented words > 3% (OCR/font)", d);
        continue;
      }
      d.stats = st;
      d.symbol = d.title ? (d.title.match(TITLE_SYMBOL_RE)?.[1] ?? null) : findSymbol(d.text);
      d.key = src.kind === "phapdien" ? null : symbolKey(d.symbol, d.text);
      docs.push(d);
    }
    console.error(`${src.id}: ${n} read, ${docs.filter((d) => d.src === src).length} kept`);
  }

  // 2. evaluation documents: by number/symbol, then by shared 12-word runs
  let kept = [];
  for (const d of docs) {
    if (d.key && EVAL_SYMBOLS.includes(d.key)) {
      log.evalSymbol.push(`${d.src.repo}:${d.path} (${d.symbol})`);
      drop(d.src.id, "evaluation document (number/symbol)");
      continue;
    }
    kept.push(d);
  }
  const kept2 = [];
  for (const d of kept) {
    const lines = d.text.split("\n");
    // map each word to its line
    const ws = [];
    const lineOf = [];
    lines.forEach((l, i) => {
      for (const w of words(l)) {
        ws.push(w);
        lineOf.push(i);
      }
    });
    const hs = shingleHashes(ws);
    const hitAt = [];
    const names = new Set();
    hs.forEach((h, i) => {
      if (evalShingles.has(h)) {
        hitAt.push(i);
        names.add(evalShingles.get(h));
      }
    });
    if (!hitAt.length) {
      kept2.push(d);
      continue;
    }
    // cut every line that carries a shared run; most are boilerplate (national motto, legal
    // bases, standard distribution lists); a document losing > 30% of its words is a copy
    const cut = new Set();
    for (const i of hitAt) for (let j = i; j < i + 12; j++) cut.add(lineOf[j]);
    const cutWords = [...cut].reduce((a, i) => a + words(lines[i]).length, 0);
    if (cutWords > 0.3 * ws.length) {
      log.evalShingle.push(
        `${d.src.repo}:${d.path} — ${hitAt.length} shared 12-word runs (${Math.round((100 * cutWords) / ws.length)}% of its words) with ${[...names].join(", ")}`,
      );
      drop(d.src.id, "evaluation document (shared 12-word runs over > 30% of it)");
      continue;
    }
    d.text = lines.filter((_, i) => !cut.has(i)).join("\n");
    log.evalExcised.push(`${d.src.repo}:${d.path}\t${cut.size}\t${cutWords}\t${[...names].join(", ")}`);
    kept2.push(d);
  }
  // re-check after cutting (a cut could in theory join words into a new run)
  kept = kept2.filter((d) => {
    const bad = shingleHashes(words(d.text)).some((h) => evalShingles.has(h));
    if (bad) drop(d.src.id, "evaluation document (after cut)");
    return !bad;
  });

  // 3. duplicates: number/symbol+year, first 500 characters (keep the longest copy)
  const bestBy = new Map();
  const firstKey = (d) =>
    hash(
      d.text
        .slice(0, 500)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ""),
    );
  for (const d of kept) {
    d.len = d.text.length;
    for (const k of [d.key && `sym:${d.key}`, `head:${firstKey(d)}`].filter(Boolean)) {
      const o = bestBy.get(k);
      if (!o || d.len > o.len) bestBy.set(k, d);
    }
  }
  kept = kept.filter((d) => {
    const keys = [d.key && `sym:${d.key}`, `head:${firstKey(d)}`].filter(Boolean);
    const ok = keys.every((k) => bestBy.get(k) === d);
    if (!ok) drop(d.src.id, "duplicate (number/symbol or first 500 characters)");
    return ok;
  });

  // 4. sample the Pháp điển share, then remove repeated long lines (>= 15 words) across the corpus
  //    (sources are visited in the order of SOURCES: the administrative texts keep their lines)
  const r = rng(`${SEED}:phapdien`);
  const final = [];
  const seenLines = new Set();
  for (const src of SOURCES) {
    let group = kept.filter((d) => d.src === src);
    if (src.budget) {
      group = group
        .map((d) => [r(), d])
        .sort((a, b) => a[0] - b[0])
        .map((x) => x[1]);
    }
    let total = 0;
    for (const d of group) {
      if (src.budget && total >= src.budget) {
        drop(src.id, "not sampled (over the Pháp điển budget)");
        continue;
      }
      const lines = d.text.split("\n");
      let removed = 0;
      let all = 0;
      const out = [];
      for (const l of lines) {
        const w = words(l);
        all += w.length;
        if (w.length >= 15) {
          const h = hash(w.join(" "));
          if (seenLines.has(h)) {
            removed += w.length;
            continue;
          }
          seenLines.add(h);
        }
        out.push(l);
      }
      if (removed > 0.5 * all) {
        drop(src.id, "near duplicate (>50% repeated lines)");
        continue;
      }
      d.text = out
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim();
      d.syllables = countSyllables(d.text);
      if (d.syllables < 60) {
        drop(src.id, "short after duplicate lines removed");
        continue;
      }
      total += d.syllables;
      final.push(d);
    }
  }

  // 5. held-out: 5% of the documents of each source, chosen with a fixed seed among documents
  //    whose text is not also elsewhere in the corpus (< 15% of their 12-word runs found in any
  //    other document), so that no training document holds a copy of a held-out one
  const hr = rng(`${SEED}:heldout`);
  const sh = final.map((d) => shingleHashes(words(d.text)));
  const pool = new Set();
  const want = new Map();
  for (const src of SOURCES) {
    const g = final.map((d, i) => [d, i]).filter(([d]) => d.src === src);
    const small = g.filter(([d]) => d.syllables <= HELDOUT_MAX_SYLLABLES);
    want.set(src, Math.round(g.length * HELDOUT_SHARE));
    const order = small
      .map(([, i]) => [hr(), i])
      .sort((a, b) => a[0] - b[0])
      .map((x) => x[1]);
    for (const i of order.slice(0, Math.max(3 * want.get(src), 10))) pool.add(i);
  }
  const owner = new Map(); // shingle -> pool doc index (or -1 when in several)
  for (const i of pool)
    for (const h of new Set(sh[i])) owner.set(h, owner.has(h) && owner.get(h) !== i ? -1 : i);
  const sharedCount = new Map([...pool].map((i) => [i, 0]));
  const seenBy = new Map([...pool].map((i) => [i, new Set()]));
  for (let j = 0; j < final.length; j++)
    for (const h of sh[j]) {
      const o = owner.get(h);
      if (o === undefined) continue;
      if (o === -1) continue;
      if (o !== j && !seenBy.get(o).has(h)) {
        seenBy.get(o).add(h);
        sharedCount.set(o, sharedCount.get(o) + 1);
      }
    }
  const multi = new Set([...owner].filter(([, o]) => o === -1).map(([h]) => h));
  for (const d of final) d.split = "train";
  for (const src of SOURCES) {
    let n = want.get(src);
    const cands = [...pool].filter((i) => final[i].src === src); // pool order = random order
    for (const i of cands) {
      if (n <= 0) break;
      const uniq = new Set(sh[i]);
      const shared = sharedCount.get(i) + [...uniq].filter((h) => multi.has(h)).length;
      if (uniq.size && shared / uniq.size >= 0.15) {
        log.heldoutConflict.push(
          `${final[i].src.repo}:${final[i].path} (${shared}/${uniq.size} runs found elsewhere; not held out)`,
        );
        continue;
      }
      final[i].split = "heldout";
      n--;
    }
  }

  // 6. write
  const train = final.filter((d) => d.split === "train");
  const held = final.filter((d) => d.split === "heldout");
  for (const f of fs.readdirSync(OUT)) if (/^train-\d+\.txt\.gz$/.test(f)) fs.unlinkSync(path.join(OUT, f));
  let part = [];
  let bytes = 0;
  let k = 0;
  const flush = () => {
    if (!part.length) return;
    k++;
    const name = `train-${String(k).padStart(2, "0")}.txt.gz`;
    fs.writeFileSync(
      path.join(OUT, name),
      zlib.gzipSync(Buffer.from(`${part.join("\n\f\n")}\n`), { level: 9 }),
    );
    part = [];
    bytes = 0;
  };
  for (const d of train) {
    const b = Buffer.byteLength(d.text) + 3;
    if (bytes + b > MAX_FILE_BYTES) flush();
    part.push(d.text);
    bytes += b;
  }
  flush();
  fs.writeFileSync(
    path.join(OUT, "heldout.txt.gz"),
    zlib.gzipSync(Buffer.from(`${held.map((d) => d.text).join("\n\f\n")}\n`), { level: 9 }),
  );
  const manifest = ["split\tsource\trepo\tcommit\tpath\tsymbol\tsyllables\tviet_share\taccent_rate"];
  for (const d of [...train, ...held])
    manifest.push(
      [
        d.split,
        d.src.id,
        d.src.repo,
        d.src.commit.slice(0, 12),
        d.path,
        d.symbol ?? "",
        d.syllables,
        d.stats.vietShare.toFixed(3),
        d.stats.accentRate.toFixed(3),
      ].join("\t"),
    );
  fs.writeFileSync(
    path.join(OUT, "manifest.tsv.gz"),
    zlib.gzipSync(Buffer.from(`${manifest.join("\n")}\n`), { level: 9 }),
  );

  // 7. checks on what was written
  const evalHits = train
    .concat(held)
    .filter((d) => shingleHashes(words(d.text)).some((h) => evalShingles.has(h)));
  const trainSh = new Set();
  for (const d of train) for (const h of shingleHashes(words(d.text))) trainSh.add(h);
  const hoOverlap = held.map((d) => {
    const hs = shingleHashes(words(d.text));
    return hs.length ? hs.filter((h) => trainSh.has(h)).length / hs.length : 0;
  });
  const checks = {
    formFeedInside: [...train, ...held].filter((d) => d.text.includes("\f")).length,
    notNFC: [...train, ...held].filter((d) => d.text !== d.text.normalize("NFC")).length,
    docsSharing12WordRunWithEval: evalHits.length,
    heldoutRunsFoundInTrain: {
      mean: +(hoOverlap.reduce((a, b) => a + b, 0) / (hoOverlap.length || 1)).toFixed(4),
      max: +Math.max(0, ...hoOverlap).toFixed(4),
    },
  };
  console.error(JSON.stringify(checks));

  // 8. report
  const rep = { sources: {}, dropped: log.dropped, checks, log };
  for (const src of SOURCES) {
    const t = train.filter((d) => d.src === src);
    const h = held.filter((d) => d.src === src);
    rep.sources[src.id] = {
      repo: src.repo,
      commit: src.commit,
      trainDocs: t.length,
      trainSyllables: t.reduce((a, d) => a + d.syllables, 0),
      heldoutDocs: h.length,
      heldoutSyllables: h.reduce((a, d) => a + d.syllables, 0),
    };
  }
  rep.totals = {
    trainDocs: train.length,
    trainSyllables: train.reduce((a, d) => a + d.syllables, 0),
    heldoutDocs: held.length,
    heldoutSyllables: held.reduce((a, d) => a + d.syllables, 0),
    trainFiles: k,
  };
  fs.writeFileSync(path.join(WORK, "report.json"), JSON.stringify(rep, null, 2));
  console.error(JSON.stringify(rep.totals));
}

main();
