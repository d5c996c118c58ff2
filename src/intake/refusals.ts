// What a person is told when the pool stops or turns away a file (Vietnamese), with stable ids:
// file.timeout and file.too_complex are the file's doing (HTTP 422 with the other file.* ids);
// intake.busy is the server's (it should be answered 503), intake.closed a server shutting down.

import { DomainError } from "../domain/errors.js";

/** "30" | "2,5": seconds as a person reads them. */
const seconds = (ms: number) =>
  ms >= 10_000 ? String(Math.round(ms / 1000)) : (ms / 1000).toFixed(1).replace(".", ",");

export const intakeRefusals = {
  timeout: (fileName: string, ms: number) =>
    new DomainError(
      "file.timeout",
      `Đọc tệp «${fileName}» quá ${seconds(ms)} giây nên đã dừng: tệp quá dài hoặc quá phức tạp để đọc tự động. Hãy nhập bản Word hoặc văn bản nếu có.`,
    ),
  crashed: (fileName: string, memoryMb: number) =>
    new DomainError(
      "file.too_complex",
      `Đọc tệp «${fileName}» cần quá nhiều bộ nhớ (giới hạn ${memoryMb} MB) hoặc làm hỏng tiến trình đọc nên đã dừng: tệp quá phức tạp để đọc tự động. Hãy nhập bản Word hoặc văn bản nếu có.`,
    ),
  busy: (waiting: number) =>
    new DomainError(
      "intake.busy",
      `Máy chủ đang đọc các tệp khác (${waiting} tệp đang chờ): hãy thử lại sau ít phút.`,
    ),
  closed: () => new DomainError("intake.closed", "Máy chủ đang dừng, không đọc thêm tệp: hãy thử lại sau."),
};
