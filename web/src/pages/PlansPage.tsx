import { type FormEvent, useCallback, useEffect, useState } from "react";
import {
  ApiError,
  api,
  type ImportJobReply,
  type PlanList,
  type PlanSummary,
  type SearchReply,
  type User,
  upload,
} from "../api";
import { EmptyRow } from "../EmptyRow";
import { T } from "../text";

type Hits = Pick<SearchReply, "tasks" | "units">;
/** Where the job of the file being imported is kept, so that a reload follows it on. */
const JOB_KEY = "kehoach.importJob";

/** A file being read: its stage in words and, for a scan, the pages OCR has read. */
function ImportProgress({ job }: { job: ImportJobReply }) {
  const ocr = job.stage === "ocr" && job.ocrPages;
  return (
    <div className="card" aria-live="polite">
      <p>{T.importStage(job.fileName, job.stage, job.ocrPagesDone ?? 0, job.ocrPages ?? 0, job.tasks)}</p>
      {ocr ? (
        <progress max={job.ocrPages ?? 1} value={job.ocrPagesDone ?? 0} aria-label={T.importing} />
      ) : (
        <progress aria-label={T.importing} />
      )}
    </div>
  );
}
const PAGE = 100;

export function PlansPage({ user }: { user: User }) {
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  // How many plans there are in all (the list shows them a page at a time); null while searching.
  const [total, setTotal] = useState<number | null>(null);
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState("");
  const [hits, setHits] = useState<Hits | null>(null);
  const load = useCallback(
    () =>
      api<PlanList>(`/plans?limit=${PAGE}`).then((r) => {
        setPlans(r.plans);
        setTotal(r.total);
      }),
    [],
  );
  const more = async () => {
    const r = await api<PlanList>(`/plans?limit=${PAGE}&offset=${plans?.length ?? 0}`);
    setPlans([...(plans ?? []), ...r.plans]);
    setTotal(r.total);
  };
  useEffect(() => {
    load().catch((e) => setMessage(e.message));
  }, [load]);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (!query.trim()) {
      setHits(null);
      return load();
    }
    const r = await api<SearchReply>(`/search?q=${encodeURIComponent(query)}`);
    setPlans(r.plans);
    setTotal(null);
    setHits({ tasks: r.tasks, units: r.units });
  };
  // A document of another kind (a letter, a report) is refused with its kind named; the officer may
  // still import it ("Vẫn nhập") when its orders are to be tracked like a plan's.
  const [refused, setRefused] = useState<File | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // The file being read, by its job's id: kept across a page reload, followed until it ends.
  const [job, setJob] = useState<ImportJobReply | null>(null);
  const [jobId, setJobId] = useState<string | null>(() => localStorage.getItem(JOB_KEY));
  useEffect(() => {
    if (!jobId) return;
    let stop = false;
    const follow = async () => {
      while (!stop) {
        let current: ImportJobReply;
        try {
          current = await api<ImportJobReply>(`/imports/${jobId}`);
        } catch {
          localStorage.removeItem(JOB_KEY);
          setJobId(null);
          return;
        }
        if (stop) return;
        setJob(current);
        if (current.status === "done" || current.status === "failed") {
          localStorage.removeItem(JOB_KEY);
          setJobId(null);
          if (current.result) {
            // A file already in the system opens its plan instead of being imported twice.
            const r = current.result;
            window.location.hash =
              r.status === "duplicate" ? `#/plans/${r.planId}` : `#/plans/${r.planId}/review`;
          } else if (current.error) {
            setMessage(current.error.message);
            if (current.error.error === "import.not_a_plan") setRefused(file);
          }
          return;
        }
        await new Promise((r) => setTimeout(r, 700));
      }
    };
    void follow();
    return () => {
      stop = true;
    };
  }, [jobId, file]);
  const importFile = async (chosen: File | undefined, force = false) => {
    if (!chosen) return;
    setMessage("");
    setRefused(null);
    setFile(chosen);
    try {
      const queued = await upload<ImportJobReply>(`/imports${force ? "?force=1" : ""}`, chosen);
      localStorage.setItem(JOB_KEY, queued.id);
      setJob(queued);
      setJobId(queued.id);
    } catch (err) {
      setMessage((err as Error).message);
      if (err instanceof ApiError && err.id === "import.not_a_plan") setRefused(chosen);
    }
  };
  const canImport = user.role === "plan_officer" || user.role === "admin";
  // Every draft a unit officer is shown is its own unit's implementing plan, reviewed by it.
  const canReview = canImport || user.role === "unit_officer";
  return (
    <section>
      <h1>{T.plans}</h1>
      <form onSubmit={search} className="row">
        <label htmlFor="q" className="sr-only">
          {T.search}
        </label>
        <input
          id="q"
          type="search"
          placeholder={T.search}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit">{T.find}</button>
      </form>
      {canImport && (
        <div className="card row">
          {/* The browser's own file button speaks the browser's language; this one speaks the user's. */}
          <label className="button">
            {T.importPlan}
            <input
              type="file"
              className="sr-only"
              accept=".txt,.doc,.docx,.pdf,.html,.htm,.md"
              onChange={(e) => importFile(e.target.files?.[0])}
            />
          </label>
          <span className="hint">{T.importHint}</span>
        </div>
      )}
      {jobId && job && <ImportProgress job={job} />}
      <p className="error" role="status">
        {message}
      </p>
      {refused && (
        <p>
          <button type="button" className="secondary" onClick={() => importFile(refused, true)}>
            {T.importAnyway}
          </button>
        </p>
      )}
      {hits && (
        <div className="card">
          <h2>
            {T.tasks} ({hits.tasks.length})
          </h2>
          <ul>
            {hits.tasks.map((t) => (
              <li key={`${t.planId}-${t.key}`}>
                <a href={`#/plans/${t.planId}`}>{t.key}</a> {t.title}
              </li>
            ))}
          </ul>
          <h2>{T.unitsFound(hits.units.length)}</h2>
          <ul>
            {hits.units.map((u) => (
              <li key={u.id}>
                {u.name} <span className="hint">{u.code}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!plans ? (
        <p>{T.loading}</p>
      ) : (
        <div className="scroll">
          <table className="plans-table">
            <thead>
              <tr>
                <th>{T.number}</th>
                <th>{T.title}</th>
                <th className="wide-only">{T.issuer}</th>
                <th className="wide-only">{T.tasks}</th>
                <th>{T.planStatus}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`#/plans/${p.id}`}>{p.number ?? T.noNumber}</a>
                  </td>
                  <td>
                    <span className="clamp">{p.title}</span>
                  </td>
                  <td className="wide-only">{p.issuer}</td>
                  <td className="num wide-only">{p.tasks}</td>
                  <td>
                    {p.status === "draft" && canReview ? (
                      <a href={`#/plans/${p.id}/review`}>{T.status.draft}</a>
                    ) : (
                      (T.status[p.status] ?? p.status)
                    )}
                  </td>
                </tr>
              ))}
              <EmptyRow columns={5} when={!plans.length} />
            </tbody>
          </table>
          {total !== null && plans.length < total && (
            <p className="row">
              <span className="hint">{T.shownOf(plans.length, total)}</span>
              <button
                type="button"
                className="secondary"
                onClick={() => more().catch((e) => setMessage(e.message))}
              >
                {T.showMore}
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
