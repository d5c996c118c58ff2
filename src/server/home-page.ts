// A plain page over the API until the React application (issue 4) replaces it: sign in, see the
// plans within reach, search, import a plan file. Vietnamese, no build step, no outside assets.

export const HOME_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>kehoach — Kế hoạch thành nhiệm vụ</title>
<style>
 body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
 header{background:#8a1c1c;color:#fff;padding:.8rem 1.2rem;display:flex;justify-content:space-between;align-items:center}
 main{max-width:1100px;margin:1rem auto;padding:0 1rem}
 section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem;margin-bottom:1rem}
 label{display:block;margin:.4rem 0 .1rem}
 input,button{font:inherit;padding:.4rem .6rem}
 button{background:#8a1c1c;color:#fff;border:0;border-radius:4px;cursor:pointer}
 table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.4rem;text-align:left;vertical-align:top}
 .msg{color:#8a1c1c;min-height:1.2em}
 :focus-visible{outline:3px solid #f0b400}
</style></head>
<body>
<header><strong>kehoach</strong><span id="who"></span></header>
<main>
 <section id="signin"><h1>Đăng nhập</h1>
  <form id="login"><label for="l">Tên đăng nhập</label><input id="l" autocomplete="username" required>
  <label for="p">Mật khẩu</label><input id="p" type="password" autocomplete="current-password" required>
  <p><button>Đăng nhập</button></p><p class="msg" id="loginMsg" role="alert"></p></form></section>
 <section id="app" hidden>
  <form id="searchForm"><label for="q">Tìm kế hoạch, nhiệm vụ (gõ có dấu hay không dấu)</label>
   <input id="q" size="40"> <button>Tìm</button> <button type="button" id="logout">Đăng xuất</button></form>
  <form id="importForm" hidden><label for="f">Nhập kế hoạch (.txt, .doc, .docx, .pdf, .html, .md)</label><input id="f" type="file" accept=".txt,.doc,.docx,.pdf,.html,.htm,.md" required> <button>Nhập</button>
   <p class="msg" id="importMsg" role="status"></p></form>
  <h2>Kế hoạch</h2><table><thead><tr><th>Số</th><th>Trích yếu</th><th>Cơ quan</th><th>Nhiệm vụ</th></tr></thead><tbody id="plans"></tbody></table>
  <div id="detail"></div>
 </section>
</main>
<script>
let csrf = "";
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;","\\"":"&quot;"}[c]));
async function api(path, options = {}) {
  const r = await fetch(path, { ...options, headers: { ...(options.headers || {}), ...(csrf ? { "x-csrf-token": csrf } : {}) } });
  const body = r.status === 204 ? null : await r.json();
  if (!r.ok) throw new Error(body?.message || "Lỗi " + r.status);
  return body;
}
function showPlans(plans) {
  $("plans").innerHTML = plans.map((p) => '<tr><td><a href="#" data-id="' + p.id + '">' + esc(p.number || "(không số)") + "</a></td><td>" + esc(p.title) + "</td><td>" + esc(p.issuer) + "</td><td>" + p.tasks + "</td></tr>").join("");
}
async function enter(me) {
  csrf = me.csrfToken; $("signin").hidden = true; $("app").hidden = false;
  $("who").textContent = me.user.displayName;
  $("importForm").hidden = !["admin", "plan_officer"].includes(me.user.role);
  showPlans((await api("/api/v1/plans")).plans);
}
$("login").onsubmit = async (e) => { e.preventDefault(); try { await enter(await api("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: $("l").value, password: $("p").value }) })); } catch (err) { $("loginMsg").textContent = err.message; } };
$("logout").onclick = async () => { await api("/api/v1/auth/logout", { method: "POST" }); location.reload(); };
$("searchForm").onsubmit = async (e) => { e.preventDefault(); const q = $("q").value.trim(); showPlans(q ? (await api("/api/v1/search?q=" + encodeURIComponent(q))).plans : (await api("/api/v1/plans")).plans); };
$("importForm").onsubmit = async (e) => { e.preventDefault(); const fd = new FormData(); fd.append("file", $("f").files[0]);
  try { const r = await api("/api/v1/plans/import", { method: "POST", body: fd }); $("importMsg").textContent = (r.status === "duplicate" ? "Kế hoạch đã có" : "Đã nhập") + ": " + r.tasks + " nhiệm vụ, " + r.review + " mục cần xem lại."; showPlans((await api("/api/v1/plans")).plans); } catch (err) { $("importMsg").textContent = err.message; } };
$("plans").onclick = async (e) => { const id = e.target.dataset && e.target.dataset.id; if (!id) return; e.preventDefault(); const p = await api("/api/v1/plans/" + id);
  $("detail").innerHTML = "<h2>" + esc(p.number || "") + " " + esc(p.title) + "</h2><table><thead><tr><th>Nhiệm vụ</th><th>Chủ trì</th><th>Phối hợp</th><th>Thời gian</th></tr></thead><tbody>" +
   p.tasksDetail.map((t) => "<tr><td>" + esc(t.key + ". " + t.title) + "</td><td>" + esc(t.units.filter((u) => u.role === "lead").map((u) => u.text).join("; ")) + "</td><td>" + esc(t.units.filter((u) => u.role === "cooperate").map((u) => u.text).join("; ")) + "</td><td>" + esc(t.timeframe && t.timeframe.text) + "</td></tr>").join("") + "</tbody></table>"; };
api("/api/v1/auth/me").then(enter).catch(() => {});
</script></body></html>`;
