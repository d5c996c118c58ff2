// Importing a plan file: read it (in a worker: extract, normalise, parse), resolve its units
// against the directory, expand its timeframes into dated deadlines, link the plans it cites, and
// store it all in one transaction. The same file twice is recognised by its hash, within the plans
// the importer sees, and imported once; the plan is kept by the importer's body.

import { createHash } from "node:crypto";
import {
  insertPlanGraph,
  type NumberedPlan,
  type PlanGraph,
  planIdByHash,
  plansByNumberKeys,
  type ResolvedUnitRef,
  type WorkRow,
} from "../db/plans.repository.js";
import type { Db } from "../db/schema.js";
import { staffMatching } from "../db/staff.repository.js";
import { inTransaction, isUniqueViolation } from "../db/transaction.js";
import { directoryVersion, listUnits } from "../db/units.repository.js";
import { DomainError } from "../domain/errors.js";
import type { ParsedPlan } from "../domain/plan.js";
import { planSearchText } from "../domain/plan-search.js";
import { amendedPlanNumber } from "../parse/amendment.js";
import { dutiesAsWork } from "../parse/duty-work.js";
import { isPlan } from "../parse/is-plan.js";
import { diceSimilarity } from "../parse/similarity.js";
import { foldKey } from "../text/fold.js";
import { numberKey } from "../text/number-key.js";
import { expandDeadlines } from "../time/expand.js";
import { audit } from "./audit.js";
import type { ServiceContext } from "./context.js";
import { type Actor, ensureAllowed, may, planScope, unitIdOf, within } from "./policies.js";
import { createResolver, type Resolver } from "./resolve-units.js";
import { staffMatchKey } from "./staff.service.js";

export interface ImportResult {
  status: "imported" | "duplicate";
  planId: string;
  tasks: number;
  /** Duties of "Tổ chức thực hiện" tracked as work. */
  duties: number;
  /** Unit strings and references a person has to settle. */
  review: number;
}

/** Where an import stands, for a progress bar: reading (pages read by OCR), then storing its tasks. */
export type ImportProgress =
  | { stage: "reading" }
  | { stage: "ocr"; ocrPagesDone: number; ocrPages: number }
  | { stage: "storing"; tasks: number };

/** A resolver over the current directory, built once for a batch of imports. */
export interface Directory {
  resolver: Resolver;
  /** Each unit's ltree path, by id. */
  unitPaths: Map<string, string>;
}

// The directory last read from each database, with the version it was read at.
const readDirectories = new WeakMap<object, { version: string; directory: Directory }>();

/**
 * The directory as it stands: `const dir = await readDirectory(ctx)`. Read again only when a unit or
 * an alias changed since it was last read (the version is read first, so a change made meanwhile
 * makes the next call read again); otherwise the resolver already built is given back, which spares
 * each import of a province's thousand units 9 ms.
 */
export async function readDirectory(ctx: ServiceContext): Promise<Directory> {
  const version = await directoryVersion(ctx.db);
  const kept = readDirectories.get(ctx.db);
  if (kept?.version === version) return kept.directory;
  const units = await listUnits(ctx.db);
  const directory = { resolver: createResolver(units), unitPaths: new Map(units.map((u) => [u.id, u.path])) };
  readDirectories.set(ctx.db, { version, directory });
  return directory;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function linkReferences(db: Db, plan: ParsedPlan): Promise<PlanGraph["referenceLinks"]> {
  // Every reference's plans in one look-up by the indexed number key.
  const keys = plan.references.map((ref) => numberKey(ref.number));
  const byKey = new Map<string, NumberedPlan[]>();
  for (const p of await plansByNumberKeys(db, keys)) {
    const same = byKey.get(p.numberKey);
    if (same) same.push(p);
    else byKey.set(p.numberKey, [p]);
  }
  return plan.references.map((ref, i) => {
    // Numbers repeat across issuers and years: a link needs the date to agree where both have one;
    // more than one match is offered to a person, never linked silently.
    const fitting = (byKey.get(keys[i] ?? "") ?? []).filter(
      (p) =>
        (!ref.date || !p.issuedOn || p.issuedOn === ref.date) &&
        (!ref.issuer || !p.issuer || sameIssuer(ref.issuer, p.issuer)),
    );
    return fitting.length === 1
      ? { target: fitting[0]?.id ?? null, candidates: [] }
      : { target: null, candidates: fitting.map((p) => p.id) };
  });
}

// "Ủy ban nhân dân tỉnh An Bình" and "UBND tỉnh An Bình" are one issuer; "Sở Y tế" is another.
function sameIssuer(a: string, b: string): boolean {
  const norm = (s: string) => foldKey(s).replace(/^uy ban nhan dan\b/, "ubnd");
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(y) || y.startsWith(x) || diceSimilarity(x, y) >= 0.7;
}

/**
 * Which unit keeps an imported plan: its issuer where the directory knows it and it lies within the
 * importer's reach; otherwise the importer's own body, so the person who uploaded it can review it
 * (a Sở officer uploading the city's plan keeps it at the Sở). The console keeps the issuer.
 */
function keeperOf(
  importer: Actor | null,
  issuer: { id: string; path: string } | null,
): { keeperId: string | null; outside: boolean } {
  if (!importer || importer.reach === null) return { keeperId: issuer?.id ?? null, outside: false };
  if (issuer && within(importer.reach, issuer.path)) return { keeperId: issuer.id, outside: false };
  return { keeperId: unitIdOf(importer.reach), outside: true };
}

/**
 * Imports one file: `await importPlanFile(ctx, dir, actor, "ke-hoach.docx", bytes)`; `importer` null
 * is the operator at the console. Throws DomainError (file.*, pdf.*, docx.*, import.not_a_plan) with
 * a reason for the person.
 */
export async function importPlanFile(
  ctx: ServiceContext,
  dir: Directory,
  importer: Actor | null,
  fileName: string,
  bytes: Uint8Array,
  options: { force?: boolean; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportResult> {
  if (importer) ensureAllowed(may.review(importer));
  const scope = importer ? planScope(importer) : { reach: null, drafts: true };
  const hash = sha256(bytes);
  const existing = await planIdByHash(ctx.db, hash, scope);
  if (existing) return { status: "duplicate", planId: existing, tasks: 0, duties: 0, review: 0 };
  const report = options.onProgress;
  report?.({ stage: "reading" });
  const reading = await ctx.reader.read(
    fileName,
    bytes,
    report ? { onProgress: (p) => report({ stage: "ocr", ...p }) } : {},
  );
  const plan = reading.plan;
  report?.({ stage: "storing", tasks: plan.tasks.length });
  plan.warnings.push(...reading.notes);
  const verdict = isPlan(plan, reading.sourceText);
  // A document of another kind is refused with its kind named, unless the officer insists: a letter
  // that orders work is sometimes tracked like a plan.
  if (!verdict.ok && !options.force)
    throw new DomainError(
      "import.not_a_plan",
      verdict.kind
        ? `${verdict.reason}: không nhập. Nếu vẫn cần theo dõi các việc trong văn bản này như một kế hoạch, hãy chọn «Vẫn nhập».`
        : `không phải kế hoạch: ${verdict.reason}`,
      verdict.kind ? [{ field: "file", reason: `văn bản là ${verdict.kind}` }] : [],
    );

  // The plans its references name are looked up while the units are resolved (on a server, the
  // query's round trip overlaps that work); awaited below, its failure fails the import there.
  const linking = linkReferences(ctx.db, plan);
  linking.catch(() => {});
  const issuer = plan.document.issuer ? dir.resolver.resolve(plan.document.issuer, { issuerId: null }) : null;
  const issuerId = issuer && issuer.unitIds.length === 1 ? (issuer.unitIds[0] ?? null) : null;
  const issuerPath = issuerId ? (dir.unitPaths.get(issuerId) ?? null) : null;
  const { keeperId, outside } = keeperOf(
    importer,
    issuerId && issuerPath ? { id: issuerId, path: issuerPath } : null,
  );
  const year = plan.document.year ?? ctx.clock.now().getUTCFullYear();
  const review: PlanGraph["review"] = [];
  if (!verdict.ok)
    review.push({
      kind: "warning",
      subject: `Văn bản được nhập theo yêu cầu dù ${verdict.kind ? `là ${verdict.kind}` : "không có dấu hiệu của kế hoạch"}: hãy kiểm tra các nhiệm vụ trước khi công bố.`,
      detail: {},
    });
  if (outside)
    review.push({
      kind: "warning",
      subject: issuerId
        ? `Cơ quan ban hành «${plan.document.issuer}» ở ngoài đơn vị của người nhập: kế hoạch do đơn vị của người nhập theo dõi.`
        : `Cơ quan ban hành «${plan.document.issuer ?? "(không rõ)"}» chưa có trong danh mục: kế hoạch do đơn vị của người nhập theo dõi.`,
      detail: {},
    });
  // Names the parser marks as persons or posts ("Người thực hiện: Vũ Việt Linh") are matched to the
  // staff of the issuing body's units; one match is that person's work in their unit.
  const doerKinds = new Map<string, "person" | "post">();
  for (const t of plan.tasks)
    for (const d of t.doers ?? []) if (d.kind !== "unit") doerKinds.set(d.name, d.kind);
  const keeperPath = keeperId ? (dir.unitPaths.get(keeperId) ?? null) : null;
  const staff = await staffMatching(
    ctx.db,
    keeperPath,
    [...doerKinds.keys()].map((name) => staffMatchKey(name, null)),
  );
  const resolveRef = (key: string, role: "lead" | "cooperate", text: string): ResolvedUnitRef => {
    const doer = doerKinds.get(text);
    if (doer) {
      const found = staff.filter((s) => s.matchKey === staffMatchKey(text, null));
      if (found.length === 1 && found[0])
        return {
          role,
          text,
          method: "person",
          unitIds: [found[0].unitId],
          staffIds: [found[0].id],
          candidates: [],
        };
    }
    const r = dir.resolver.resolve(text, { issuerId: keeperId });
    if (r.method === "review")
      review.push({
        kind: "unit",
        subject: text,
        detail: {
          task: key,
          role,
          reason: r.reason,
          candidates: r.candidates.slice(0, 3),
          ...(doer ? { doer } : {}),
        },
      });
    return { role, text, method: r.method, unitIds: r.unitIds, candidates: r.candidates.slice(0, 5) };
  };
  const taskUnits: ResolvedUnitRef[][] = plan.tasks.map((task) => [
    ...task.leads.map((text) => resolveRef(task.id, "lead", text)),
    ...task.cooperators.map((text) => resolveRef(task.id, "cooperate", text)),
  ]);
  // Each duty of "Tổ chức thực hiện" is work of its units, tracked beside the tasks.
  const duties: WorkRow[] = dutiesAsWork(plan, reading.sourceText).map((d) => ({
    kind: "duty",
    key: d.key,
    title: d.title,
    content: d.content,
    timeframe: d.timeframe,
    products: [],
    span: d.span,
    units: d.leads.map((text) => resolveRef(d.key, "lead", text)),
    deadlines: expandDeadlines(d.timeframe, year),
  }));
  const referenceLinks = await linking;
  referenceLinks.forEach((link, i) => {
    if (link.candidates.length > 1)
      review.push({
        kind: "reference",
        subject: plan.references[i]?.number ?? "",
        detail: { candidates: link.candidates },
      });
  });
  for (const w of plan.warnings) review.push({ kind: "warning", subject: w, detail: {} });
  // "Điều chỉnh, bổ sung Kế hoạch số 88/KH-UBND …": a change to that plan, where it is here.
  const amended = amendedPlanNumber(plan);
  const amendedAt = amended ? plan.references.findIndex((r) => r.number === amended) : -1;
  const amendsPlanId = amendedAt >= 0 ? (referenceLinks[amendedAt]?.target ?? null) : null;
  if (amended && !amendsPlanId)
    review.push({
      kind: "warning",
      subject: `Văn bản điều chỉnh Kế hoạch số ${amended}, nhưng kế hoạch đó chưa có trong hệ thống: nhập kế hoạch đó trước để áp dụng các thay đổi.`,
      detail: {},
    });
  const graph: PlanGraph = {
    document: {
      sha256: hash,
      fileName,
      mediaType: reading.mediaType,
      content: bytes,
      text: reading.sourceText,
      // Kept beside the restored text: the review marks the words restoring changed or doubted.
      ...(reading.restoration ? { restoration: reading.restoration } : {}),
    },
    plan,
    issuerUnitId: keeperId,
    taskUnits,
    taskDeadlines: plan.tasks.map((t) => expandDeadlines(t.timeframe, year)),
    duties,
    amendsPlanId,
    referenceLinks,
    review,
    searchText: planSearchText(plan.document),
  };
  try {
    const planId = await inTransaction(ctx.db, async (trx) => {
      const id = await insertPlanGraph(trx, graph);
      await audit(ctx, trx, importer, {
        action: "plan.import",
        objectType: "plan",
        objectId: id,
        after: { fileName, sha256: hash, number: plan.document.number, title: plan.document.title, keeperId },
      });
      return id;
    });
    return {
      status: "imported",
      planId,
      tasks: plan.tasks.length,
      duties: duties.length,
      review: review.filter((r) => r.kind !== "warning").length,
    };
  } catch (error) {
    // Another request imported the same file for the same body meanwhile: the unique hash turned this one away.
    if (!isUniqueViolation(error)) throw error;
    const raced = await planIdByHash(ctx.db, hash, scope);
    if (raced) return { status: "duplicate", planId: raced, tasks: 0, duties: 0, review: 0 };
    throw error;
  }
}
