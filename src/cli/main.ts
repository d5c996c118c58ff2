// The `kehoach` command. `kehoach parse FILE [--json]` prints the plan a file holds.

import { DomainError } from "../domain/errors.js";
import { ParsedPlanSchema } from "../domain/plan.js";
import { isPlan } from "../parse/is-plan.js";
import { parsePlan } from "../parse/parse-plan.js";
import { restoreWithShippedModel } from "../text/restore/model-file.js";
import { backupCommand, restoreCommand } from "./backup-command.js";
import { importCommand } from "./import-command.js";
import { extractFileArgument } from "./read-file.js";
import { repairCommand } from "./repair-command.js";
import { searchCommand } from "./search-command.js";
import { serveCommand } from "./serve-command.js";
import { renderSummary } from "./summary.js";
import { unitsCommand } from "./units-command.js";
import { usersCommand } from "./users-command.js";

const USAGE = `kehoach — đọc kế hoạch của cơ quan nhà nước thành nhiệm vụ, đơn vị, thời hạn

Cách dùng:
  kehoach parse FILE [--json]            đọc một kế hoạch (.txt, .doc, .docx, .pdf, .html, .md) và in kết quả (--json: định dạng kehoach.plan/v1)
  kehoach repair FILE [--json]           in văn bản đã giải mã (TCVN3, VNI, VIQR…), sửa lỗi OCR và phục hồi dấu (--json: từng từ đã sửa và độ tin cậy)
  kehoach serve [--port 3000] [--demo]   chạy ứng dụng web (--demo: dữ liệu và tài khoản mẫu)
  kehoach import FILE...                 nhập kế hoạch (.txt, .doc, .docx, .pdf, .html, .md) vào cơ sở dữ liệu; tệp đã có không nhập lại
  kehoach search TỪ KHÓA...              tìm kế hoạch và nhiệm vụ, không phân biệt dấu
  kehoach units import FILE.csv          nhập danh mục đơn vị (cột: code,name,short_name,kind,parent_code,…)
  kehoach units export [FILE.csv]        xuất danh mục đơn vị
  kehoach units resolve TÊN [--issuer MÃ] tìm đơn vị trong danh mục cho một tên như kế hoạch viết
  kehoach users add TÊN --unit MÃ [--role admin] [--name "Họ tên"]   tạo tài khoản (mật khẩu đọc từ đầu vào)
  kehoach backup FILE                    sao lưu toàn bộ cơ sở dữ liệu vào một tệp (dừng máy chủ trước nếu dùng thư mục dữ liệu)
  kehoach restore FILE [--replace]       khôi phục từ tệp sao lưu (--replace: thay cơ sở dữ liệu đã có dữ liệu)
  kehoach --help                         hướng dẫn này

Cơ sở dữ liệu: thư mục ./data (hoặc KEHOACH_DATA); đặt DATABASE_URL=postgres://… để dùng PostgreSQL.`;

function fail(message: string, code = 1): never {
  process.stderr.write(`kehoach: ${message}\n`);
  process.exit(code);
}

async function parseCommand(args: string[]): Promise<void> {
  const {
    file,
    json,
    extracted: { text, notes },
  } = await extractFileArgument(args, "parse");
  const plan = ParsedPlanSchema.parse(parsePlan(text, { restore: restoreWithShippedModel }));
  plan.warnings.push(...notes);
  const verdict = isPlan(plan, text);
  if (!verdict.ok)
    throw new DomainError(
      "import.not_a_plan",
      `${file}: không tìm thấy kế hoạch trong văn bản (${verdict.reason})`,
    );
  process.stdout.write(json ? `${JSON.stringify(plan, null, 2)}\n` : `${renderSummary(plan)}\n`);
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  try {
    if (command === "parse") await parseCommand(rest);
    else if (command === "import")
      process.exitCode = await importCommand(
        rest,
        (s) => process.stdout.write(`${s}\n`),
        (s) => process.stderr.write(`${s}\n`),
      );
    else if (command === "repair")
      process.exitCode = await repairCommand(rest, (s) => process.stdout.write(`${s}\n`));
    else if (command === "search")
      process.exitCode = await searchCommand(rest, (s) => process.stdout.write(`${s}\n`));
    else if (command === "serve") await serveCommand(rest, (s) => process.stdout.write(`${s}\n`));
    else if (command === "users")
      process.exitCode = await usersCommand(rest, (s) => process.stdout.write(`${s}\n`));
    else if (command === "backup")
      process.exitCode = await backupCommand(rest, (s) => process.stdout.write(`${s}\n`));
    else if (command === "restore")
      process.exitCode = await restoreCommand(rest, (s) => process.stdout.write(`${s}\n`));
    else if (command === "units")
      process.exitCode = await unitsCommand(rest, (s) => process.stdout.write(`${s}\n`));
    else fail(`lệnh không có: ${command}\n${USAGE}`, 2);
  } catch (error) {
    // Domain errors carry their own message; the id picks the exit code.
    if (error instanceof DomainError)
      fail(error.message.split("\n")[0] ?? error.id, error.id === "cli.usage" ? 2 : 1);
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    fail(`lỗi: ${message}`);
  }
}
