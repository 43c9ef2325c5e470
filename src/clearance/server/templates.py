"""The admin UI's pages (Jinja2, autoescaped; no scripts from elsewhere)."""

from __future__ import annotations

BASE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }} · clearance</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#222}
header{background:#1f2937;color:#fff;padding:10px 20px;display:flex;gap:18px;align-items:center}
header a{color:#e5e7eb;text-decoration:none} header .who{margin-left:auto;font-size:13px}
main{padding:18px 24px;max-width:1150px}
table{border-collapse:collapse;width:100%;font-size:13px} td,th{border-bottom:1px solid #eee;padding:5px;text-align:left;vertical-align:top}
.deny{color:#c62828;font-weight:600}.ask{color:#a67c00;font-weight:600}.allow{color:#2e7d32}
.err{background:#fdecea;border:1px solid #f5c2c0;padding:8px;margin:8px 0}.ok{background:#e8f5e9;border:1px solid #b7dfb9;padding:8px;margin:8px 0}
textarea{width:100%;height:320px;font-family:ui-monospace,monospace;font-size:13px} pre{background:#f6f8fa;padding:8px;overflow:auto}
.add{color:#2e7d32}.del{color:#c62828} form.inline{display:inline} .cards{display:flex;gap:12px}.card{border:1px solid #ddd;border-radius:6px;padding:8px 14px}
.num{font-size:24px;font-weight:600} svg.chart{max-width:760px;display:block;margin:8px 0}
</style></head><body>
<header><strong>clearance</strong>
{% if user %}<a href="/">Dashboard</a><a href="/policy">Policy</a><a href="/changes">Changes</a><a href="/tokens">Tokens</a><a href="/users">Users</a><a href="/history">History</a>
<span class="who">{{ user.user }} ({{ user.role }}) <form class="inline" method="post" action="/logout"><input type="hidden" name="csrf" value="{{ user.csrf }}"><button>Log out</button></form></span>{% endif %}
</header><main>
{% if error %}<div class="err" id="error">{{ error }}</div>{% endif %}{% if notice %}<div class="ok" id="notice">{{ notice }}</div>{% endif %}
{% block body %}{% endblock %}
</main></body></html>"""

LOGIN = """{% extends "base" %}{% block body %}<h1>Log in</h1>
<form method="post" action="/login"><input type="hidden" name="csrf" value="{{ csrf }}">
<p><label>User <input name="username" id="username" autocomplete="username"></label></p>
<p><label>Password <input name="password" id="password" type="password" autocomplete="current-password"></label></p>
<p><button id="login">Log in</button></p></form>
{% if sso %}<p><a href="/login/oidc" id="sso">Sign in with {{ sso }}</a></p>{% endif %}{% endblock %}"""

DASHBOARD = """{% extends "base" %}{% block body %}<h1>Decisions</h1>
<div class="cards">{% for k in ["allow","ask","deny"] %}<div class="card"><div class="num {{k}}">{{ stats.by_decision.get(k, 0) }}</div>{{ k }}</div>{% endfor %}
<div class="card"><div class="num">{{ stats.prompts_saved }}</div>prompts saved</div><div class="card"><div class="num">{{ stats.sessions }}</div>sessions</div></div>
<form method="get" action="/" id="filters"><p>
<select name="decision"><option value="">any decision</option>{% for k in ["allow","ask","deny","warn"] %}<option {% if f.decision==k %}selected{% endif %}>{{k}}</option>{% endfor %}</select>
<input name="agent" placeholder="agent" value="{{ f.agent or '' }}"> <input name="user" placeholder="user (token)" value="{{ f.user or '' }}">
<input name="rule" placeholder="rule id" value="{{ f.rule or '' }}"> <input name="since" placeholder="since (2h, 2026-11-25)" value="{{ f.since or '' }}">
<button>Filter</button>{% if user.role in ("admin","approver") %} <a href="/audit/export{% if f.since %}?since={{ f.since|urlencode }}{% endif %}" id="export">export (JSON lines)</a>{% endif %}</p></form>
{% if not rows %}<p id="empty">No decisions recorded yet. Point an agent's hook at this service (<code>clearance install claude --http</code>, or the thin client with a token from <a href="/tokens">Tokens</a>; docs/team.md) and its calls appear here.</p>{% endif %}
<div class="charts">{{ charts|safe }}</div>
<table id="decisions"><tr><th>time (UTC)</th><th>user</th><th>agent</th><th>session</th><th>tool</th><th>input</th><th>decision</th><th>rules</th><th>reason</th></tr>
{% for r in rows %}<tr><td>{{ r.time }}</td><td>{{ r.user_name }}</td><td>{{ r.agent }}</td><td><a href="/sessions/{{ r.session_id|urlencode }}">{{ r.session_id[:14] }}</a></td>
<td>{{ r.tool_name }}</td><td><a href="/decisions/{{ r.id }}"><code>{{ r.brief }}</code></a></td><td class="{{ r.decision }}">{{ r.decision }}</td><td>{{ r.rules|join(", ") }}</td><td>{{ r.reason[:160] }}</td></tr>{% endfor %}
</table>
<p class="paging">{% if f.before %}<a href="/?{{ paging|urlencode_query }}" id="newest">newest</a> {% endif %}{% if older %}<a href="/?{{ paging|urlencode_query }}{% if paging %}&amp;{% endif %}before={{ older }}" id="older">older decisions</a>{% endif %}
<small>The cards and charts summarise the latest {{ window }} matching decisions.</small></p>{% endblock %}"""

SESSION = """{% extends "base" %}{% block body %}<h1>Session {{ sid }}</h1><table id="timeline"><tr><th>time (UTC)</th><th>tool</th><th>input</th><th>decision</th><th>stage</th><th>reason</th></tr>
{% for r in rows %}<tr><td>{{ r.time }}</td><td>{{ r.tool_name }}</td><td><code>{{ r.brief }}</code></td><td class="{{ r.decision }}">{{ r.decision }}</td><td>{{ r.stage }}</td><td>{{ r.reason }}</td></tr>{% endfor %}</table>{% endblock %}"""

POLICY = """{% extends "base" %}{% block body %}<h1>Managed policy <small>(version {{ version }})</small></h1>
{% if user.role == "admin" %}
<h2>Add a trusted resource</h2><form method="post" action="/policy/trust" id="trust-form"><input type="hidden" name="csrf" value="{{ user.csrf }}">
<select name="kind" id="trust-kind">{% for k in ["buckets","domains","git_remotes","directories","services","mcp_servers"] %}<option>{{k}}</option>{% endfor %}</select>
<input name="value" id="trust-value" size="40" placeholder="s3://acme-dev-*"> <button id="trust-submit">Propose</button></form>
<h2>Auto mode</h2><form method="post" action="/policy/auto-mode" id="auto-form"><input type="hidden" name="csrf" value="{{ user.csrf }}">
<select name="mode" id="auto-mode"><option>enabled</option><option>disabled</option></select> <button id="auto-submit">Propose</button></form>
<h2>Add a rule</h2><form method="post" action="/policy/rule" id="rule-form"><input type="hidden" name="csrf" value="{{ user.csrf }}">
<select name="verdict" id="rule-verdict"><option>deny</option><option>hard_deny</option><option>ask</option><option>allow</option></select>
<input name="pattern" id="rule-pattern" size="40" placeholder="Bash(terraform apply:*)"> <button id="rule-submit">Propose</button></form>
<h2>Current trusted resources and rules</h2><table id="entries"><tr><th>table</th><th>key</th><th>value</th><th></th></tr>
{% for t, k, v in entries %}<tr><td>{{ t }}</td><td>{{ k }}</td><td><code>{{ v }}</code></td><td><form method="post" action="/policy/remove" class="remove-form">
<input type="hidden" name="csrf" value="{{ user.csrf }}"><input type="hidden" name="table" value="{{ t }}"><input type="hidden" name="key" value="{{ k }}"><input type="hidden" name="value" value="{{ v }}">
<button class="remove">Propose removal</button></form></td></tr>{% else %}<tr><td colspan="4">none</td></tr>{% endfor %}</table>
<h2>Edit</h2><form method="post" action="/policy" id="policy-form"><input type="hidden" name="csrf" value="{{ user.csrf }}">
<textarea name="text" id="policy-text" oninput="lint()">{{ text }}</textarea>
<div id="lint" class="ok">{{ lint or "no problems" }}</div>
<p><input name="summary" placeholder="what and why" size="60"> <button id="propose">Propose change</button></p></form>
<script>
let timer;function lint(){clearTimeout(timer);timer=setTimeout(async()=>{const body=new URLSearchParams({text:document.getElementById('policy-text').value,csrf:'{{ user.csrf }}'});
const r=await fetch('/policy/lint',{method:'POST',body});const t=await r.text();const el=document.getElementById('lint');el.textContent=t||'no problems';el.className=t?'err':'ok';},300);}
</script>
{% else %}<pre>{{ text }}</pre>{% endif %}{% endblock %}"""

CHANGES = """{% extends "base" %}{% block body %}<h1>Changes</h1>
<p>Every change to the policy, the people and the agent tokens waits here for a second person's approval.</p>
<table id="changes"><tr><th>#</th><th>kind</th><th>summary</th><th>status</th><th>proposed by</th><th>decided by</th><th></th></tr>
{% for c in changes %}<tr><td>{{ c.id }}</td><td>{{ c.kind }}</td><td>{{ c.summary }}</td><td class="status">{{ c.status }}</td><td>{{ c.proposed_by }}</td><td>{{ c.decided_by }}</td><td><a href="/changes/{{ c.id }}">view</a></td></tr>{% endfor %}</table>{% endblock %}"""

CHANGE = """{% extends "base" %}{% block body %}<h1>Change {{ c.id }}: {{ c.summary }}</h1>
<p>Status: <strong id="status">{{ c.status }}</strong> · {{ c.kind }} change proposed by {{ c.proposed_by }}{% if c.decided_by %} · decided by {{ c.decided_by }}{% endif %}{% if c.comment %}: <q id="comment-text">{{ c.comment }}</q>{% endif %}</p>
<pre id="diff">{% for line in c.diff.splitlines() %}<span class="{{ 'add' if line.startswith('+') else ('del' if line.startswith('-') else '') }}">{{ line }}</span>
{% endfor %}</pre>
{% if impact and impact.not_replayed %}<p id="impact-not-replayed">Not replayed: {% for k in impact.not_replayed %}<code>[{{ k }}]</code> {% endfor %}&mdash; a replay decides each call alone and cannot show these; read them in the diff.</p>{% endif %}
{% if impact and impact.busy %}<h2>Impact</h2><p id="impact-summary">The impact of a change is being worked out for another request; reload in a few seconds.</p>
{% elif impact and not impact.replayed %}<h2>Impact</h2><p id="impact-summary">No audited calls to replay yet, so nothing tells what this change would decide differently; check it with <code>clearance policy test</code> (policy tests) or wire an agent to the service first.</p>
{% elif impact %}<h2>Impact</h2><p id="impact-summary">Replayed the latest {{ impact.replayed }} audited calls{% if impact.since %} (since {{ impact.since|when }}){% endif %} with the current and the proposed policy:
{% for k in ["allow","ask","deny"] %}<span class="{{k}}">{{ k }} {{ impact.before.get(k, 0) }} → {{ impact.after.get(k, 0) }}</span>{% if not loop.last %} · {% endif %}{% endfor %}.
{{ impact.changed|length }} call{{ "" if impact.changed|length == 1 else "s" }} would be decided differently.{% if not impact.complete %} (Not every recorded call was replayed.){% endif %}</p>
{% if impact.rules_gained or impact.rules_lost %}<p>Rules that would fire more: {% for r, n in impact.rules_gained.items() %}<code>{{ r }}</code> +{{ n }} {% endfor %}{% if impact.rules_lost %} · less: {% for r, n in impact.rules_lost.items() %}<code>{{ r }}</code> −{{ n }} {% endfor %}{% endif %}</p>{% endif %}
{% if impact.changed %}<table id="impact"><tr><th>decision</th><th>tool</th><th>input</th><th>before</th><th>after</th><th>rules</th></tr>{% for x in impact.changed[:200] %}
<tr><td>{% if x.id %}<a href="/decisions/{{ x.id }}">{{ x.id }}</a>{% endif %}</td><td>{{ x.tool_name }}</td><td><code>{{ x.tool_input|brief }}</code></td><td class="{{ x.before }}">{{ x.before }}</td><td class="{{ x.after }}">{{ x.after }}</td><td>{{ x.rules|join(", ") }}</td></tr>{% endfor %}</table>{% endif %}{% endif %}
{% if lints %}<h2>Lint</h2><ul id="lint-findings">{% for x in lints %}<li class="{{ 'err' if x.severity == 'error' else '' }}"><code>{{ x.id }}</code> {{ x.severity }} (line {{ x.line }}): {{ x.message }} — {{ x.why }}</li>{% endfor %}</ul>{% endif %}
{% if c.kind == "policy" and c.status == "approved" and c.id != current and user.role == "admin" %}
<form method="post" action="/changes/{{ c.id }}/revert" class="inline"><input type="hidden" name="csrf" value="{{ user.csrf }}"><button id="revert">Propose a revert to this version</button></form>{% endif %}
{% if c.status == "proposed" and user.role in ("admin","approver") %}
<form method="post" action="/changes/{{ c.id }}/approve" class="inline"><input type="hidden" name="csrf" value="{{ user.csrf }}"><input id="comment" name="comment" placeholder="what you checked (required to approve)" size="40">{% if lints and lints|selectattr("severity", "equalto", "error")|list %} <label><input type="checkbox" id="override-lint" name="override_lint" value="1"> approve despite the lint errors above (recorded)</label>{% endif %} <button id="approve">Approve</button></form>
<form method="post" action="/changes/{{ c.id }}/reject" class="inline"><input type="hidden" name="csrf" value="{{ user.csrf }}"><button id="reject">Reject</button></form>{% endif %}{% endblock %}"""

TOKENS = """{% extends "base" %}{% block body %}<h1>Agent tokens</h1>
{% if new_token %}<div class="ok">New token for {{ new_name }} (shown once): <code id="new-token">{{ new_token }}</code> — it works once <a href="/changes/{{ new_change }}">change {{ new_change }}</a> is approved by a second person.</div>{% endif %}
{% if user.role == "admin" %}<form method="post" action="/tokens"><input type="hidden" name="csrf" value="{{ user.csrf }}"><input name="name" placeholder="machine or team"> <input name="days" size="4" placeholder="days"> <button>Propose token</button></form>{% endif %}
<table><tr><th>#</th><th>name</th><th>created by</th><th>state</th><th>last used</th><th></th></tr>{% for t in tokens %}<tr><td>{{ t.id }}</td><td>{{ t.name }}</td><td>{{ t.created_by }}</td><td>{{ t.state }}</td><td>{{ t.last_used|when }}</td>
<td>{% if not t.revoked and user.role == "admin" %}<form method="post" action="/tokens/{{ t.id }}/revoke" class="inline"><input type="hidden" name="csrf" value="{{ user.csrf }}"><button>Revoke</button></form>{% endif %}</td></tr>{% endfor %}</table>{% endblock %}"""

USERS = """{% extends "base" %}{% block body %}<h1>Users</h1>
{% if user.role == "admin" %}<form method="post" action="/users"><input type="hidden" name="csrf" value="{{ user.csrf }}"><input name="name" placeholder="name"> <input name="password" type="password" placeholder="password (10+ characters)">
<select name="role"><option>viewer</option><option>approver</option><option>admin</option></select> <button>Propose user</button></form>
<p>Adding, changing and removing people are change requests: a second person who already has an account approves them.</p>{% endif %}
<table><tr><th>name</th><th>role</th><th>state</th><th>added by</th><th></th></tr>{% for u in users %}<tr><td>{{ u.name }}</td><td>{{ u.role }}</td><td>{{ "disabled" if u.disabled else "active" }}</td><td>{{ u.created_by }}</td>
<td>{% if user.role == "admin" %}<form method="post" action="/users" class="inline"><input type="hidden" name="csrf" value="{{ user.csrf }}"><input type="hidden" name="name" value="{{ u.name }}">
<select name="action"><option value="role">change role to</option><option value="{{ 'enable' if u.disabled else 'disable' }}">{{ 'enable' if u.disabled else 'disable' }}</option><option value="password">reset password to</option><option value="remove">remove</option></select>
<select name="role">{% for r in roles %}<option>{{ r }}</option>{% endfor %}</select> <input name="password" type="password" placeholder="new password"> <button>Propose</button></form>{% endif %}</td></tr>{% endfor %}</table>{% endblock %}"""

DECISION = """{% extends "base" %}{% block body %}<h1>Decision {{ d.id }}</h1>
<table id="decision"><tr><th>time (UTC)</th><td>{{ d.time }}</td></tr><tr><th>decision</th><td class="{{ d.decision }}">{{ d.decision }}{% if d.raw_decision != d.decision %} (the engine said {{ d.raw_decision }}){% endif %}</td></tr>
<tr><th>stage</th><td>{{ d.stage }}</td></tr><tr><th>rules</th><td>{% for r in d.rules %}<code>{{ r }}</code> {% endfor %}</td></tr><tr><th>reason</th><td>{{ d.reason }}</td></tr>
<tr><th>user</th><td>{{ d.user_name }}</td></tr><tr><th>agent</th><td>{{ d.agent }}</td></tr><tr><th>session</th><td><a href="/sessions/{{ d.session_id|urlencode }}">{{ d.session_id }}</a></td></tr>
<tr><th>working directory</th><td><code>{{ d.cwd }}</code></td></tr><tr><th>tool</th><td>{{ d.tool_name }}</td></tr><tr><th>time to decide</th><td>{{ d.elapsed_ms }} ms</td></tr>
{% if d.reviewer_stage %}<tr><th>reviewer</th><td>{{ d.reviewer_stage }} · {{ d.tokens_in }} in / {{ d.tokens_out }} out tokens · {{ d.reviewer_ms }} ms</td></tr>{% endif %}
<tr><th>shadow / headless</th><td>{{ "yes" if d.shadow else "no" }} / {{ "yes" if d.headless else "no" }}</td></tr></table>
<h2>Input (as recorded: secrets redacted, long contents cut)</h2><pre id="tool-input">{{ tool_input }}</pre>
{% if d.decision in ("deny","ask") and user.role == "admin" %}<form method="post" action="/decisions/{{ d.id }}/allow" class="inline"><input type="hidden" name="csrf" value="{{ user.csrf }}"><button id="propose-allow">Propose allowing exactly this call</button> (the narrowest allow rule, added to the team policy as a change a second person approves)</form>{% endif %}{% endblock %}"""

HISTORY = """{% extends "base" %}{% block body %}<h1>Admin history</h1>
<form method="get" action="/history" id="history-filters"><p><input name="user" placeholder="person" value="{{ f.user or '' }}">
<input name="action" placeholder="action (approve, login_failed …)" value="{{ f.action or '' }}"> <input name="since" placeholder="since (2h, 2026-11-25)" value="{{ f.since or '' }}">
<button>Filter</button></p></form>
<table id="history"><tr><th>time (UTC)</th><th>user</th><th>action</th><th>details</th></tr>
{% for h in rows %}<tr><td>{{ h.time }}</td><td>{{ h.user }}</td><td>{{ h.action }}</td><td>{{ h.details }}</td></tr>{% else %}<tr><td colspan="4">nothing matches</td></tr>{% endfor %}</table>
<p class="paging">{% if f.before %}<a href="/history?{{ paging|urlencode_query }}" id="history-newest">newest</a> {% endif %}{% if older %}<a href="/history?{{ paging|urlencode_query }}{% if paging %}&amp;{% endif %}before={{ older }}" id="history-older">older entries</a>{% endif %}</p>{% endblock %}"""

TEMPLATES = {
    "base": BASE,
    "login": LOGIN,
    "dashboard": DASHBOARD,
    "session": SESSION,
    "policy": POLICY,
    "changes": CHANGES,
    "change": CHANGE,
    "tokens": TOKENS,
    "users": USERS,
    "history": HISTORY,
    "decision": DECISION,
}
