// Importing a plan file: read it (txt, docx, pdf), parse it, resolve its units against the
// directory, expand its timeframes into dated deadlines, link the plans it cites, and store it all
// in one transaction. The same file twice is recognised by its hash and imported once.

import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import {
  foldForSearch,
  insertPlanGraph,
  type PlanGraph,
  planIdByHash,
  plansByNumber,
  type ResolvedUnitRef,
} from "../db/plans.repository.js";
import type { Database } from "../db/schema.js";
import { listUnits } from "../db/units.repository.js";
import { DomainError } from "../domain/errors.js";
import type { ParsedPlan } from "../domain/plan.js";
import { extractText } from "../extract/extract.js";
import { isPlan } from "../parse/is-plan.js";
import { numberKey } from "../parse/legal-references.js";
import { parsePlan } from "../parse/parse-plan.js";
import { diceSimilarity } from "../parse/similarity.js";
import { foldKey } from "../text/fold.js";
import { normalizePlanText } from "../text/normalize.js";
import { expandDeadlines } from "../time/expand.js";
import { createResolver, type Resolver } from "./resolve-units.js";

export interface ImportResult {
  status: "imported" | "duplicate";
  planId: string;
  tasks: number;
  /** Unit strings and references a person has to settle. */
  review: number;
}

export interface ImportContext {
  db: Kysely<Database>;
  /** Built once per batch from the directory. */
  resolver: Resolver;
  /** Each unit's ltree path, by id. */
  unitPaths: Map<string, string>;
  /** The year deadlines are expanded for when the plan names none. */
  fallbackYear: number;
  /**
   * The body an uploader acts for (a plan officer of Văn phòng Sở acts for the Sở), given as its
   * ltree path "1.2": a plan whose issuer is not in the directory, or lies outside that body,
   * is kept by that body, so that the person who uploaded it can review it.
   */
  actingFor?: string;
}

function issuerPathOf(ctx: ImportContext, unitId: string): string | null {
  return ctx.unitPaths.get(unitId) ?? null;
}

/** "1.2.7" lies within "1.2". */
function isWithin(reach: string, path: string | null): boolean {
  return !!path && (path === reach || path.startsWith(`${reach}.`));
}

/** A resolver over the current directory, for a batch of imports. */
export async function importContext(db: Kysely<Database>, now = new Date()): Promise<ImportContext> {
  const units = await listUnits(db);
  return {
    db,
    resolver: createResolver(units),
    unitPaths: new Map(units.map((u) => [u.id, u.path])),
    fallbackYear: now.getFullYear(),
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function linkReferences(db: Kysely<Database>, plan: ParsedPlan): Promise<PlanGraph["referenceLinks"]> {
  const out: PlanGraph["referenceLinks"] = [];
  for (const ref of plan.references) {
    // Numbers repeat across issuers and years: a link needs the date to agree where both have one;
    // more than one match is offered to a person, never linked silently.
    const found = await plansByNumber(db, numberKey(ref.number));
    const fitting = found.filter(
      (p) =>
        (!ref.date || !p.issuedOn || p.issuedOn === ref.date) &&
        (!ref.issuer || !p.issuer || sameIssuer(ref.issuer, p.issuer)),
    );
    out.push(
      fitting.length === 1
        ? { target: fitting[0]?.id ?? null, candidates: [] }
        : { target: null, candidates: fitting.map((p) => p.id) },
    );
  }
  return out;
}

// "Ủy ban nhân dân tỉnh An Bình" and "UBND tỉnh An Bình" are one issuer; "Sở Y tế" is another.
function sameIssuer(a: string, b: string): boolean {
  const norm = (s: string) => foldKey(s).replace(/^uy ban nhan dan\b/, "ubnd");
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(y) || y.startsWith(x) || diceSimilarity(x, y) >= 0.7;
}

/**
 * Imports one file: `await importPlanFile(ctx, "ke-hoach.docx", bytes)`.
 * Throws DomainError (file.*, pdf.*, docx.*, import.not_a_plan) with a reason for the person.
 */
export async function importPlanFile(
  ctx: ImportContext,
  fileName: string,
  bytes: Uint8Array,
): Promise<ImportResult> {
  const hash = sha256(bytes);
  const existing = await planIdByHash(ctx.db, hash);
  if (existing) return { status: "duplicate", planId: existing, tasks: 0, review: 0 };
  const extracted = await extractText(bytes);
  const plan = parsePlan(extracted.text);
  plan.warnings.push(...extracted.notes);
  const verdict = isPlan(plan);
  if (!verdict.ok) throw new DomainError("import.not_a_plan", `không phải kế hoạch: ${verdict.reason}`);

  const issuer = plan.document.issuer ? ctx.resolver.resolve(plan.document.issuer, { issuerId: null }) : null;
  const resolvedIssuer = issuer && issuer.unitIds.length === 1 ? (issuer.unitIds[0] ?? null) : null;
  const year = plan.document.year ?? ctx.fallbackYear;
  const review: PlanGraph["review"] = [];
  const keeper = ctx.actingFor ? ctx.actingFor.split(".").pop() : undefined;
  const issuerUnitId =
    keeper && (!resolvedIssuer || !isWithin(ctx.actingFor ?? "", issuerPathOf(ctx, resolvedIssuer)))
      ? keeper
      : resolvedIssuer;
  if (issuerUnitId !== resolvedIssuer)
    review.push({
      kind: "warning",
      subject: resolvedIssuer
        ? `Cơ quan ban hành «${plan.document.issuer}» ở ngoài đơn vị của người nhập: kế hoạch do đơn vị của người nhập theo dõi.`
        : `Cơ quan ban hành «${plan.document.issuer ?? "(không rõ)"}» chưa có trong danh mục: kế hoạch do đơn vị của người nhập theo dõi.`,
      detail: {},
    });
  const taskUnits: ResolvedUnitRef[][] = plan.tasks.map((task) =>
    [
      ...task.leads.map((text) => ({ role: "lead" as const, text })),
      ...task.cooperators.map((text) => ({ role: "cooperate" as const, text })),
    ].map(({ role, text }) => {
      const r = ctx.resolver.resolve(text, { issuerId: issuerUnitId });
      if (r.method === "review")
        review.push({
          kind: "unit",
          subject: text,
          detail: { task: task.id, role, reason: r.reason, candidates: r.candidates.slice(0, 3) },
        });
      return { role, text, method: r.method, unitIds: r.unitIds, candidates: r.candidates.slice(0, 5) };
    }),
  );
  const referenceLinks = await linkReferences(ctx.db, plan);
  referenceLinks.forEach((link, i) => {
    if (link.candidates.length > 1)
      review.push({
        kind: "reference",
        subject: plan.references[i]?.number ?? "",
        detail: { candidates: link.candidates },
      });
  });
  for (const w of plan.warnings) review.push({ kind: "warning", subject: w, detail: {} });
  const d = plan.document;
  const graph: PlanGraph = {
    document: {
      sha256: hash,
      fileName,
      mediaType: extracted.mediaType,
      content: bytes,
      text: normalizePlanText(extracted.text).text,
    },
    plan,
    issuerUnitId,
    taskUnits,
    taskDeadlines: plan.tasks.map((t) => expandDeadlines(t.timeframe, year)),
    referenceLinks,
    review,
    searchText: planSearchText(d),
  };
  try {
    const planId = await ctx.db.transaction().execute((trx) => insertPlanGraph(trx, graph));
    return {
      status: "imported",
      planId,
      tasks: plan.tasks.length,
      review: review.filter((r) => r.kind !== "warning").length,
    };
  } catch (error) {
    // Another process imported the same file meanwhile: the unique hash turned this one away.
    const raced = await planIdByHash(ctx.db, hash);
    if (raced) return { status: "duplicate", planId: raced, tasks: 0, review: 0 };
    throw error;
  }
}

/** What plan search looks in: "Kế hoạch 123/KH-SGDĐT Tổ chức … Sở GD&ĐT Hải Phòng", folded. */
export function planSearchText(d: {
  type: string | null;
  number: string | null;
  title: string | null;
  issuer: string | null;
  place: string | null;
}): string {
  return foldForSearch(
    [d.type === "KH" ? "Kế hoạch" : (d.type ?? ""), d.number, d.title, d.issuer, d.place]
      .filter(Boolean)
      .join(" "),
  );
}
