// The readable summary `kehoach parse FILE` prints (Vietnamese, for the people who read plans).

import type { ParsedPlan, Timeframe } from "../domain/plan.js";

export function describeTimeframe(tf: Timeframe | null): string {
  if (!tf) return "—";
  switch (tf.kind) {
    case "deadline":
      return `${tf.text} (hạn ${tf.due})`;
    case "recurring":
      return `${tf.text} (định kỳ ${tf.dates?.join(", ")})`;
    case "range":
      return `${tf.text} (${tf.start} → ${tf.end})`;
    case "continuous":
      return `${tf.text} (thường xuyên)`;
    default:
      return `${tf.text} (không xác định)`;
  }
}

/** Renders the plan as plain text for a terminal. */
export function renderSummary(plan: ParsedPlan): string {
  const d = plan.document;
  const out: string[] = [];
  out.push(
    `${d.type ?? "?"} ${d.number ?? "(không số)"} — ${d.issuer ?? "(không rõ cơ quan ban hành)"}${d.parentIssuer ? ` / ${d.parentIssuer}` : ""}`,
  );
  out.push(`${d.place ?? "—"}, ${d.date ?? (d.year ? `năm ${d.year}` : "không rõ ngày")}`);
  out.push(`Trích yếu: ${d.title ?? "—"}`);
  if (d.signer)
    out.push(
      `Người ký: ${[d.signer.capacity, d.signer.position, d.signer.name].filter(Boolean).join(" · ")}`,
    );
  out.push("");
  out.push(`Văn bản dẫn chiếu (${plan.references.length}):`);
  for (const r of plan.references)
    out.push(
      `  [${r.relation}] ${r.type ?? ""} ${r.number}${r.date ? ` ngày ${r.date}` : ""}${r.issuer ? ` — ${r.issuer}` : ""}`,
    );
  out.push("");
  out.push(`Nhiệm vụ (${plan.tasks.length}):`);
  for (const t of plan.tasks) {
    out.push(`  ${t.id}. ${t.title}`);
    out.push(`      Chủ trì: ${t.leads.join("; ") || "—"}`);
    if (t.cooperators.length) out.push(`      Phối hợp: ${t.cooperators.join("; ")}`);
    out.push(`      Thời gian: ${describeTimeframe(t.timeframe)}`);
  }
  if (plan.assignments.length) {
    out.push("");
    out.push(`Phân công (${plan.assignments.length}):`);
    for (const a of plan.assignments)
      out.push(`  ${a.id}. ${a.units.join("; ") || "—"} (${a.duties.length} nhiệm vụ)`);
  }
  if (plan.reporting.length) {
    out.push("");
    out.push("Chế độ báo cáo:");
    for (const r of plan.reporting)
      out.push(
        `  ${r.from.join(", ") || "—"} → ${r.to.join(", ") || "—"}: ${describeTimeframe(r.timeframe)}`,
      );
  }
  if (d.recipients.length) {
    out.push("");
    out.push(`Nơi nhận: ${d.recipients.join("; ")}`);
  }
  if (plan.warnings.length) {
    out.push("");
    out.push("Cần kiểm tra:");
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  return out.join("\n");
}
