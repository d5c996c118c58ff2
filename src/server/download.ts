// A file sent for download: its type, and its name in the Content-Disposition header both ways —
// plain ASCII (diacritics folded) for the clients that read only that, and UTF-8 (RFC 6266/8187)
// for the browsers that keep "Phụ lục phân công" as it is written.

import type { FastifyReply } from "fastify";
import { foldDiacritics } from "../text/fold.js";

// RFC 8187's attr-char: what may stand unencoded in `filename*`.
const encode = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `contentDisposition("phu-luc-phan-cong-901-KH-SGDĐT.docx")` →
 * `attachment; filename="phu-luc-phan-cong-901-KH-SGDDT.docx"; filename*=UTF-8''phu-luc-phan-cong-901-KH-SGD%C4%90T.docx`
 */
export function contentDisposition(fileName: string): string {
  const ascii = foldDiacritics(fileName).replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encode(fileName)}`;
}

/** Sends a file as a download: `return sendFile(reply, await planMatrixFile(…))`. */
export function sendFile(
  reply: FastifyReply,
  file: { fileName: string; type: string; bytes: Uint8Array },
): FastifyReply {
  return reply
    .type(file.type)
    .header("content-disposition", contentDisposition(file.fileName))
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}
