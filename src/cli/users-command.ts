// `kehoach users add LOGIN --unit CODE --role admin --name "Họ tên"`: creates an account (the first
// administrator of a real installation); the password is read from standard input, never an argument.

import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { listUnits } from "../db/units.repository.js";
import { DomainError } from "../domain/errors.js";
import { ROLES, type Role } from "../domain/roles.js";
import { createAccount, normalizeLogin } from "../services/auth.service.js";
import { cliContext, openCliStore } from "./open-store.js";

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Mật khẩu (ít nhất 10 ký tự): ");
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.trim();
  }
  return "";
}

export async function usersCommand(args: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      unit: { type: "string" },
      role: { type: "string", default: "admin" },
      name: { type: "string" },
    },
    allowPositionals: true,
  });
  const [action, login] = positionals;
  if (action !== "add" || !login || !values.unit)
    throw new DomainError(
      "cli.usage",
      'kehoach users add TÊN_ĐĂNG_NHẬP --unit MÃ_ĐƠN_VỊ [--role admin] [--name "Họ tên"] (mật khẩu đọc từ đầu vào)',
    );
  const role = values.role as Role;
  if (!ROLES.includes(role))
    throw new DomainError("cli.usage", `vai trò phải là một trong: ${ROLES.join(", ")}`);
  const password = await readPassword();
  const store = await openCliStore();
  try {
    const unit = (await listUnits(store.db)).find((u) => u.code === values.unit);
    if (!unit)
      throw new DomainError(
        "unit.not_found",
        `không có đơn vị mã ${values.unit}: nhập danh mục đơn vị trước (kehoach units import)`,
      );
    await createAccount(cliContext(store), null, {
      login,
      displayName: values.name ?? login,
      unitId: unit.id,
      role,
      password,
    });
    out(`Đã tạo tài khoản ${normalizeLogin(login)} (${role}, ${unit.name}).`);
  } finally {
    await store.close();
  }
  return 0;
}
