import { type FormEvent, useState } from "react";
import { api, type User } from "../api";
import { T } from "../text";

export function LoginPage({ onSignedIn }: { onSignedIn: (user: User, csrf: string) => void }) {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError("");
    try {
      const r = await api<{ user: User; csrfToken: string }>("/auth/login", {
        method: "POST",
        json: { login, password },
      });
      onSignedIn(r.user, r.csrfToken);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <main className="narrow">
      <h1>{T.app}</h1>
      <p>{T.tagline}</p>
      <form onSubmit={submit} className="card">
        <label htmlFor="login">{T.login}</label>
        <input
          id="login"
          name="login"
          autoComplete="username"
          required
          value={login}
          onChange={(e) => setLogin(e.target.value)}
        />
        <label htmlFor="password">{T.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit">{T.signIn}</button>
        <p className="error" role="alert">
          {error}
        </p>
      </form>
    </main>
  );
}
