// The summary report of a plan's period ("Báo cáo kết quả thực hiện Kế hoạch số …"): compiled from
// the accepted unit reports, each sentence showing the units' reports it came from; the plan officer
// edits the text, saves it, compiles it again, downloads the Word file; a leader reads it.

import { useCallback, useEffect, useState } from "react";
import { api, type SummaryReply } from "../api";
import { viDate } from "../format";
import { T } from "../text";

type Doc = SummaryReply["document"];
type Paragraph = Doc["opening"][number];

export function SummaryPage({ planId, period }: { planId: string; period?: string }) {
  const [data, setData] = useState<SummaryReply | null>(null);
  const [doc, setDoc] = useState<Doc | null>(null);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const shown = useCallback((r: SummaryReply) => {
    setData(r);
    setDoc(r.document);
    setDirty(false);
  }, []);
  const load = useCallback(
    () =>
      api<SummaryReply>(`/summaries/plans/${planId}${period ? `?period=${period}` : ""}`)
        .then(shown)
        .catch((e) => setError(e.message)),
    [planId, period, shown],
  );
  useEffect(() => {
    load();
  }, [load]);
  if (!data || !doc) return <p role="status">{error || T.loading}</p>;
  const edit = data.canEdit;
  const change = (next: Doc) => {
    setDoc(next);
    setDirty(true);
    setMessage("");
  };
  const save = async () => {
    setError("");
    try {
      const { header, subject, opening, sections, closing, signer, recipients } = doc;
      shown(
        await api<SummaryReply>(`/summaries/plans/${planId}`, {
          method: "PUT",
          json: {
            period: doc.periodDue,
            version: data.version,
            edits: { header, subject, opening, sections, closing, signer, recipients },
          },
        }),
      );
      setMessage(T.summarySaved);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const recompile = async () => {
    if (!window.confirm(T.summaryRecompileConfirm)) return;
    setError("");
    try {
      shown(
        await api<SummaryReply>(`/summaries/plans/${planId}/recompile`, {
          method: "POST",
          json: { period: doc.periodDue },
        }),
      );
      setMessage(T.summaryRecompiled);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const total = Object.values(doc.counts).reduce((a, b) => a + b, 0);
  return (
    <section className="summary">
      <h1>{T.summary}</h1>
      <p className="plan-named">
        <a href={`#/plans/${planId}`}>{T.backToPlan}</a> ·{" "}
        <a href={`#/plans/${planId}/reports`}>{T.reports}</a>
      </p>
      <div className="row">
        <label htmlFor="summary-period">{T.period}</label>
        <select
          id="summary-period"
          value={doc.periodDue}
          onChange={(e) => {
            window.location.hash = `#/plans/${planId}/summary/${e.target.value}`;
          }}
        >
          {data.periods.map((p) => (
            <option key={p} value={p}>
              {viDate(p)}
            </option>
          ))}
        </select>
      </div>
      <p>
        {data.version
          ? T.summaryEditedBy(
              data.updatedBy ?? "",
              data.updatedAt ? new Date(data.updatedAt).toLocaleString("vi-VN") : "",
            )
          : T.summaryCompiled}
      </p>
      <p className="row">
        <a
          className="button"
          href={`/api/v1/summaries/plans/${planId}/report.docx?period=${doc.periodDue}`}
          download
        >
          {T.summaryDocx}
        </a>
        {edit && (
          <>
            <button type="button" onClick={save} disabled={!dirty}>
              {T.save}
            </button>
            <button type="button" className="secondary" onClick={recompile}>
              {T.summaryRecompile}
            </button>
          </>
        )}
      </p>
      {dirty && <p className="hint">{T.summaryUnsaved}</p>}
      <p className="status" role="status">
        {message}
      </p>
      <p className="error" role="alert">
        {error}
      </p>

      <div className="card">
        <div className="grid2">
          <Field
            label={T.summaryNumber}
            value={doc.header.number}
            edit={edit}
            onChange={(number) => change({ ...doc, header: { ...doc.header, number } })}
          />
          <Field
            label={T.summaryPlace}
            value={doc.header.place}
            edit={edit}
            onChange={(place) => change({ ...doc, header: { ...doc.header, place } })}
          />
          <Field
            label={T.summaryDate}
            type="date"
            value={doc.header.date}
            edit={edit}
            onChange={(date) => change({ ...doc, header: { ...doc.header, date } })}
          />
        </div>
        <Field
          label={T.summarySubject}
          value={doc.subject}
          edit={edit}
          long
          onChange={(subject) => change({ ...doc, subject })}
        />
        <Paragraphs
          id="opening"
          list={doc.opening}
          edit={edit}
          planId={planId}
          onChange={(opening) => change({ ...doc, opening })}
        />
        {doc.sections.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sections are edited in place, never added, removed or moved
          <div key={i} className="summary-section">
            {edit ? (
              <input
                aria-label={T.summaryHeading}
                className="heading"
                value={s.heading}
                onChange={(e) =>
                  change({
                    ...doc,
                    sections: doc.sections.map((x, j) => (j === i ? { ...x, heading: e.target.value } : x)),
                  })
                }
              />
            ) : (
              <h3>{s.heading}</h3>
            )}
            {s.heading === "1. Tình hình chung" && (
              <table>
                <tbody>
                  {(Object.keys(T.states) as Array<keyof typeof doc.counts>).map((k) => (
                    <tr key={k}>
                      <td>{T.states[k]}</td>
                      <td>{doc.counts[k]}</td>
                    </tr>
                  ))}
                  <tr>
                    <th>{T.total}</th>
                    <th>{total}</th>
                  </tr>
                </tbody>
              </table>
            )}
            <Paragraphs
              id={`s${i}`}
              list={s.paragraphs}
              edit={edit}
              planId={planId}
              onChange={(paragraphs) =>
                change({ ...doc, sections: doc.sections.map((x, j) => (j === i ? { ...x, paragraphs } : x)) })
              }
            />
          </div>
        ))}
        <Field
          label={T.summaryClosing}
          value={doc.closing}
          edit={edit}
          long
          onChange={(closing) => change({ ...doc, closing })}
        />
        <div className="grid2">
          <Field
            label={T.summaryCapacity}
            value={doc.signer.capacity}
            edit={edit}
            onChange={(capacity) => change({ ...doc, signer: { ...doc.signer, capacity } })}
          />
          <Field
            label={T.summaryPosition}
            value={doc.signer.position}
            edit={edit}
            onChange={(position) => change({ ...doc, signer: { ...doc.signer, position } })}
          />
          <Field
            label={T.summarySigner}
            value={doc.signer.name}
            edit={edit}
            onChange={(name) => change({ ...doc, signer: { ...doc.signer, name } })}
          />
        </div>
        <Field
          label={T.summaryRecipients}
          value={doc.recipients.join("\n")}
          edit={edit}
          long
          onChange={(v) =>
            change({
              ...doc,
              recipients: v
                .split("\n")
                .map((r) => r.trim())
                .filter(Boolean),
            })
          }
        />
      </div>

      <h2>{T.summaryAppendix}</h2>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>STT</th>
              <th>{T.tasks}</th>
              <th>{T.lead}</th>
              <th>{T.itemStatus.done}</th>
              <th>{T.itemStatus.in_progress}</th>
              <th>{T.itemStatus.not_started}</th>
              <th>{T.results}</th>
              <th>{T.evidence}</th>
            </tr>
          </thead>
          <tbody>
            {doc.appendix.map((r) => (
              <tr key={r.stt}>
                <td>{r.stt}</td>
                <td>{r.task}</td>
                <td>{r.lead}</td>
                <td>{r.done || ""}</td>
                <td>{r.inProgress || ""}</td>
                <td>{r.notStarted || ""}</td>
                <td className="pre">{r.results}</td>
                <td>{r.evidence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Field({
  label,
  value,
  edit,
  long,
  type,
  onChange,
}: {
  label: string;
  value: string;
  edit: boolean;
  long?: boolean;
  type?: string;
  onChange: (v: string) => void;
}) {
  const id = `f-${label.replace(/\W+/g, "-")}`;
  if (!edit)
    return (
      <p>
        <strong>{label}:</strong> {type === "date" ? viDate(value) : value}
      </p>
    );
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {long ? (
        <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type={type ?? "text"} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/** Paragraphs as text areas (or text), each with the units' reports it came from. */
function Paragraphs({
  id,
  list,
  edit,
  planId,
  onChange,
}: {
  id: string;
  list: Paragraph[];
  edit: boolean;
  planId: string;
  onChange: (next: Paragraph[]) => void;
}) {
  return (
    <>
      {list.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are edited in place, never added, removed or moved
        <div key={`${id}-${i}`} className="summary-paragraph">
          {edit ? (
            <textarea
              aria-label={T.summaryParagraph}
              rows={Math.min(6, Math.max(1, Math.ceil(p.text.length / 100)))}
              value={p.text}
              onChange={(e) => onChange(list.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
            />
          ) : (
            <p>{p.text}</p>
          )}
          {p.sources.length > 0 && (
            <p className="sources">
              {T.summarySources}:{" "}
              {p.sources.map((s, k) => (
                <span key={`${s.reportId}-${s.via ?? ""}`}>
                  {k > 0 && "; "}
                  <a href={`#/plans/${planId}/reports`} title={T.summaryReportNo(s.reportId)}>
                    {s.unitName}
                    {s.via ? ` (${s.via})` : ""}
                  </a>
                </span>
              ))}
            </p>
          )}
        </div>
      ))}
    </>
  );
}
