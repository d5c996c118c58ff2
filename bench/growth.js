// The parser's growth: CPU time for 1×, 2×, 4× and 8× of inputs built to hurt a parser (one phrase
// over and over, a line of megabytes, numbering a hundred deep, table rows, runs of spaces, a
// thousand "Căn cứ", a plan without diacritics) and of real plans whose bodies are repeated. 8× is
// the most the parser reads (MAX_INPUT_CHARS; longer text is cut), so the table covers every size an
// upload can bring. Linear time shows as t(8×)/t(1×) ≈ 8 (a quadratic would show 64). Beside each
// input, the parser's MB/s at 8× and the floor's (NFC + fold + line split of the same bytes).
// Figures only: nothing here passes or fails. Part of `npm run bench`.

import { MAX_FILE_BYTES } from "../dist/extract/extract.js";
import { MAX_INPUT_CHARS, parsePlan } from "../dist/parse/parse-plan.js";
import { foldDiacritics } from "../dist/text/fold.js";

const bytesOf = (s) => Buffer.byteLength(s, "utf8");
const MB = 1024 * 1024;

/** CPU time of `work` in ms (user + system: load from other processes on the machine stays out). */
function cpuMs(work) {
  const before = process.cpuUsage();
  work();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** The least of `n` runs (noise only ever adds time). */
function leastMs(work, n) {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) best = Math.min(best, cpuMs(work));
  return best;
}

function floor(text) {
  return foldDiacritics(text.normalize("NFC")).split("\n").length;
}

/** `run` repeated to about `size` characters. */
const repeatTo = (run, size) => run.repeat(Math.max(1, Math.ceil(size / run.length)));

/** A plan cut in three: before its second section, its body, from "Nơi nhận" on. */
function partsOf(doc) {
  const lines = doc.split("\n");
  let from = lines.findIndex((l) => /^\s*II\s*\./.test(l));
  if (from < 0) from = Math.floor(lines.length * 0.15);
  let to = lines.findIndex((l, i) => i > from && /^\W*N[oơ]i nh/i.test(l));
  if (to < 0) to = lines.length;
  return {
    head: lines.slice(0, from).join("\n"),
    body: lines.slice(from, to).join("\n"),
    tail: lines.slice(to).join("\n"),
  };
}

/** Every input as a builder: characters wanted → the text (or texts) to parse. */
function inputsFrom(docs) {
  // The plan the pathological runs are put into: the largest with a section II.
  const withSections = docs.filter((d) => /^\s*II\s*\./m.test(d));
  const plan = (withSections.length ? withSections : docs).reduce((a, b) => (a.length > b.length ? a : b));
  const { head, body, tail } = partsOf(plan);
  const around = (payload) =>
    `${head}\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Nhiệm vụ chung\n${payload}\nIII. TỔ CHỨC THỰC HIỆN\n${tail}`;
  const room = (n) => Math.max(1000, n - head.length - tail.length - 60);
  const linesTo = (n, line) => {
    const out = [];
    let total = 0;
    for (let i = 1; total < n; i++) {
      const text = line(i);
      out.push(text);
      total += text.length + 1;
    }
    return out.join("\n");
  };
  return [
    {
      name: "one phrase repeated, no newline",
      build: (n) =>
        repeatTo(
          "Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện. ",
          n,
        ),
    },
    {
      name: "one phrase repeated, a line each",
      build: (n) =>
        repeatTo(
          "Giao Sở Giáo dục và Đào tạo chủ trì, phối hợp với các đơn vị liên quan tổ chức thực hiện.\n",
          n,
        ),
    },
    {
      name: "a task of one very long line",
      build: (n) => around(`2. ${repeatTo("Triển khai, tuyên truyền kế hoạch tới các đơn vị, ", room(n))}`),
    },
    {
      name: "numbered tasks by the thousand",
      build: (n) =>
        around(
          linesTo(
            room(n),
            (i) =>
              `${i}. Sở Y tế chủ trì, phối hợp Sở Tài chính triển khai việc ${i}; hoàn thành trước ngày 30/6/2025.`,
          ),
        ),
    },
    {
      name: "numbering 1.1.1.… up to 100 deep",
      build: (n) =>
        around(linesTo(room(n), (i) => `${"1.".repeat(1 + (i % 100))} Sở Y tế chủ trì việc ${i}`)),
    },
    {
      name: "table rows, pipes and tabs",
      build: (n) =>
        around(
          repeatTo(
            "| 1 | Tổ chức tập huấn chuyển đổi số | Sở Thông tin và Truyền thông | Sở Nội vụ | Quý II/2024 |\n" +
              "2\tRà soát thủ tục hành chính\tVăn phòng UBND tỉnh\tCác sở, ngành\tTrước ngày 30/9/2024\n",
            room(n),
          ),
        ),
    },
    {
      name: "runs of spaces in every line",
      build: (n) =>
        around(repeatTo(`- Sở Y tế${" ".repeat(200)}chủ trì, phối hợp${" ".repeat(50)}\n`, room(n))),
    },
    {
      name: '"Căn cứ …" by the thousand',
      build: (n) =>
        `${head}\n${repeatTo(
          "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử;\n",
          room(n) - body.length,
        )}${body}\n${tail}`,
    },
    {
      name: "a real plan without diacritics",
      build: (n) =>
        foldDiacritics(
          [
            head,
            ...Array.from({ length: Math.max(1, Math.round(room(n) / body.length)) }, () => body),
            tail,
          ].join("\n"),
        ),
    },
    {
      name: "real plans, bodies repeated",
      build: (n) => {
        const total = docs.reduce((sum, d) => sum + d.length, 0);
        const times = Math.max(1, Math.round(n / total));
        return docs.map((d) => {
          const p = partsOf(d);
          return [p.head, ...Array.from({ length: times }, () => p.body), p.tail].join("\n");
        });
      },
    },
  ];
}

const textsOf = (built) => (Array.isArray(built) ? built : [built]);
// Never past the parser's cut: the part beyond it is not read, and would flatten the growth.
const capped = (built) =>
  textsOf(built).map((t) => (t.length > MAX_INPUT_CHARS ? t.slice(0, MAX_INPUT_CHARS) : t));

export function benchGrowth(docs) {
  const unit = Math.floor(MAX_INPUT_CHARS / 8);
  const sizes = [1, 2, 4, 8];
  console.log(
    `growth: parse CPU time at 1×, 2×, 4×, 8× (8× = ${MAX_INPUT_CHARS.toLocaleString("en")} characters, all the parser reads); linear ≈ 8, quadratic 64`,
  );
  console.log(
    `${"input".padEnd(36)}${sizes.map((m) => `${m}×`.padStart(9)).join("")}   8×/1×   MB at 8×   parser MB/s  floor MB/s  ratio`,
  );
  const rows = [];
  for (const input of inputsFrom(docs)) {
    const times = [];
    let last = [];
    for (const m of sizes) {
      const texts = capped(input.build(unit * m));
      const parse = () => {
        for (const t of texts) parsePlan(t);
      };
      if (m === 1) parse(); // warm up
      times.push(leastMs(parse, m <= 2 ? 3 : 2));
      last = texts;
    }
    const bytes = last.reduce((n, t) => n + bytesOf(t), 0);
    const floorMs = leastMs(() => {
      for (const t of last) floor(t);
    }, 3);
    const parseRate = bytes / MB / (times[3] / 1000);
    const floorRate = bytes / MB / (floorMs / 1000);
    rows.push({ ...input, growth: times[3] / times[0] });
    console.log(
      `${input.name.padEnd(36)}${times.map((t) => `${t.toFixed(0)} ms`.padStart(9)).join("")}${(times[3] / times[0]).toFixed(1).padStart(8)}${(bytes / MB).toFixed(1).padStart(11)}${parseRate.toFixed(1).padStart(14)}${floorRate.toFixed(1).padStart(12)}${`${(floorRate / parseRate).toFixed(1)}×`.padStart(7)}`,
    );
  }

  // An upload at the limit: a text file of MAX_FILE_BYTES of real plans. The parser reads its first
  // MAX_INPUT_CHARS characters, so the time is bounded whatever the file holds.
  const whole = docs.join("\n\n");
  const atLimit = repeatTo(`${whole}\n\n`, MAX_FILE_BYTES).slice(0, MAX_FILE_BYTES);
  let text = atLimit;
  while (bytesOf(text) > MAX_FILE_BYTES) text = text.slice(0, text.length - 4096);
  let warnings = [];
  const limitMs = leastMs(() => {
    warnings = parsePlan(text).warnings;
  }, 1);
  const cut = warnings.some((w) => w.includes(String(MAX_INPUT_CHARS)));
  console.log(
    `a ${(bytesOf(text) / MB).toFixed(1)} MB text file (the upload limit, ${(text.length / 1e6).toFixed(1)} M characters): ${limitMs.toFixed(0)} ms${cut ? `, read to ${(MAX_INPUT_CHARS / 1e6).toFixed(1)} M characters (the rest cut, with a warning)` : ""}`,
  );
  return rows;
}
