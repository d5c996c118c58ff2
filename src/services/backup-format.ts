// The backup file's format (kehoach-backup, version 1), the same whichever database wrote it. Inside
// a gzip stream: a magic line, then frames — a type byte, a 32-bit length, the payload:
//   H  header (JSON): format, version, when, from which database, the migrations the schema was at,
//      each table with its columns, key and row count, where each sequence stood
//   T  a table begins (JSON {name}); then its pages:
//   P  a page: a 32-bit row count, then the rows as a JSON array (binary columns left out),
//      followed by each row's binary columns in order, a frame each: B (the bytes) or N (null)
//   E  the table ends (JSON {name, rows})
//   Z  the end (JSON {tables, rows, sha256 of every byte before this frame})
// A reader keeps at most a page in memory, and knows a truncated or altered file: gzip's own check
// at the end of the stream, the counts, the checksum, and the end frame, which a cut file lacks.

import { createHash, type Hash } from "node:crypto";
import { z } from "zod";
import type { RowPage } from "../db/backup-read.js";
import { DomainError } from "../domain/errors.js";

export const BACKUP_FORMAT = "kehoach-backup";
export const BACKUP_VERSION = 1;
const MAGIC = Buffer.from("KEHOACH-BACKUP\n", "ascii");
// bytea holds at most 1 GB; a page's JSON is cut far below that.
const MAX_FRAME = 1.5 * 1024 ** 3;

const Column = z.object({ name: z.string(), type: z.string() });
export const BackupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  source: z.enum(["pglite", "postgres"]),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(Column),
      key: z.array(z.string()),
      rows: z.number().int(),
    }),
  ),
  sequences: z.array(z.object({ table: z.string(), column: z.string(), last: z.string().nullable() })),
  leftOut: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

const TableFrame = z.object({ name: z.string() });
const TableEndFrame = z.object({ name: z.string(), rows: z.number().int() });
const EndFrame = z.object({ tables: z.number().int(), rows: z.number().int(), sha256: z.string() });

const corrupt = (why: string) =>
  new DomainError("backup.corrupt", `Tệp sao lưu bị hỏng hoặc không trọn vẹn (${why}); không khôi phục gì.`);
const notABackup = () =>
  new DomainError("backup.not_a_backup", "Tệp này không phải bản sao lưu của kehoach (kehoach backup).");

/** Writes a backup's frames to `sink` (which waits when the file or the network is behind). */
export class BackupWriter {
  readonly #hash = createHash("sha256");
  #tables = 0;
  #rows = 0;

  constructor(private readonly sink: (chunk: Buffer) => Promise<void>) {}

  async header(header: BackupHeader): Promise<void> {
    await this.#raw(MAGIC);
    await this.#frame("H", Buffer.from(JSON.stringify(header)));
  }

  async tableStart(name: string): Promise<void> {
    await this.#frame("T", Buffer.from(JSON.stringify({ name })));
  }

  async page(page: RowPage): Promise<void> {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(page.count);
    await this.#frame("P", count, Buffer.from(page.rows));
    for (const row of page.blobs)
      for (const blob of row) await (blob ? this.#frame("B", blob) : this.#frame("N"));
    this.#rows += page.count;
  }

  async tableEnd(name: string, rows: number): Promise<void> {
    await this.#frame("E", Buffer.from(JSON.stringify({ name, rows })));
    this.#tables++;
  }

  /** The end frame; returns the tables and rows written. */
  async end(): Promise<{ tables: number; rows: number }> {
    const end = { tables: this.#tables, rows: this.#rows, sha256: this.#hash.digest("hex") };
    const body = Buffer.from(JSON.stringify(end));
    await this.sink(frameHead("Z", body.length));
    await this.sink(body);
    return { tables: end.tables, rows: end.rows };
  }

  async #raw(bytes: Buffer): Promise<void> {
    this.#hash.update(bytes);
    await this.sink(bytes);
  }

  async #frame(type: string, ...parts: Buffer[]): Promise<void> {
    await this.#raw(
      frameHead(
        type,
        parts.reduce((n, p) => n + p.length, 0),
      ),
    );
    for (const p of parts) await this.#raw(p);
  }
}

function frameHead(type: string, length: number): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, "ascii");
  head.writeUInt32BE(length, 1);
  return head;
}

/** Bytes from a stream, read exactly as many as asked. */
class ByteReader {
  readonly #chunks: AsyncIterator<Buffer>;
  #pending: Buffer[] = [];
  #available = 0;
  #started = false;

  constructor(chunks: AsyncIterable<Buffer>) {
    this.#chunks = chunks[Symbol.asyncIterator]();
  }

  /** `n` bytes; null at the end of the stream (when `n` bytes were not all there: the file is cut). */
  async read(n: number): Promise<Buffer | null> {
    while (this.#available < n) {
      let next: IteratorResult<Buffer>;
      try {
        next = await this.#chunks.next();
      } catch (error) {
        // Not gzip at all, or a stream that breaks before the format's own first line: another file.
        if (!this.#started) throw notABackup();
        throw corrupt(error instanceof Error ? error.message : String(error));
      }
      if (next.done) {
        if (this.#available === 0 && n > 0) return null;
        if (!this.#started) throw notABackup();
        throw corrupt("tệp bị cắt ngang");
      }
      this.#pending.push(next.value);
      this.#available += next.value.length;
    }
    const all = this.#pending.length === 1 ? (this.#pending[0] as Buffer) : Buffer.concat(this.#pending);
    this.#pending = all.length > n ? [all.subarray(n)] : [];
    this.#available -= n;
    this.#started = true;
    return all.subarray(0, n);
  }
}

interface Frame {
  type: string;
  body: Buffer;
}

/** A backup read from its (gunzipped) bytes: the header first, then the tables in order. */
export interface OpenedBackup {
  header: BackupHeader;
  /** Each table with its pages, in the header's order; checks the end frame after the last. */
  tables(): AsyncGenerator<{ name: string; pages: AsyncGenerator<RowPage> }>;
}

/** Reads the magic line and the header; refuses another file or a version this one cannot read. */
export async function openBackup(chunks: AsyncIterable<Buffer>): Promise<OpenedBackup> {
  const bytes = new ByteReader(chunks);
  const hash: Hash = createHash("sha256");
  const magic = await bytes.read(MAGIC.length);
  if (!magic?.equals(MAGIC)) throw notABackup();
  hash.update(magic);

  const frame = async (): Promise<Frame> => {
    const head = await bytes.read(5);
    if (!head) throw corrupt("tệp kết thúc giữa chừng");
    const type = head.toString("ascii", 0, 1);
    const length = head.readUInt32BE(1);
    if (!"HTPBNEZ".includes(type) || length > MAX_FRAME) throw corrupt("khung dữ liệu lạ");
    const body = length ? await bytes.read(length) : Buffer.alloc(0);
    if (!body) throw corrupt("tệp kết thúc giữa chừng");
    // The end frame carries the checksum of what precedes it.
    if (type !== "Z") hash.update(head).update(body);
    return { type, body };
  };
  const json = <T>(f: Frame, type: string, schema: z.ZodType<T>): T => {
    if (f.type !== type) throw corrupt(`chờ khung ${type}, gặp ${f.type}`);
    try {
      return schema.parse(JSON.parse(f.body.toString("utf8")));
    } catch {
      throw corrupt(`khung ${type} không đọc được`);
    }
  };

  const first = await frame();
  let header: BackupHeader;
  try {
    if (first.type !== "H") throw notABackup();
    const raw = JSON.parse(first.body.toString("utf8")) as { format?: unknown; version?: unknown };
    if (raw.format !== BACKUP_FORMAT) throw notABackup();
    if (typeof raw.version === "number" && raw.version > BACKUP_VERSION)
      throw new DomainError(
        "backup.unsupported_version",
        `Bản sao lưu định dạng phiên bản ${raw.version}, bản kehoach này chỉ đọc được đến phiên bản ${BACKUP_VERSION}: hãy cập nhật kehoach.`,
      );
    header = BackupHeaderSchema.parse(raw);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw corrupt("phần đầu tệp không đọc được");
  }

  async function* pages(table: BackupHeader["tables"][number]): AsyncGenerator<RowPage> {
    const blobColumns = table.columns.filter((c) => c.type === "bytea").length;
    let rows = 0;
    for (;;) {
      const f = await frame();
      if (f.type === "E") {
        const end = json(f, "E", TableEndFrame);
        if (end.name !== table.name || end.rows !== rows || rows !== table.rows)
          throw corrupt(`bảng ${table.name}: số dòng không khớp`);
        return;
      }
      if (f.type !== "P" || f.body.length < 4) throw corrupt(`bảng ${table.name}: chờ một trang dữ liệu`);
      const count = f.body.readUInt32BE(0);
      const blobs: Array<Array<Buffer | null>> = [];
      if (blobColumns)
        for (let i = 0; i < count; i++) {
          const row: Array<Buffer | null> = [];
          for (let c = 0; c < blobColumns; c++) {
            const b = await frame();
            if (b.type !== "B" && b.type !== "N") throw corrupt(`bảng ${table.name}: thiếu tệp của một dòng`);
            row.push(b.type === "B" ? b.body : null);
          }
          blobs.push(row);
        }
      rows += count;
      yield { count, rows: f.body.toString("utf8", 4), blobs };
    }
  }

  return {
    header,
    async *tables() {
      let rows = 0;
      for (const table of header.tables) {
        const start = json(await frame(), "T", TableFrame);
        if (start.name !== table.name) throw corrupt(`chờ bảng ${table.name}, gặp ${start.name}`);
        let finished = false;
        const counted = (async function* () {
          yield* pages(table);
          finished = true;
        })();
        yield { name: table.name, pages: counted };
        // Frames are read in order: a table's pages are read out before the next table's start.
        if (!finished) throw new Error(`table ${table.name} was not read to its end`);
        rows += table.rows;
      }
      const digest = hash.digest("hex");
      const end = json(await frame(), "Z", EndFrame);
      if (end.sha256 !== digest || end.rows !== rows || end.tables !== header.tables.length)
        throw corrupt("tổng kiểm tra không khớp");
      // Read to the very end, where gzip checks its own checksum of everything.
      if (await bytes.read(1)) throw corrupt("có dữ liệu lạ sau phần kết");
    },
  };
}
