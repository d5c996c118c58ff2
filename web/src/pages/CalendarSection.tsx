// "Lịch công việc (ICS)": the person's secret calendar link — made, or renewed (the old one stops) —
// and the feeds' addresses, shown once, to paste into a calendar app's "add calendar from URL".

import { useEffect, useState } from "react";
import { api } from "../api";
import { T } from "../text";

interface LinkStatus {
  exists: boolean;
  createdAt: string | null;
}
interface Made {
  createdAt: string;
  feeds: { person: string; unit: string; plan: string };
}

function FeedAddress({ label, url }: { label: string; url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <label>
      {label}
      <span style={{ display: "flex", gap: "0.4rem" }}>
        <input type="text" readOnly value={url} onFocus={(e) => e.target.select()} style={{ flex: 1 }} />
        <button
          type="button"
          className="secondary"
          onClick={() =>
            navigator.clipboard
              ?.writeText(url)
              .then(() => setCopied(true))
              .catch(() => {})
          }
        >
          {copied ? T.calendarCopied : T.calendarCopy}
        </button>
      </span>
    </label>
  );
}

export function CalendarSection() {
  const [status, setStatus] = useState<LinkStatus | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const [message, setMessage] = useState("");
  useEffect(() => {
    api<LinkStatus>("/calendar/token")
      .then(setStatus)
      .catch((e) => setMessage(e.message));
  }, []);
  const make = async () => {
    if (status?.exists && !window.confirm(T.calendarRenewWarning)) return;
    try {
      const r = await api<Made>("/calendar/token", { method: "POST" });
      setMade(r);
      setStatus({ exists: true, createdAt: r.createdAt });
      setMessage("");
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="calendar-feeds">
      <h2 id="calendar-feeds">{T.calendarFeeds}</h2>
      <p className="hint">{T.calendarIntro}</p>
      {status && (
        <p>
          {status.createdAt
            ? T.calendarSince(new Date(status.createdAt).toLocaleString("vi-VN"))
            : T.calendarNone}
        </p>
      )}
      {made && (
        <div>
          <p>
            <strong>{T.calendarShownOnce}</strong>
          </p>
          <FeedAddress label={T.calendarPerson} url={made.feeds.person} />
          <FeedAddress label={T.calendarUnit} url={made.feeds.unit} />
          <FeedAddress label={T.calendarPlan} url={made.feeds.plan} />
        </div>
      )}
      {status && (
        <button type="button" onClick={make}>
          {status.exists ? T.calendarRenew : T.calendarCreate}
        </button>
      )}
      <p className="status" role="status">
        {message}
      </p>
    </section>
  );
}
