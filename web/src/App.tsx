// The application shell: sign-in, navigation by role, and a hash router (#/plans/12) so that the
// server serves one page and links survive a reload.

import { type ReactElement, useCallback, useEffect, useState } from "react";
import { api, type ProgressState, type SessionReply, setCsrf, type User } from "./api";
import { LanguageSwitch } from "./LanguageSwitch";
import { AdminPage } from "./pages/AdminPage";
import { DashboardPage } from "./pages/DashboardPage";
import { LoginPage } from "./pages/LoginPage";
import { MyWorkPage } from "./pages/MyWorkPage";
import { Bell, NotificationsPage } from "./pages/NotificationsPage";
import { OverviewWorkPage } from "./pages/OverviewWorkPage";
import { PlanPage } from "./pages/PlanPage";
import { PlansPage } from "./pages/PlansPage";
import { ReportsReviewPage } from "./pages/ReportsReviewPage";
import { ReviewPage } from "./pages/ReviewPage";
import { StaffPage } from "./pages/StaffPage";
import { SummaryPage } from "./pages/SummaryPage";
import { WorkspacePage } from "./pages/WorkspacePage";
import { language, T } from "./text";

const readRoute = () => window.location.hash.replace(/^#\/?/, "").split("/").filter(Boolean);

function useRoute(): string[] {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const on = () => setRoute(readRoute());
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  // Bumped by the language switch: every page reads T when it renders.
  const [, setLanguageShown] = useState(language());
  const rerender = () => setLanguageShown(language());
  const route = useRoute();
  useEffect(() => {
    api<SessionReply>("/auth/me")
      .then((me) => {
        setCsrf(me.csrfToken);
        setUser(me.user);
      })
      .catch(() => setUser(null));
  }, []);
  const signOut = useCallback(async () => {
    await api("/auth/logout", { method: "POST" }).catch(() => {});
    setCsrf("");
    setUser(null);
    window.location.hash = "";
  }, []);
  if (user === undefined) return <p className="loading">{T.loading}</p>;
  if (!user)
    return (
      <>
        <LoginPage
          onSignedIn={(u, token) => {
            setCsrf(token);
            setUser(u);
          }}
        />
        {/* After the form in the tab order (the sign-in field comes first), shown in the corner. */}
        <p className="lang-corner">
          <LanguageSwitch onSwitch={rerender} />
        </p>
      </>
    );
  const [page, id, sub] = route;
  const links: Array<[string, string]> = [["#/plans", T.plans]];
  if (user.role === "unit_officer") links.unshift(["#/workspace", T.workspace]);
  if (user.role === "leader" || user.role === "admin" || user.role === "plan_officer")
    links.push(["#/dashboard", T.dashboard]);
  links.push(["#/mine", T.myWork]);
  if (user.role !== "unit_officer") links.push(["#/staff", T.staff]);
  if (user.role === "admin") links.push(["#/admin", T.admin]);
  let body: ReactElement;
  if (page === "plans" && id && sub === "review") body = <ReviewPage planId={id} />;
  else if (page === "plans" && id && sub === "reports")
    body = (
      <ReportsReviewPage
        planId={id}
        // A unit officer reaches the reports of its own unit's implementing plans alone (the server decides).
        canDecide={user.role === "plan_officer" || user.role === "admin" || user.role === "unit_officer"}
      />
    );
  else if (page === "plans" && id && sub === "summary") body = <SummaryPage planId={id} period={route[3]} />;
  else if (page === "plans" && id && sub === "state")
    body = <PlanPage planId={id} user={user} state={route[3]} />;
  else if (page === "plans" && id) body = <PlanPage planId={id} user={user} />;
  else if (page === "workspace") body = <WorkspacePage />;
  else if (page === "dashboard") body = <DashboardPage />;
  else if (page === "mine") body = <MyWorkPage />;
  else if (page === "notifications") body = <NotificationsPage />;
  else if (page === "staff" && user.role !== "unit_officer") body = <StaffPage />;
  else if (page === "overview" && id && id in T.states)
    body = <OverviewWorkPage state={id as ProgressState} unitId={sub} />;
  else if (page === "admin" && user.role === "admin") body = <AdminPage />;
  else if (!page && user.role === "unit_officer") body = <WorkspacePage />;
  else if (!page && user.role === "leader") body = <DashboardPage />;
  else body = <PlansPage user={user} />;
  return (
    <>
      <header className="top">
        <a href="#/" className="brand">
          {T.app}
        </a>
        <nav aria-label={T.mainNav}>
          {links.map(([href, label]) => (
            <a key={href} href={href} aria-current={`#/${page ?? ""}` === href ? "page" : undefined}>
              {label}
            </a>
          ))}
          <Bell page={page} />
        </nav>
        <span className="who">{user.displayName}</span>
        <LanguageSwitch onSwitch={rerender} />
        <button type="button" className="link" onClick={signOut}>
          {T.signOut}
        </button>
      </header>
      <main>{body}</main>
    </>
  );
}
