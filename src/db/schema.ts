// The tables as Kysely sees them. Column types follow the migrations in ./migrations.

import type { ColumnType, Generated, Kysely, Transaction } from "kysely";
import type { ReportStatus } from "../domain/report-standing.js";
import type { Role } from "../domain/roles.js";
import type { UnitKind } from "../domain/unit.js";

/** A connection or a transaction: repositories take either. */
export type Db = Kysely<Database> | Transaction<Database>;

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UnitTable {
  id: Generated<string>;
  code: string;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  parent_id: string | null;
  path: string;
  active: Generated<boolean>;
  valid_from: string | null;
  valid_to: string | null;
  replaced_by: string | null;
  /** Days of the year ("06-15") the unit's plans fall due for reports when they order none; null: the default. */
  report_regime: string[] | null;
  created_at: Generated<Timestamp>;
}

export interface UnitAliasTable {
  unit_id: string;
  alias: string;
  kind: Generated<"abbreviation" | "alias" | "former_name">;
}

export interface Database {
  holiday_year: HolidayYearTable;
  holiday: HolidayTable;
  installation_setting: InstallationSettingTable;
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  document: DocumentTable;
  plan: PlanTable;
  plan_reference: PlanReferenceTable;
  task: TaskTable;
  staff: StaffTable;
  import_job: ImportJobTable;
  task_change: TaskChangeTable;
  notification: NotificationTable;
  mail_outbox: MailOutboxTable;
  notify_pref: NotifyPrefTable;
  reminder_day: ReminderDayTable;
  extension_request: ExtensionRequestTable;
  reopen_request: ReopenRequestTable;
  calendar_token: CalendarTokenTable;
  task_unit: TaskUnitTable;
  work_item: WorkItemTable;
  deadline: DeadlineTable;
  assignment: AssignmentTable;
  reporting_obligation: ReportingObligationTable;
  review_item: ReviewItemTable;
  app_user: AppUserTable;
  app_session: AppSessionTable;
  report: ReportTable;
  report_item: ReportItemTable;
  report_attachment: ReportAttachmentTable;
  work_item_progress: WorkItemProgressTable;
  progress_tally: ProgressTallyTable;
  tally_clock: TallyClockTable;
  directory_version: DirectoryVersionTable;
  plan_rollup: PlanRollupTable;
  unit_rollup: UnitRollupTable;
  warning_tally: WarningTallyTable;
  audit_event: AuditEventTable;
  task_edit: TaskEditTable;
  summary_report: SummaryReportTable;
}

/** An edit of a draft's task list, undoable until publication (migration 0009). */
export interface TaskEditTable {
  id: Generated<string>;
  plan_id: string;
  action: "add" | "delete" | "merge" | "split" | "move" | "not_tasks";
  summary: string;
  removed: Json;
  created: ColumnType<string[], string[] | undefined, string[]>;
  settled_flags: ColumnType<string[], string[] | undefined, string[]>;
  actor_id: string | null;
  at: ColumnType<Date, string | Date, string | Date>;
  undone_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>;
}

/** One change: who, when, what, and the object before and after. Append-only. */
export interface AuditEventTable {
  id: Generated<string>;
  at: Date | string;
  actor_id: string | null;
  actor_login: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  before: Json | null;
  after: Json | null;
}

export interface ProgressTallyTable {
  plan_id: string;
  unit_id: string;
  state: "done_on_time" | "done_late" | "in_progress" | "overdue";
  n: number;
  /** The unit is outside the tree of the plan's issuer. */
  outside: Generated<boolean>;
}

/** One row: moved by every change to a unit or an alias (migration 0028). */
export interface DirectoryVersionTable {
  one: Generated<boolean>;
  n: Generated<string>;
}

export interface TallyClockTable {
  id: Generated<boolean>;
  as_of: string;
  /** The day the kept rollups were last brought up to date; null until first built. */
  rollups_as_of: string | null;
}

interface RollupCounts {
  done_on_time: number;
  done_late: number;
  in_progress: number;
  overdue: number;
  expected: number;
  sent: number;
  on_time: number;
}

export interface PlanRollupTable extends RollupCounts {
  plan_id: string;
  period_due: string;
}

export interface UnitRollupTable extends RollupCounts {
  unit_id: string;
  late: number;
  missing: number;
  w_overdue: number;
  w_due_soon: number;
  w_not_started: number;
  w_behind: number;
  w_no_update: number;
}

export interface WarningTallyTable {
  plan_id: string;
  unit_id: string;
  kind: "overdue" | "due_soon" | "not_started" | "behind" | "no_update";
  n: number;
}

type Json = ColumnType<unknown, string, string>;

export interface DocumentTable {
  id: Generated<string>;
  sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  content: Uint8Array;
  text: string;
  imported_at: Generated<Timestamp>;
  /** The unit that keeps the plan read from it: a file is "already imported" only within that unit. */
  keeper_unit_id: string | null;
  /** The text before its diacritics were restored, same offsets as `text`; null when it had them (migration 0026). */
  original_text: ColumnType<string | null, string | null | undefined, string | null>;
  /** What restoring did: `{ words, syllables, changed, uncertain }` (plans.repository.ts `SourceRestoration`). */
  restoration: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface PlanTable {
  id: Generated<string>;
  document_id: string;
  type: string | null;
  number: string | null;
  issuer: string | null;
  issuer_unit_id: string | null;
  parent_issuer: string | null;
  place: string | null;
  issued_on: string | null;
  year: number | null;
  title: string | null;
  signer: Json | null;
  recipients: Json;
  status: Generated<"draft" | "published" | "closed">;
  parsed: Json;
  search_text: string;
  created_at: Generated<Timestamp>;
  /** Raised by every correction; an edit made against an older version is refused. */
  version: Generated<number>;
  /** The plan this one amends ("Điều chỉnh, bổ sung Kế hoạch số …"). */
  amends_plan_id: string | null;
  /** Days before a due date its units are reminded. */
  reminder_days: ColumnType<number[], number[] | undefined, number[]>;
  /** Days after a period's due date that its reports may still be sent, late (migration 0016). */
  grace_days: Generated<number>;
  /** The day the plan was published; null for a draft. */
  published_on: string | null;
  /** The plan this one implements, as a unit's implementing plan (migration 0022). */
  parent_plan_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Its number as references are matched against it (text/number-key.ts; migration 0025). */
  number_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PlanReferenceTable {
  plan_id: string;
  position: number;
  type: string | null;
  number: string;
  ref_date: string | null;
  issuer: string | null;
  relation: "implements" | "basis" | "cited";
  target_plan_id: string | null;
  candidate_plan_ids: ColumnType<string[], string[] | undefined, string[]>;
}

export interface TaskTable {
  id: Generated<string>;
  plan_id: string;
  /** 'task' from the plan's tasks; 'duty' from the duties of its assignments. */
  kind: ColumnType<"task" | "duty", "task" | "duty" | undefined, "task" | "duty">;
  key: string;
  position: number;
  title: string;
  content: string;
  timeframe: Json | null;
  products: Json;
  span_start: number | null;
  span_end: number | null;
  search_text: string;
  version: Generated<number>;
  /** Set when an amendment removed the task: its work is no longer counted, its reports stay. */
  removed_at: Date | null;
  /** The task of the plan above that this one carries down (migration 0022). */
  parent_task_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TaskChangeTable {
  id: Generated<string>;
  task_id: string;
  amendment_plan_id: string | null;
  change: "added" | "removed" | "deadline" | "lead";
  before: Json | null;
  after: Json | null;
  basis: string;
  at: Generated<Date>;
}

export interface TaskUnitTable {
  id: Generated<string>;
  task_id: string;
  role: "lead" | "cooperate";
  position: number;
  unit_text: string;
  method: "exact" | "issuer" | "collective" | "similar" | "review" | "person";
  unit_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** Staff members of those units the text names ("Vũ Việt Linh"): the work is theirs. */
  staff_ids: ColumnType<string[], string[] | undefined, string[]>;
  candidates: Json;
}

export interface ImportJobTable {
  id: Generated<string>;
  actor_id: string | null;
  file_name: string;
  size_bytes: number;
  content: Uint8Array;
  force: Generated<boolean>;
  status: Generated<"queued" | "running" | "done" | "failed">;
  stage: Generated<string>;
  ocr_pages_done: number | null;
  ocr_pages: number | null;
  tasks: number | null;
  result: Json | null;
  error: Json | null;
  attempts: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  finished_at: Date | null;
}

export interface StaffTable {
  id: Generated<string>;
  unit_id: string;
  name: string | null;
  post: string | null;
  match_key: string;
  user_id: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface WorkItemTable {
  id: Generated<string>;
  task_id: string;
  unit_id: string;
  role: "lead" | "cooperate";
}

export interface DeadlineTable {
  work_item_id: string;
  due: string;
  /** The work item's unit, set by a trigger on insert (migration 0027): the agenda walks it by date. */
  unit_id: Generated<string>;
  original: Generated<boolean>;
  /** The date the plan wrote, where it fell on a day off and was moved to the next working day. */
  moved_from: Generated<string | null>;
}

/** A year whose holidays an administrator set (migration 0020). */
export interface HolidayYearTable {
  year: number;
  set_by: string | null;
  set_at: Timestamp;
}

export interface HolidayTable {
  day: string;
  year: number;
  name: string;
}

export interface InstallationSettingTable {
  key: string;
  value: Json;
  set_by: string | null;
  set_at: Timestamp;
}

export interface AssignmentTable {
  plan_id: string;
  key: string;
  position: number;
  units: Json;
  duties: Json;
}

export interface ReportingObligationTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  from_units: Json;
  to_units: Json;
  via: string | null;
  timeframe: Json;
  text: string;
}

export interface ReviewItemTable {
  id: Generated<string>;
  plan_id: string;
  kind: "unit" | "reference" | "warning";
  subject: string;
  detail: Json;
  resolved: Generated<boolean>;
  created_at: Generated<Timestamp>;
}

export interface AppUserTable {
  id: Generated<string>;
  login: string;
  display_name: string;
  unit_id: string;
  role: Role;
  password_hash: string;
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  /** Where reminders and notices are mailed; none: in the app only. */
  email: string | null;
}

export interface ExtensionRequestTable {
  id: Generated<string>;
  work_item_id: string;
  from_due: string;
  requested_due: string;
  reason: string;
  basis: string | null;
  requested_by: string | null;
  requested_at: Date;
  status: Generated<"pending" | "approved" | "refused">;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
}

/** A unit's request to reopen its report of a locked period (migration 0016). */
export interface ReopenRequestTable {
  id: Generated<string>;
  plan_id: string;
  unit_id: string;
  period_due: string;
  reason: string;
  requested_by: string | null;
  requested_at: Date;
  status: Generated<"pending" | "granted" | "refused">;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
  /** The last day a granted reopening lets the unit save and send the period's report. */
  open_until: string | null;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  event_key: string;
  title: string;
  body: Generated<string>;
  link: string;
  created_at: Generated<Date>;
  read_at: Date | null;
  /** When its mail was seen to: queued, or found not wanted; null until then (migration 0018). */
  mail_seen_at: Date | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  user_id: string | null;
  to_address: string;
  dedupe_key: string;
  /** What the message says; null for a notification's, written from it when sent (migration 0018). */
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  /** The notification a message tells of (migration 0018). */
  notification_id: string | null;
  status: Generated<"pending" | "sending" | "sent" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface NotifyPrefTable {
  user_id: string;
  mode: Generated<"each" | "digest" | "none">;
  muted: ColumnType<string[], string[] | undefined, string[]>;
}

export interface ReminderDayTable {
  day: string;
  computed_at: Generated<Date>;
  notifications: Generated<number>;
  /** When the day's morning digests were queued (migration 0018). */
  digests_queued_at: Date | null;
}

/** An account's secret calendar link: the SHA-256 of its token, never the token itself. */
export interface CalendarTokenTable {
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface AppSessionTable {
  /** SHA-256 of the cookie's session id, never the id itself. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Timestamp>;
  expires_at: Date | string;
}

export type ItemStatus = "not_started" | "in_progress" | "done";

export interface ReportTable {
  id: Generated<string>;
  plan_id: string;
  unit_id: string;
  period_due: string;
  status: Generated<ReportStatus>;
  submitted_at: Date | string | null;
  reviewed_at: Date | string | null;
  reviewer_id: string | null;
  review_comment: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ReportItemTable {
  report_id: string;
  work_item_id: string;
  status: ItemStatus;
  results: string;
  difficulties: string;
  proposals: string;
  evidence: string;
  done_on: string | null;
}

export interface ReportAttachmentTable {
  id: Generated<string>;
  report_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
}

export interface WorkItemProgressTable {
  work_item_id: string;
  status: ItemStatus;
  done_on: string | null;
  report_id: string | null;
  updated_at: Generated<Timestamp>;
}

/** A plan period's summary report as its officers edited it (migration 0021). */
export interface SummaryReportTable {
  plan_id: string;
  period_due: string;
  content: Json;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Date | string;
}
