// The administrator's outgoing mail: the SMTP server (entered here, or named by the environment at
// installation), a test message, and the messages given up after their retries, with the reason.

import { useCallback, useEffect, useState } from "react";
import { api, type FailedMailList, type MailSettingsReply } from "../api";
import { viDate } from "../format";
import { T } from "../text";

export function MailSection() {
  const [view, setView] = useState<MailSettingsReply | null>(null);
  const [form, setForm] = useState({
    host: "",
    port: "587",
    secure: false,
    user: "",
    password: "",
    from: "",
  });
  const [to, setTo] = useState("");
  const [failed, setFailed] = useState<FailedMailList["mails"]>([]);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const show = useCallback((v: MailSettingsReply) => {
    setView(v);
    setForm({
      host: v.host ?? "",
      port: String(v.port ?? 587),
      secure: v.secure,
      user: v.user ?? "",
      password: "",
      from: v.from ?? "",
    });
  }, []);
  useEffect(() => {
    api<MailSettingsReply>("/notifications/mail-settings")
      .then(show)
      .catch((e) => setError(e.message));
    api<FailedMailList>("/notifications/failed-mail")
      .then((r) => setFailed(r.mails))
      .catch(() => setFailed([]));
  }, [show]);
  const run = async (fn: () => Promise<string>) => {
    setError("");
    setMessage("");
    try {
      setMessage(await fn());
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const save = () =>
    run(async () => {
      const port = Number(form.port);
      show(
        await api<MailSettingsReply>("/notifications/mail-settings", {
          method: "PUT",
          json: {
            host: form.host,
            port: Number.isInteger(port) ? port : 0,
            secure: form.secure,
            user: form.user.trim() || null,
            ...(form.password ? { password: form.password } : {}),
            from: form.from,
          },
        }),
      );
      return T.mailSaved;
    });
  const test = () =>
    run(async () => {
      await api("/notifications/mail-settings/test", { method: "POST", json: { to } });
      return T.mailTestSent(to);
    });
  const field = (key: "host" | "port" | "user" | "password" | "from", label: string, type = "text") => (
    <label>
      {label}
      <input
        type={type}
        value={form[key]}
        autoComplete={key === "password" ? "new-password" : "off"}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <section aria-labelledby="mail" className="card">
      <h2 id="mail">{T.mailServer}</h2>
      {view && <p className="hint">{T.mailSource[view.source]}</p>}
      {field("host", T.mailHost)}
      {field("port", T.mailPort, "number")}
      <label className="check">
        <input
          type="checkbox"
          checked={form.secure}
          onChange={(e) => setForm({ ...form, secure: e.target.checked })}
        />{" "}
        {T.mailSecure}
      </label>
      {field("user", T.mailUser)}
      {field("password", view?.hasPassword ? T.mailPasswordKept : T.mailPassword, "password")}
      {field("from", T.mailFrom)}
      <div className="row">
        <button type="button" onClick={save}>
          {T.mailSave}
        </button>
      </div>
      <div className="row">
        <label>
          {T.mailTestTo}
          <input type="email" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" className="secondary" onClick={test}>
          {T.mailTest}
        </button>
      </div>
      <p className="status" role="status">
        {message}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h3>{T.failedMail}</h3>
      {!failed.length ? (
        <p className="hint">{T.none}</p>
      ) : (
        <ul>
          {failed.map((m) => (
            <li key={m.id}>
              {viDate(m.createdAt.slice(0, 10))} · {m.to} · {m.subject} · {T.mailAttempts(m.attempts)}
              {m.error && <span className="hint"> · {m.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
