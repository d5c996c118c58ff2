// `kehoach units import FILE.csv | export [FILE.csv] | resolve TEXT [--issuer CODE]`

import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { listUnits } from "../db/units.repository.js";
import { DomainError } from "../domain/errors.js";
import { createResolver } from "../services/resolve-units.js";
import { exportDirectory, importDirectory } from "../services/units.service.js";
import { cliContext, openCliStore } from "./open-store.js";

export async function unitsCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { issuer: { type: "string" } },
    allowPositionals: true,
  });
  const [action, arg] = positionals;
  if (action === "import") {
    if (!arg) throw new DomainError("cli.usage", "cần tệp CSV: kehoach units import FILE.csv");
    let csv: string;
    try {
      csv = readFileSync(arg, "utf8");
    } catch {
      throw new DomainError("file.not_found", `không mở được tệp ${arg}`);
    }
    const store = await openCliStore();
    try {
      const r = await importDirectory(cliContext(store), null, csv);
      out(
        `Đã nhập danh mục đơn vị: ${r.created} đơn vị mới, ${r.updated} đơn vị cập nhật (${store.location}).`,
      );
    } finally {
      await store.close();
    }
    return 0;
  }
  if (action === "export") {
    const store = await openCliStore();
    try {
      const csv = await exportDirectory(cliContext(store));
      if (arg) writeFileSync(arg, csv);
      else out(csv.trimEnd());
    } finally {
      await store.close();
    }
    return 0;
  }
  if (action === "resolve") {
    if (!arg)
      throw new DomainError(
        "cli.usage",
        'cần tên đơn vị: kehoach units resolve "Văn phòng Sở" [--issuer MÃ]',
      );
    const store = await openCliStore();
    try {
      const units = await listUnits(store.db);
      const issuer = values.issuer ? units.find((u) => u.code === values.issuer) : undefined;
      if (values.issuer && !issuer)
        throw new DomainError("unit.not_found", `không có đơn vị mã ${values.issuer}`);
      const r = createResolver(units).resolve(arg, { issuerId: issuer?.id ?? null });
      const name = (id: string) => units.find((u) => u.id === id);
      if (r.unitIds.length)
        for (const id of r.unitIds) out(`${r.method}\t${name(id)?.code}\t${name(id)?.name}`);
      else {
        out(`review\t${r.reason ?? ""}`);
        for (const c of r.candidates.slice(0, 3))
          out(`  ?\t${name(c.id)?.code}\t${c.name}\t${c.score.toFixed(2)}`);
      }
    } finally {
      await store.close();
    }
    return 0;
  }
  throw new DomainError(
    "cli.usage",
    "kehoach units import FILE.csv | export [FILE.csv] | resolve TÊN [--issuer MÃ]",
  );
}
