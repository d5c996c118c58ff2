// "Thông báo": the bell's list (deadlines near and past, reports returned or accepted, plans that
// give the unit work or change it), each opening what it is about; and how the person is told by
// mail — each event, a morning digest, or none — and of which kinds.

import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, type NotificationListReply } from "../api";
import { T } from "../text";
import { CalendarSection } from "./CalendarSection";

type Item = NotificationListReply["items"][number];
interface Prefs {
  email: string | null;
  mode: "each" | "digest" | "none";
  muted: string[];
}

// The kinds a person may choose not to be mailed, as the text names them.
const KINDS = Object.keys(T.noticeKinds);

/** The header's bell: "Thông báo (3)", the unread count read again every minute. */
export function Bell({ page }: { page: string | undefined }) {
  const [unread, setUnread] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again on every page change (a notification opened)
  useEffect(() => {
    let live = true;
    const read = () =>
      api<{ unread: number }>("/notifications")
        .then((r) => live && setUnread(r.unread))
        .catch(() => {});
    read();
    const timer = setInterval(read, 60_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [page]);
  return (
    <a href="#/notifications" aria-current={page === "notifications" ? "page" : undefined}>
      {T.notifications}
      {unread > 0 && <span className="badge"> {T.unreadCount(unread)}</span>}
    </a>
  );
}

export function NotificationsPage() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [message, setMessage] = useState("");
  const load = useCallback(async () => {
    const [n, p] = await Promise.all([
      api<{ unread: number; items: Item[] }>("/notifications"),
      api<Prefs>("/notifications/preferences"),
    ]);
    setItems(n.items);
    setPrefs(p);
  }, []);
  useEffect(() => {
    load().catch((e) => setMessage(e.message));
  }, [load]);
  if (!items || !prefs) return <p role="status">{message || T.loading}</p>;
  const open = async (n: Item) => {
    if (!n.read) await api("/notifications/read", { method: "POST", json: { ids: [n.id] } }).catch(() => {});
    window.location.hash = n.link;
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setPrefs(await api<Prefs>("/notifications/preferences", { method: "PUT", json: prefs }));
      setMessage(T.prefsSaved);
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <section>
      <h1>{T.notifications}</h1>
      {items.some((n) => !n.read) && (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            api("/notifications/read", { method: "POST", json: {} })
              .then(load)
              .catch((e) => setMessage(e.message))
          }
        >
          {T.markAllRead}
        </button>
      )}
      <ul className="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.read ? "read" : "unread"}>
            <button type="button" className="link" onClick={() => open(n)}>
              {n.read ? n.title : <strong>{n.title}</strong>}
            </button>
            <br />
            <span className="hint">
              {n.body} · {new Date(n.createdAt).toLocaleString("vi-VN")}
            </span>
          </li>
        ))}
        {!items.length && <li>{T.none}</li>}
      </ul>
      <form className="card" onSubmit={save} aria-labelledby="mail-prefs">
        <h2 id="mail-prefs">{T.mailPrefs}</h2>
        <label>
          {T.emailAddress}
          <input
            type="email"
            value={prefs.email ?? ""}
            onChange={(e) => setPrefs({ ...prefs, email: e.target.value || null })}
          />
        </label>
        <label>
          {T.mailMode}
          <select
            value={prefs.mode}
            onChange={(e) => setPrefs({ ...prefs, mode: e.target.value as Prefs["mode"] })}
          >
            <option value="each">{T.mailModes.each}</option>
            <option value="digest">{T.mailModes.digest}</option>
            <option value="none">{T.mailModes.none}</option>
          </select>
        </label>
        <fieldset>
          <legend>{T.mailKinds}</legend>
          {KINDS.map((k) => (
            <label key={k} className="check">
              <input
                type="checkbox"
                checked={!prefs.muted.includes(k)}
                onChange={(e) =>
                  setPrefs({
                    ...prefs,
                    muted: e.target.checked ? prefs.muted.filter((m) => m !== k) : [...prefs.muted, k],
                  })
                }
              />{" "}
              {T.noticeKinds[k] ?? k}
            </label>
          ))}
        </fieldset>
        <button type="submit">{T.save}</button>
      </form>
      <CalendarSection />
      <p className="status" role="status">
        {message}
      </p>
    </section>
  );
}
