// The summary report part of the API: the report of a plan's period as compiled or saved, the
// edits a plan officer saves, the Word file.

import { z } from "zod";
import { Counts, Id, Instant, IsoDay, RealDay } from "./common.js";

const Text = (max: number) => z.string().trim().max(max);

export const SourceRef = z.object({
  reportId: Id,
  unitName: z.string(),
  via: z.string().optional().describe("Kế hoạch triển khai mà báo cáo đi qua: 12/KH-PGDĐT"),
});

export const SummaryParagraph = z.object({
  text: Text(20_000).describe("Một đoạn, một câu"),
  sources: z.array(SourceRef).max(5_000).describe("Báo cáo của đơn vị mà đoạn này lấy từ"),
});

export const SummarySection = z.object({
  heading: Text(500).describe("I. KẾT QUẢ THỰC HIỆN; 1. Tình hình chung"),
  paragraphs: z.array(SummaryParagraph).max(20_000),
});

const Signer = z.object({
  capacity: Text(200).describe("KT. GIÁM ĐỐC"),
  position: Text(200).describe("PHÓ GIÁM ĐỐC"),
  name: Text(200),
});

const Header = z.object({
  parentBody: Text(300).describe("Cơ quan chủ quản: UBND THÀNH PHỐ HẢI PHÒNG"),
  body: Text(300).describe("Cơ quan ban hành: SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
  number: Text(100).describe("Số: /BC-SGDĐT"),
  place: Text(100).describe("Địa danh: Hải Phòng"),
  date: RealDay.describe("Ngày báo cáo"),
});

export const SummaryDocument = z.object({
  planId: Id,
  periodDue: IsoDay,
  header: Header,
  issuer: z.string().describe("Cơ quan ban hành như kế hoạch viết"),
  subject: z.string(),
  opening: z.array(SummaryParagraph),
  sections: z.array(SummarySection),
  closing: z.string(),
  counts: Counts,
  missing: z.array(z.string()).describe("Đơn vị chưa có báo cáo được chấp nhận"),
  appendix: z.array(
    z.object({
      stt: z.string(),
      task: z.string(),
      lead: z.string(),
      done: z.number().int(),
      inProgress: z.number().int(),
      notStarted: z.number().int(),
      results: z.string(),
      evidence: z.string().describe("Số, ngày văn bản kết quả: 15/BC-KHTC ngày 02/12/2026"),
    }),
  ),
  signer: Signer,
  recipients: z.array(z.string()),
});

export const SummaryReply = z.object({
  document: SummaryDocument,
  version: z.number().int().describe("0: vừa tổng hợp, chưa lưu; từ 1: bản đã lưu"),
  updatedBy: z.string().nullable(),
  updatedAt: Instant.nullable(),
  periods: z.array(IsoDay).describe("Các kỳ báo cáo của kế hoạch, mới nhất trước"),
  canEdit: z.boolean(),
});

export type SummaryReply = z.infer<typeof SummaryReply>;

export const SummaryQuery = z.object({
  period: IsoDay.optional().describe("Kỳ báo cáo (ngày đến hạn); bỏ trống: kỳ gần nhất"),
});

export const SummaryEditBody = z.object({
  period: IsoDay,
  version: z.number().int().min(0).describe("Phiên bản đã sửa từ đó (0: bản vừa tổng hợp)"),
  edits: z.object({
    header: Header,
    subject: Text(1_000).min(1, "cần trích yếu"),
    opening: z.array(SummaryParagraph).max(50),
    sections: z.array(SummarySection).max(500),
    closing: Text(2_000),
    signer: Signer,
    recipients: z.array(Text(300)).max(100),
  }),
});

export const SummaryRecompileBody = z.object({ period: IsoDay });
