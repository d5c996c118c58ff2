// The plan format `kehoach.plan/v1` (the README lists its fields; the spec is shared/spec/plan-format.md): the contract between parser, store and UI.
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const monthDay = z.string().regex(/^\d{2}-\d{2}$/);

/** A timeframe phrase read into a datable shape: "Trong quý I/2023" → deadline 2023-03-31. */
export const TimeframeSchema = z.object({
  /** The phrase as the document prints it. */
  text: z.string(),
  kind: z.enum(["continuous", "deadline", "recurring", "range", "none"]),
  /** deadline: the due date. */
  due: isoDate.optional(),
  /** recurring: the dates that come back each year, "MM-DD". */
  dates: z.array(monthDay).optional(),
  /** recurring: the first year, when stated. */
  from: z.number().int().optional(),
  /** range: first and last day. */
  start: isoDate.optional(),
  end: isoDate.optional(),
});
export type Timeframe = z.infer<typeof TimeframeSchema>;

export const SignerSchema = z.object({
  capacity: z.string().nullable(),
  position: z.string().nullable(),
  name: z.string().nullable(),
});
export type Signer = z.infer<typeof SignerSchema>;

export const DocumentSchema = z.object({
  type: z.string().nullable(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
  parentIssuer: z.string().nullable(),
  place: z.string().nullable(),
  date: isoDate.nullable(),
  year: z.number().int().nullable(),
  title: z.string().nullable(),
  signer: SignerSchema.nullable(),
  recipients: z.array(z.string()),
});
export type PlanDocument = z.infer<typeof DocumentSchema>;

export const RelationSchema = z.enum(["implements", "basis", "cited"]);
export type Relation = z.infer<typeof RelationSchema>;

export const ReferenceSchema = z.object({
  type: z.string().nullable(),
  number: z.string(),
  date: isoDate.nullable(),
  issuer: z.string().nullable(),
  relation: RelationSchema,
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const SectionRoleSchema = z.enum(["purpose", "tasks", "funding", "organization", "other"]);
export type SectionRole = z.infer<typeof SectionRoleSchema>;

export interface Section {
  label: string;
  heading: string;
  role: SectionRole;
  children: Section[];
}
export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    label: z.string(),
    heading: z.string(),
    role: SectionRoleSchema,
    children: z.array(SectionSchema),
  }),
);

// Whether a lead or cooperator the text names is a unit, a person or a post ("Vũ Việt Linh" in a
// "Người thực hiện" column, "Phó Giám đốc Sở"): added to kehoach.plan/v1 beside `leads` and
// `cooperators`, which keep the spec's shape; a name whose kind the text does not tell is absent.
export const DoerKindSchema = z.enum(["unit", "person", "post"]);
export type DoerKind = z.infer<typeof DoerKindSchema>;
export const DoerSchema = z.object({ name: z.string(), kind: DoerKindSchema });
export type Doer = z.infer<typeof DoerSchema>;

export const TaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  content: z.string(),
  leads: z.array(z.string()),
  cooperators: z.array(z.string()),
  timeframe: TimeframeSchema.nullable(),
  products: z.array(z.string()).optional(),
  doers: z.array(DoerSchema).optional(),
  span: z.tuple([z.number().int(), z.number().int()]).optional(),
});
export type Task = z.infer<typeof TaskSchema>;

export const AssignmentSchema = z.object({
  id: z.string(),
  units: z.array(z.string()),
  duties: z.array(z.string()),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ReportingSchema = z.object({
  from: z.array(z.string()),
  to: z.array(z.string()),
  via: z.string().nullable().optional(),
  timeframe: TimeframeSchema,
  text: z.string(),
});
export type Reporting = z.infer<typeof ReportingSchema>;

export const PLAN_FORMAT = "kehoach.plan/v1" as const;

export const ParsedPlanSchema = z.object({
  format: z.literal(PLAN_FORMAT),
  document: DocumentSchema,
  references: z.array(ReferenceSchema),
  sections: z.array(SectionSchema),
  objectives: z.array(z.string()),
  requirements: z.array(z.string()),
  tasks: z.array(TaskSchema),
  assignments: z.array(AssignmentSchema),
  reporting: z.array(ReportingSchema),
  funding: z.string().nullable(),
  warnings: z.array(z.string()),
});
export type ParsedPlan = z.infer<typeof ParsedPlanSchema>;
