// The XLSX matrix at a department's size: a plan of 50 tasks giving work to each of 1,000 units (every
// cell filled, the four states and the period's "Chưa báo cáo" mixed), written as today's sheet
// alone and with two periods' sheets beside it; the time to write each and the file's size. Part
// of `npm run bench` (target: the one-sheet matrix in under 5 s). BENCH_XLSX_UNITS sets the width.

import { matrixXlsx } from "../dist/render/xlsx-matrix.js";

const UNITS = Number(process.env.BENCH_XLSX_UNITS ?? 1000);
const TASKS = 50;
const STATES = ["done_on_time", "done_late", "in_progress", "overdue"];

function sheet(name, fromReports, seed) {
  const cells = Array.from({ length: TASKS }, (_, t) =>
    Array.from({ length: UNITS }, (_, u) => {
      const k = (t * 7 + u * 13 + seed) % 11;
      return { state: fromReports && k === 10 ? null : STATES[k % 4], lead: u % 10 === t % 10 };
    }),
  );
  return { name, heading: `Tình trạng (${name})`, fromReports, cells };
}

function matrix(sheets) {
  return {
    asOf: "2026-11-23",
    title: "Kế hoạch số 999/KH-SGDĐT: Kế hoạch thử đo thời gian",
    tasks: Array.from({ length: TASKS }, (_, t) => ({
      key: `II.${t + 1}`,
      title: `Nhiệm vụ thử số ${t + 1} của kế hoạch, tên dài như tên một nhiệm vụ thật`,
    })),
    units: Array.from({ length: UNITS }, (_, u) => ({ name: `Trường THPT thử số ${u + 1}` })),
    sheets,
  };
}

async function time(label, m) {
  const t0 = process.hrtime.bigint();
  const bytes = await matrixXlsx(m);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `xlsx matrix, ${label}: ${seconds.toFixed(2)} s, ${(bytes.length / 1024).toFixed(0)} KB (target: under 5 s)`,
  );
  return seconds;
}

export async function benchXlsx() {
  // Warm up the writer on a small matrix first.
  await matrixXlsx({ ...matrix([sheet("Hiện tại", false, 0)]), units: [{ name: "x" }], tasks: [] });
  const cells = `${UNITS.toLocaleString("en")} units × ${TASKS} tasks`;
  await time(`${cells}, today's sheet`, matrix([sheet("Hiện tại", false, 0)]));
  await time(
    `${cells}, today's and two periods' sheets`,
    matrix([sheet("Hiện tại", false, 0), sheet("Kỳ 15.12.2026", true, 1), sheet("Kỳ 15.06.2026", true, 2)]),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchXlsx();
