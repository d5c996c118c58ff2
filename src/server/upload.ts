// Reading the one file of a multipart request, bounded: a missing file or one over the limit gets
// a clear refusal naming the field and the limit, never a half-read body.

import type { FastifyRequest } from "fastify";
import { DomainError } from "../domain/errors.js";

export interface Upload {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** `await readUpload(request, 20 * 1024 * 1024, "tệp kế hoạch")` */
export async function readUpload(request: FastifyRequest, maxBytes: number, what: string): Promise<Upload> {
  let file: Awaited<ReturnType<FastifyRequest["file"]>>;
  try {
    file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  } catch {
    throw new DomainError("file.missing", `Chưa gửi ${what} đúng dạng (multipart, trường «file»).`);
  }
  if (!file) throw new DomainError("file.missing", `Chưa chọn ${what} (trường «file»).`);
  try {
    return { fileName: file.filename, mediaType: file.mimetype, bytes: await file.toBuffer() };
  } catch {
    throw new DomainError(
      "file.too_large",
      `${what[0]?.toUpperCase()}${what.slice(1)} quá lớn: tối đa ${maxBytes / 1048576} MB.`,
    );
  }
}
