// `kehoach search WORDS…`: plans and tasks, diacritics and tone marks ignored.

import { searchPlans, searchTasks } from "../db/plans.repository.js";
import { DomainError } from "../domain/errors.js";
import { foldForSearch } from "../domain/plan-search.js";
import { openCliStore } from "./open-store.js";

// The console sees every plan, drafts included: it is the operator of the installation.
const EVERYTHING = { reach: null, drafts: true };

export async function searchCommand(args: string[], out: (s: string) => void): Promise<number> {
  const words = foldForSearch(args.join(" ")).split(/\s+/).filter(Boolean);
  if (!words.length) throw new DomainError("cli.usage", "cần từ khóa: kehoach search ke hoach hoi nhap");
  const store = await openCliStore();
  try {
    const plans = await searchPlans(store.db, EVERYTHING, words);
    const tasks = await searchTasks(store.db, EVERYTHING, words);
    out(`Kế hoạch (${plans.length}):`);
    for (const p of plans)
      out(
        `  #${p.id} ${p.number ?? "(không số)"} ${p.issuedOn ?? ""} — ${p.title ?? ""} (${p.tasks} nhiệm vụ)`,
      );
    out(`Nhiệm vụ (${tasks.length}):`);
    for (const t of tasks) out(`  #${t.planId} ${t.key}. ${t.title}`);
  } finally {
    await store.close();
  }
  return 0;
}
