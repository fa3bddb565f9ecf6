// The dashboard's page: one event stream (server-sent events) per open view, no framework, no build step.
"use strict";

const $ = (id) => document.getElementById(id);
const views = ["home", "processes", "applications"];
const state = { view: "home", filter: "", sort: "pid", desc: false, selected: null, source: null, tree: new Map(), flashUntil: new Map() };
const FLASH_MS = 3000; // how long a restarted child stays highlighted

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const number = (n) => Math.round(n).toLocaleString("en-US");
function bytes(n) {
  const units = ["B", "KiB", "MiB", "GiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}
function duration(seconds) {
  const s = Math.floor(seconds), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

// ---- the stream --------------------------------------------------------------------------------------------------

function connect() {
  if (state.source) state.source.close();
  const query = new URLSearchParams({ view: state.view });
  if (state.view === "processes") {
    if (state.filter) query.set("q", state.filter);
    query.set("sort", state.sort);
    query.set("desc", String(state.desc));
    if (state.selected !== null) query.set("selected", String(state.selected));
  }
  const source = new EventSource(`api/events?${query}`);
  source.addEventListener("open", () => setConnection(true));
  source.addEventListener("error", () => setConnection(false)); // EventSource reconnects by itself
  source.addEventListener("node", (e) => showNode(JSON.parse(e.data)));
  source.addEventListener("processes", (e) => showProcesses(JSON.parse(e.data)));
  source.addEventListener("process", (e) => showDetail(JSON.parse(e.data)));
  source.addEventListener("tree", (e) => showTrees(JSON.parse(e.data)));
  state.source = source;
}

function setConnection(live) {
  const badge = $("connection");
  badge.textContent = live ? "live" : "reconnecting";
  badge.className = `connection ${live ? "live" : "lost"}`;
}

function showView() {
  const wanted = location.hash.replace("#", "");
  state.view = views.includes(wanted) ? wanted : "home";
  for (const view of views) $(`view-${view}`).hidden = view !== state.view;
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.dataset.view === state.view);
  connect();
}

// ---- Home --------------------------------------------------------------------------------------------------------

function showNode(node) {
  $("node-name").textContent = node.name;
  $("stat-processes").textContent = number(node.processCount);
  $("stat-spawned").textContent = `${number(node.processesSpawned)} started since the node began`;
  $("stat-rate").textContent = number(node.messagesPerSecond);
  $("stat-received").textContent = `${number(node.messagesReceived)} received in all`;
  $("stat-queued").textContent = number(node.messagesQueued);
  $("stat-longest").textContent = `longest mailbox: ${number(node.longestMailbox)}`;
  $("stat-restarts").textContent = number(node.restarts);
  $("stat-uptime").textContent = `dashboard up ${duration(node.uptimeSeconds)}`;
  $("stat-memory").textContent = bytes(node.memory.workingSetBytes);
  $("stat-heap").textContent = `GC heap ${bytes(node.memory.gcHeapBytes)}, ${bytes(node.memory.totalAllocatedBytes)} allocated`;
  $("stat-gc").textContent = `${node.memory.gen0Collections} / ${node.memory.gen1Collections} / ${node.memory.gen2Collections}`;
  $("stat-pause").textContent = `gen 0 / 1 / 2; ${node.memory.gcPauseTimePercentage.toFixed(1)}% of time paused`;
  $("stat-threads").textContent = number(node.threadPool.threads);
  $("stat-pending").textContent = `${number(node.threadPool.pendingWorkItems)} work items waiting, ${node.processorCount} cores`;
  $("stat-apps").textContent = number(node.applications.length);
  $("stat-app-names").textContent = node.applications.join(", ") || "none";
  document.body.classList.toggle("no-kill", !node.allowKill);
  drawChart(node.chart);
}

function drawChart(points) {
  const max = Math.max(1, ...points.map((p) => p.messagesPerSecond));
  const width = 600, height = 160, n = points.length;
  const line = points.map((p, i) => {
    const x = n < 2 ? width : (i / (n - 1)) * width;
    const y = height - (p.messagesPerSecond / max) * (height - 10) - 2;
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  $("chart-line").setAttribute("points", line.join(" "));
  $("chart-max").textContent = `peak ${number(max)} / s`;
  if (n > 1) {
    const seconds = (new Date(points[n - 1].at) - new Date(points[0].at)) / 1000;
    $("chart-span").textContent = `(last ${duration(seconds)})`;
  }
}

// ---- Processes ---------------------------------------------------------------------------------------------------

function showProcesses(list) {
  const body = $("processes").tBodies[0];
  // A process keeps its row from one update to the next, only its cells' text changes: a row replaced under the pointer
  // between a button's press and its release would lose the click.
  const existing = new Map([...body.rows].map((row) => [Number(row.dataset.id), row]));
  const rows = list.processes.map((p) => {
    const row = existing.get(p.id) ?? el("tr", { "data-pid": p.pid, "data-id": p.id, onclick: () => select(p.id) },
      el("td", { class: "pid" }), el("td", {}), el("td", {}), el("td", {}), el("td", { class: "num" }), el("td", { class: "num" }));
    row.classList.toggle("selected", p.id === state.selected);
    const texts = [p.pid, p.name ?? "", p.behaviour ?? "", p.status.toLowerCase(), number(p.mailbox), number(p.handled)];
    texts.forEach((text, i) => { if (row.cells[i].textContent !== text) row.cells[i].textContent = text; });
    return row;
  });
  const same = rows.length === body.rows.length && rows.every((row, i) => body.rows[i] === row);
  if (!same) body.replaceChildren(...rows);
  $("process-count").textContent = list.shown < list.matching
    ? `${number(list.shown)} of ${number(list.matching)} matching (${number(list.total)} alive)`
    : `${number(list.matching)} of ${number(list.total)} processes`;
  for (const th of document.querySelectorAll("#processes th")) {
    th.classList.toggle("sorted", th.dataset.sort === list.sort);
    th.classList.toggle("desc", th.dataset.sort === list.sort && list.descending);
  }
}

function select(id) {
  state.selected = id;
  for (const row of $("processes").tBodies[0].rows) row.classList.toggle("selected", Number(row.dataset.id) === id);
  $("detail").replaceChildren(el("p", { class: "muted" }, "Loading…"));
  connect();
}

function pidLinks(pids) {
  if (!pids.length) return "none";
  const span = el("span");
  for (const p of pids) span.append(el("a", { class: "pid", onclick: () => select(p.id) }, p.text));
  return span;
}

function showDetail(p) {
  const detail = $("detail");
  if (p.exited) {
    detail.replaceChildren(el("h3", {}, `<0.${p.id}.0>`), el("p", { class: "muted" }, "This process has exited."));
    return;
  }
  const keep = detail.querySelector(".kill input");
  const reason = keep ? keep.value : "kill";
  const hadFocus = keep && document.activeElement === keep;
  const children = [
    el("h3", {}, el("span", { class: "pid" }, p.pid), " ", p.name ?? ""),
    el("dl", {},
      el("dt", {}, "behaviour"), el("dd", {}, p.behaviour ?? "plain process"),
      el("dt", {}, "status"), el("dd", {}, p.status.toLowerCase()),
      el("dt", {}, "mailbox"), el("dd", {}, number(p.mailbox)),
      el("dt", {}, "handled"), el("dd", {}, number(p.handled)),
      el("dt", {}, "trap exit"), el("dd", {}, p.trapExit ? "yes" : "no"),
      el("dt", {}, "parent"), el("dd", {}, p.parent ? pidLinks([p.parent]) : "none"),
      el("dt", {}, "links"), el("dd", { "data-field": "links" }, pidLinks(p.links)),
      el("dt", {}, "monitors"), el("dd", {}, pidLinks(p.monitors)),
      el("dt", {}, "monitored by"), el("dd", {}, pidLinks(p.monitoredBy))),
  ];
  if (p.state !== null || p.stateError !== null) {
    children.push(el("div", { class: "muted" }, "state (sys:get_state)"), el("pre", { "data-field": "state" }, p.state ?? p.stateError));
  }
  if (!document.body.classList.contains("no-kill")) {
    const input = el("input", { value: reason, "aria-label": "exit reason", title: "kill, shutdown, normal or any atom" });
    children.push(el("div", { class: "kill" }, input, el("button", { onclick: () => kill(p, input.value) }, "Kill")));
  }
  children.push(el("p", { class: "muted", id: "kill-result" }, detail.querySelector("#kill-result")?.textContent ?? ""));
  detail.replaceChildren(...children);
  if (hadFocus) detail.querySelector(".kill input").focus();
}

async function kill(p, reason) {
  const response = await fetch(`api/processes/${p.id}/kill`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ reason }),
  });
  const result = $("kill-result");
  if (result) result.textContent = response.ok ? `exit(${p.pid}, ${reason || "kill"}) sent` : `refused: HTTP ${response.status}`;
}

// ---- Applications ------------------------------------------------------------------------------------------------

function showTrees(data) {
  const seen = new Map();
  const trees = data.trees.map((t) => el("div", { class: "tree" },
    el("h3", {}, t.application ?? "Supervision tree without an application"),
    el("ul", {}, treeNode(t.root, t.application ?? t.root.pid?.text ?? "", seen))));
  $("trees").replaceChildren(...(trees.length ? trees : [el("p", { class: "muted" }, "No supervision trees on this node.")]));
  state.tree = seen;
  const kinds = { ChildTerminated: "terminated", ChildRestarted: "restarted as", StartError: "failed to restart", Shutdown: "too many restarts: supervisor shuts down" };
  $("events").replaceChildren(...data.events.map((e) => el("li", { "data-kind": e.kind },
    `${new Date(e.at).toLocaleTimeString("en-GB")} ${e.supervisor}: ${e.child} ${kinds[e.kind] ?? e.kind}`,
    e.pid ? ` ${e.pid}` : "", e.kind === "ChildRestarted" ? "" : ` (${e.reason})`)));
  if (!data.events.length) $("events").replaceChildren(el("li", { class: "muted" }, "No reports yet: every restart will be listed here."));
}

function treeNode(node, path, seen) {
  const pid = node.pid?.text ?? "undefined";
  const key = node.id === "undefined" ? `${path}/${pid}` : `${path}/${node.id}`; // a DynamicSupervisor's children have no id
  const before = state.tree.get(key);
  seen.set(key, { pid, restarts: node.restarts });
  if (before && (before.pid !== pid || before.restarts !== node.restarts)) state.flashUntil.set(key, Date.now() + FLASH_MS);
  const changed = (state.flashUntil.get(key) ?? 0) > Date.now();
  const box = el("span", {
    class: `box ${node.type}${node.pid ? "" : " dead"}${changed ? " flash" : ""}`,
    "data-id": node.id, "data-pid": pid, "data-restarts": node.restarts,
  },
  el("strong", {}, node.id === "root" ? (node.name ?? "top supervisor") : node.id === "undefined" ? "child" : node.id),
  el("span", { class: "pid" }, pid),
  el("span", { class: "kind" }, node.behaviour ?? node.type),
  node.name && node.id !== "root" ? el("span", { class: "kind" }, `(${node.name})`) : null,
  node.type === "worker" && node.id !== "undefined" || node.restarts > 0
    ? el("span", { class: `badge${node.restarts > 0 ? " hot" : ""}`, title: "restarts of this child seen by the dashboard" }, `restarts ${node.restarts}`)
    : null,
  node.childRestarts > 0
    ? el("span", { class: "badge", title: "restarts of its children seen by the dashboard" }, `children restarted ${node.childRestarts}`)
    : null);
  const item = el("li", {}, box);
  if (node.children.length) item.append(el("ul", {}, ...node.children.map((c) => treeNode(c, key, seen))));
  return item;
}

// ---- wiring ------------------------------------------------------------------------------------------------------

let filterTimer = null;
$("filter").addEventListener("input", (e) => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => { state.filter = e.target.value.trim(); connect(); }, 250); // one stream per pause in typing
});
for (const th of document.querySelectorAll("#processes th")) {
  th.addEventListener("click", () => {
    state.desc = state.sort === th.dataset.sort ? !state.desc : th.dataset.sort !== "pid" && th.dataset.sort !== "name";
    state.sort = th.dataset.sort;
    connect();
  });
}
window.addEventListener("hashchange", showView);
showView();
