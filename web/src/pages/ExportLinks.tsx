// Links to download files: a plan's status matrix and assignment table, the overview's report
// completeness, a drill-down list as XLSX. Plain links: the session cookie goes with them, and the
// browser saves each file under the name the server gives it.

import type { ProgressState } from "../api";
import { T } from "../text";

const EXPORTS = "/api/v1/exports";

/** A plan's files: its matrix once it is published (a draft has no work yet), its assignment table always. */
export function PlanExportLinks({ plan }: { plan: { id: string; status: string } }) {
  return (
    <nav aria-label={T.downloads}>
      <p className="row">
        <span>{T.downloads}:</span>
        {plan.status !== "draft" && (
          <a href={`${EXPORTS}/plans/${plan.id}/matrix.xlsx`} download>
            {T.exportMatrix}
          </a>
        )}
        <a href={`${EXPORTS}/plans/${plan.id}/assignments.docx`} download>
          {T.exportAssignmentsDocx}
        </a>
        <a href={`${EXPORTS}/plans/${plan.id}/assignments.xlsx`} download>
          {T.exportAssignmentsXlsx}
        </a>
      </p>
    </nav>
  );
}

/** Report completeness by unit and by plan, the overview's numbers. */
export function ReportingExportLink() {
  return (
    <p>
      <a href={`${EXPORTS}/reporting.xlsx`} download>
        {T.exportReporting}
      </a>
    </p>
  );
}

/** The drill-down list behind an overview number, as XLSX (beside its CSV link). */
export function WorkXlsxLink({ state, unitId }: { state: ProgressState; unitId?: string }) {
  return (
    <a
      href={`/api/v1/overview/work.xlsx?${new URLSearchParams({ state, ...(unitId ? { unitId } : {}) })}`}
      download
    >
      {T.downloadXlsx}
    </a>
  );
}
