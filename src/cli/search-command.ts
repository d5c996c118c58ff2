// `kehoach search WORDS…`: plans and tasks, diacritics and tone marks ignored.

import { foldForSearch, searchPlans, searchTasks } from "../db/plans.repository.js";
import { DomainError } from "../domain/errors.js";
import { openCliStore } from "./open-store.js";

export async function searchCommand(args: string[], out: (s: string) => void): Promise<number> {
  const words = foldForSearch(args.join(" ")).split(/\s+/).filter(Boolean);
  if (!words.length) throw new DomainError("cli.usage", "cần từ khóa: kehoach search ke hoach hoi nhap");
  const store = await openCliStore();
  try {
    const plans = await searchPlans(store.db, words);
    const tasks = await searchTasks(store.db, words);
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
