// Resolving the unit strings a plan names to units of the directory:
//   exactly or by alias and abbreviation ("Phòng GDTX&ĐH"), without diacritics ("Van phong So"),
//   relative to the issuer ("Sở", "Cơ quan Sở", "Phòng GDTX&ĐH Sở GD&ĐT"), posts ("Giám đốc"),
//   collective names ("các phòng trực thuộc Sở", "Phòng GDĐT quận/huyện", "các trường THPT"),
//   and by similarity where one unit clearly wins. Anything else goes to review with candidates:
//   never dropped, never guessed.

import type { DirectoryUnit } from "../domain/unit.js";
import { diceSimilarity } from "../parse/similarity.js";
import { foldKey } from "../text/fold.js";

export type ResolutionMethod = "exact" | "issuer" | "collective" | "similar" | "review";

export interface Candidate {
  id: string;
  name: string;
  score: number;
}

export interface Resolution {
  text: string;
  method: ResolutionMethod;
  /** The units meant (one, or the members of a group); empty for review. */
  unitIds: string[];
  /** For review: the best candidates, best first. */
  candidates: Candidate[];
  /** Why it went to review, in Vietnamese, for the review screen. */
  reason?: string;
}

export interface ResolveContext {
  /** The unit that issued the plan: "Sở", "các phòng Sở" are read relative to it. */
  issuerId: string | null;
}

// "GDTX&ĐH" and "GDTX - ĐH" read alike: keys drop the joiners of abbreviations.
function key(text: string): string {
  return foldKey(text.replace(/[&–—-]/g, " "));
}

// A trailing mention of the issuer: "Phòng GDTX&ĐH Sở GD&ĐT" | "Cổng thông tin điện tử của Sở"
const ISSUER_SUFFIX = /\s+(?:cua\s+)?(?:so(?:\s+gd\s*dt|\s+gddt|\s+giao duc va dao tao)?)$/;
// Open groups that name no unit the directory can hold.
const OPEN_GROUP =
  /\blien quan\b|\bthanh vien\b|\bbao chi\b|\btruyen hinh\b|^cac don vi$|^cac co quan$|\btrang thong tin\b/;

// How a plan names its own issuer: "Sở" in a department's plan, "Phòng" in a division's.
const SELF: Record<string, string[]> = {
  so: ["department"],
  "co quan so": ["department"],
  phong: ["division"],
  "co quan phong": ["division"],
  "uy ban nhan dan": ["people_committee", "district", "commune"],
  ubnd: ["people_committee", "district", "commune"],
};

interface Rule {
  // Sample of what it matches, above each pattern.
  pattern: RegExp;
  members(
    units: readonly DirectoryUnit[],
    ctx: ResolveContext,
    byId: Map<string, DirectoryUnit>,
  ): DirectoryUnit[];
}

const under = (u: DirectoryUnit, root: DirectoryUnit | undefined) =>
  Boolean(root) && u.path.split(".").includes(root?.id ?? "-");
const provinceOf = (issuer: DirectoryUnit | undefined, byId: Map<string, DirectoryUnit>) => {
  let u = issuer;
  while (u?.parentId) u = byId.get(u.parentId);
  return u;
};

const RULES: Rule[] = [
  {
    // "các phòng trực thuộc Sở" | "các phòng cơ quan Sở" | "Các phòng Sở" | "các phòng chuyên môn"
    pattern: /^cac phong (?:truc thuoc |thuoc |co quan |chuyen mon |chuyen mon nghiep vu )?(?:so|cua so)?\b/,
    members: (units, ctx) =>
      units.filter(
        (u) =>
          u.active && u.parentId === ctx.issuerId && ["division", "office", "inspectorate"].includes(u.kind),
      ),
  },
  {
    // "Phòng GDĐT quận/huyện" | "Phòng GD&ĐT các quận, huyện" | "Phòng Giáo dục và Đào tạo quận/huyện"
    pattern:
      /^phong (?:gddt|gd dt|giao duc va dao tao|giao duc dao tao) (?:cac )?(?:quan huyen|quan|huyen|thi xa)/,
    members: (units) =>
      units.filter(
        (u) => u.active && /^phong giao duc va dao tao (?:quan|huyen|thi xa|thanh pho) /.test(key(u.name)),
      ),
  },
  {
    // "Trung tâm GDNN-GDTX quận/huyện" | "TTGDNN-GDTX các quận, huyện"
    pattern: /^(?:trung tam |tt)?gdnn gdtx (?:cac )?(?:quan huyen|quan|huyen)/,
    members: (units) =>
      units.filter(
        (u) =>
          u.active &&
          u.kind === "centre" &&
          /giao duc nghe nghiep giao duc thuong xuyen (?:quan|huyen|thi xa)/.test(key(u.name)),
      ),
  },
  {
    // "Các trường phổ thông trực thuộc Sở GDĐT" | "các trường trực thuộc"
    pattern: /^cac truong (?:pho thong )?(?:truc thuoc|thuoc)\b/,
    members: (units, ctx) =>
      units.filter((u) => u.active && u.kind === "school" && u.parentId === ctx.issuerId),
  },
  {
    // "các trường THPT" | "Trường THPT"
    pattern: /^(?:cac )?truong thpt$/,
    members: (units) =>
      units.filter(
        (u) => u.active && u.kind === "school" && /\bthpt\b|trung hoc pho thong/.test(key(u.name)),
      ),
  },
  {
    // "các đơn vị giáo dục" | "Các cơ sở GDĐT trên địa bàn thành phố" | "các cơ sở giáo dục" | "các trường học"
    pattern:
      /^cac (?:don vi giao duc|co so giao duc|co so gddt|co so gd dt|co so giao duc va dao tao|truong hoc|don vi truc thuoc)\b/,
    members: (units, ctx, byId) => {
      const province = provinceOf(ctx.issuerId ? byId.get(ctx.issuerId) : undefined, byId);
      return units.filter(
        (u) => u.active && (u.kind === "school" || u.kind === "centre") && (!province || under(u, province)),
      );
    },
  },
  {
    // "Ủy ban nhân dân các quận, huyện" | "UBND các quận, huyện"
    pattern: /^(?:uy ban nhan dan|ubnd) (?:cac )?(?:quan huyen|quan huyen thi xa)/,
    members: (units) => units.filter((u) => u.active && u.kind === "district"),
  },
];

export interface Resolver {
  resolve(text: string, ctx: ResolveContext): Resolution;
}

/** Builds a resolver over a directory snapshot: `createResolver(await listUnits(db)).resolve("Văn phòng Sở", { issuerId })`. */
export function createResolver(units: readonly DirectoryUnit[]): Resolver {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byKey = new Map<string, DirectoryUnit[]>();
  const names: Array<{ key: string; unit: DirectoryUnit }> = [];
  for (const u of units) {
    for (const n of [u.name, u.shortName, ...u.aliases]) {
      if (!n) continue;
      const k = key(n);
      const list = byKey.get(k) ?? [];
      if (!list.includes(u)) list.push(u);
      byKey.set(k, list);
      names.push({ key: k, unit: u });
    }
  }

  // Several units under one name: the active one, then the one nearest the issuer.
  const pick = (found: DirectoryUnit[], ctx: ResolveContext): DirectoryUnit | null => {
    const active = found.filter((u) => u.active);
    const pool = active.length ? active : found;
    if (pool.length === 1) return pool[0] ?? null;
    const issuer = ctx.issuerId ? byId.get(ctx.issuerId) : undefined;
    const near = issuer
      ? pool.filter((u) => u.id === issuer.id || under(u, issuer) || issuer.path.startsWith(u.path))
      : [];
    return near.length === 1 ? (near[0] ?? null) : null;
  };

  const exact = (k: string, ctx: ResolveContext): DirectoryUnit | null => {
    const found = byKey.get(k);
    return found ? pick(found, ctx) : null;
  };

  const rank = (k: string): Candidate[] => {
    const best = new Map<string, Candidate>();
    for (const n of names) {
      const score = diceSimilarity(k, n.key);
      const prev = best.get(n.unit.id);
      if (!prev || score > prev.score) best.set(n.unit.id, { id: n.unit.id, name: n.unit.name, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, 5);
  };

  return {
    resolve(text, ctx) {
      const k = key(text);
      const done = (method: ResolutionMethod, ids: string[]): Resolution => ({
        text,
        method,
        unitIds: ids,
        candidates: [],
      });
      if (!k) return { text, method: "review", unitIds: [], candidates: [], reason: "trống" };
      // "Sở", "Cơ quan Sở", "Phòng" alone: the issuing unit itself, when it is of that kind.
      const issuer = ctx.issuerId ? byId.get(ctx.issuerId) : undefined;
      if (issuer && SELF[k]?.includes(issuer.kind)) return done("issuer", [issuer.id]);
      const direct = exact(k, ctx) ?? exact(k.replace(/^cac /, ""), ctx);
      if (direct?.active) return done("exact", [direct.id]);
      if (direct) {
        // A unit that merged away: a person confirms its successor, nothing is moved silently.
        const successor = direct.replacedBy ? byId.get(direct.replacedBy) : undefined;
        const candidates = successor ? [{ id: successor.id, name: successor.name, score: 1 }] : [];
        return {
          text,
          method: "review",
          unitIds: [],
          candidates,
          reason: `đơn vị «${direct.name}» không còn hoạt động${successor ? `; đơn vị kế thừa: ${successor.name}` : ""}`,
        };
      }
      for (const rule of RULES) {
        if (rule.pattern.test(k)) {
          const members = rule.members(units, ctx, byId);
          if (members.length)
            return done(
              "collective",
              members.map((u) => u.id),
            );
        }
      }
      if (OPEN_GROUP.test(k)) {
        return {
          text,
          method: "review",
          unitIds: [],
          candidates: rank(k),
          reason: "nhóm đơn vị không xác định được từ danh mục",
        };
      }
      // "Phòng GDTX&ĐH Sở GD&ĐT": the issuer named after the unit.
      const stripped = k.replace(ISSUER_SUFFIX, "");
      if (stripped !== k && stripped) {
        const local = exact(stripped, ctx);
        if (local) return done("issuer", [local.id]);
      }
      const candidates = rank(stripped || k);
      const [first, second] = candidates;
      if (first && first.score >= 0.8 && (!second || first.score - second.score >= 0.08))
        return done("similar", [first.id]);
      return {
        text,
        method: "review",
        unitIds: [],
        candidates,
        reason: "không tìm thấy đơn vị khớp chắc chắn",
      };
    },
  };
}
