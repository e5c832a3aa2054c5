// The ActorMap dashboard: two Server-Sent Event streams, no framework. Every text from the Seed
// goes into the page through textContent, never as HTML: a job's lambda is whatever a client sent.
"use strict";

const $ = (id) => document.getElementById(id);
const NODE_COLOURS = ["#3b7dd8", "#2f9e44", "#7048e8", "#1098ad", "#5c940d", "#ae3ec9", "#4263eb", "#0ca678"];
const OUTCOME_COLOURS = { redispatched: "#f08c00", failed: "#d6336c" };

const state = { selected: null, userSelected: false, spans: [], job: null, stream: null, overview: null, drawQueued: false };

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

const count = (n) => (n === null || n === undefined ? "\u2013" : Number(n).toLocaleString("en-US"));
const mib = (bytes) => (bytes === null || bytes === undefined ? "\u2013" : (bytes / 1048576).toFixed(1) + " MiB");

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "\u2013";
  const s = Math.round(seconds);
  if (s < 60) return s + " s";
  if (s < 3600) return Math.floor(s / 60) + " min " + String(s % 60).padStart(2, "0") + " s";
  return Math.floor(s / 3600) + " h " + String(Math.floor((s % 3600) / 60)).padStart(2, "0") + " min";
}

function banner(text) {
  const b = $("banner");
  b.hidden = !text;
  b.textContent = text || "";
}

// ---- the overview: members, events, jobs (once a second) ----

function connectOverview() {
  const source = new EventSource("/events");
  source.addEventListener("overview", (e) => {
    banner(null);
    renderOverview(JSON.parse(e.data));
  });
  source.onerror = () => {
    banner("The Seed is unreachable: reconnecting\u2026 (the panels show the last state it sent)");
    document.body.dataset.connected = "false";
    if (source.readyState === EventSource.CLOSED) {
      // Refused (a 401 once the token changed) or a server error: EventSource gives up; we do not.
      setTimeout(connectOverview, 3000);
    }
  };
}

function renderOverview(o) {
  state.overview = o;
  document.body.dataset.connected = "true";
  $("seed-url").textContent = o.dashboard_url || "";
  $("updated").textContent = "updated " + new Date(o.at).toLocaleTimeString();
  renderMembers(o.cluster, o.cluster_error);
  renderJobs(o.running, o.recent);
}

function renderMembers(cluster, error) {
  const body = $("members").tBodies[0];
  body.replaceChildren();
  if (!cluster) {
    const row = body.insertRow();
    cell(row, error || "no cluster view").colSpan = 10;
    return;
  }
  let workers = 0;
  for (const m of cluster.members) {
    const row = body.insertRow();
    row.className = "member";
    row.dataset.address = m.address;
    row.dataset.status = m.status;
    row.dataset.reachable = String(m.reachable);
    const load = m.load;
    const total = m.workers;
    workers += m.workers;
    cell(row, m.address);
    cell(row, m.roles.join(", "));
    cell(row, m.status, "status-" + m.status);
    cell(row, m.reachable ? "yes" : "UNREACHABLE", m.reachable ? "" : "unreachable");
    cell(row, load ? load.cpu_percent.toFixed(1) + " %" : "\u2013", "num");
    cell(row, load ? mib(load.working_set_bytes) : "\u2013", "num");
    cell(row, load ? mib(load.gc_heap_bytes) : "\u2013", "num");
    cell(row, (load && load.workers_busy !== null ? load.workers_busy : "\u2013") + " / " + total, "num");
    cell(row, count(m.chunks_done), "num");
    cell(row, duration(m.uptime_seconds), "num");
  }
  $("no-workers").hidden = workers > 0;
  const events = $("events");
  events.replaceChildren();
  for (const e of cluster.events) {
    const li = document.createElement("li");
    li.textContent = new Date(e.at).toLocaleTimeString() + "  " + e.event + "  " + e.member;
    li.dataset.event = e.event;
    events.appendChild(li);
  }
}

function renderJobs(running, recent) {
  const body = $("jobs").tBodies[0];
  body.replaceChildren();
  const all = running.concat(recent);
  $("no-jobs").hidden = all.length > 0;
  for (const j of all) {
    const row = body.insertRow();
    row.className = "job" + (j.id === state.selected ? " selected" : "");
    row.dataset.jobId = String(j.id);
    row.dataset.state = j.state;
    row.dataset.elements = String(j.elements);
    row.dataset.elementsDone = String(j.elements_done);
    row.addEventListener("click", () => select(j.id, true));
    cell(row, String(j.id), "num");
    const fn = cell(row, j.function || "\u2026", "fn");
    fn.title = j.function || "";
    cell(row, j.state, "state-" + j.state);
    cell(row, count(j.elements), "num");
    const progress = cell(row, "");
    const bar = document.createElement("span");
    bar.className = "bar";
    const fill = document.createElement("span");
    fill.className = "fill";
    fill.style.display = "block";
    fill.style.width = (j.elements > 0 ? (100 * j.elements_done) / j.elements : 0).toFixed(1) + "%";
    bar.appendChild(fill);
    progress.appendChild(bar);
    progress.appendChild(document.createTextNode(" " + (j.elements > 0 ? Math.floor((100 * j.elements_done) / j.elements) : 0) + " %"));
    cell(row, count(j.elements_per_second), "num");
    cell(row, j.ended_at ? "\u2013" : duration(j.eta_seconds), "num");
    cell(row, count(j.chunks_queued) + " / " + count(j.chunks_in_flight) + " / " + count(j.chunks_done), "num");
    cell(row, count(j.retries), "num");
    cell(row, count(j.redispatched), "num");
    cell(row, count(j.late_results_dropped), "num");
  }
  // Follow the newest running job until the user picks one.
  if (!state.userSelected) {
    const newest = running.length > 0 ? running[running.length - 1] : recent[0];
    if (newest && newest.id !== state.selected) select(newest.id, false);
  }
  const shown = all.find((j) => j.id === state.selected);
  if (shown) renderFailure(shown);
}

function renderFailure(job) {
  const f = job.failure;
  $("failure").hidden = !f;
  if (!f) return;
  $("failure-job").textContent = String(job.id);
  $("failure-element").textContent = f.element_index >= 0 ? String(f.element_index) : "(none: the job failed as a whole)";
  $("failure-type").textContent = f.error_type;
  $("failure-message").textContent = f.message;
  $("failure-node").textContent = f.worker || "\u2013";
  $("failure-trace").textContent = f.stack_trace;
}

// ---- the task stream of the selected job (coalesced by the Seed: a few messages a second) ----

function select(id, byUser) {
  state.userSelected = state.userSelected || byUser;
  if (state.selected === id && state.stream) return;
  state.selected = id;
  for (const row of $("jobs").tBodies[0].rows) row.classList.toggle("selected", row.dataset.jobId === String(id));
  if (state.stream) state.stream.close();
  state.spans = [];
  state.job = null;
  $("stream-empty").hidden = true;
  $("stream-title").textContent = "job " + id;
  draw();
  const source = new EventSource("/jobs/" + id + "/events");
  state.stream = source;
  source.addEventListener("spans", (e) => {
    const batch = JSON.parse(e.data);
    if (batch.from === 0) state.spans = [];
    for (const s of batch.spans) state.spans.push(s);
    state.job = batch.job;
    queueDraw();
  });
  source.addEventListener("end", (e) => {
    state.job = JSON.parse(e.data);
    source.close();
    queueDraw();
  });
  source.addEventListener("gone", () => {
    source.close();
    $("stream-title").textContent = "job " + id + " (no longer kept on the Seed)";
  });
  source.onerror = () => {
    // Reconnecting resends from the start (from = 0); a closed stream is reopened with the job.
    if (source.readyState === EventSource.CLOSED && state.stream === source) {
      state.stream = null;
      setTimeout(() => { if (state.selected === id && !state.stream) select(id, false); }, 3000);
    }
  };
}

function queueDraw() {
  if (state.drawQueued) return;
  state.drawQueued = true;
  requestAnimationFrame(() => { state.drawQueued = false; draw(); });
}

function draw() {
  const spans = state.spans;
  // Lanes: one per worker actor, grouped by node, in the order nodes first appear.
  const nodes = new Map();
  let end = 1;
  const perNode = {};
  let redispatched = 0;
  let failed = 0;
  for (const s of spans) {
    if (!nodes.has(s.node)) nodes.set(s.node, new Map());
    const workers = nodes.get(s.node);
    if (!workers.has(s.worker)) workers.set(s.worker, 0);
    end = Math.max(end, s.start_ms + s.duration_ms);
    perNode[s.node] = (perNode[s.node] || 0) + 1;
    if (s.outcome === "redispatched") redispatched++;
    if (s.outcome === "failed") failed++;
  }
  const lanes = [];
  for (const [node, workers] of nodes) {
    const names = [...workers.keys()].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    names.forEach((w, i) => { workers.set(w, lanes.length); lanes.push({ node, worker: w, first: i === 0 }); });
  }
  const canvas = $("lanes");
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 800;
  const laneHeight = lanes.length > 40 ? 8 : 16;
  const top = 18;
  const label = 190;
  const height = Math.max(60, top + lanes.length * (laneHeight + 2) + 8);
  canvas.width = Math.floor(width * ratio);
  canvas.height = Math.floor(height * ratio);
  canvas.style.height = height + "px";
  const g = canvas.getContext("2d");
  g.scale(ratio, ratio);
  g.clearRect(0, 0, width, height);
  g.font = "11px system-ui, sans-serif";
  g.fillStyle = "#68717d";
  const plot = Math.max(50, width - label - 10);
  const x = (ms) => label + (ms / end) * plot;
  g.fillText("0 s", label, 12);
  g.fillText((end / 1000).toFixed(2) + " s", label + plot - 40, 12);
  const colourOf = {};
  [...nodes.keys()].forEach((n, i) => { colourOf[n] = NODE_COLOURS[i % NODE_COLOURS.length]; });
  lanes.forEach((lane, i) => {
    const y = top + i * (laneHeight + 2);
    g.fillStyle = "#68717d";
    if (laneHeight >= 12 || lane.first) g.fillText((lane.first ? lane.node + "  " : "") + lane.worker, 4, y + laneHeight - 3);
    if (lane.first && i > 0) { g.fillStyle = "#d9dee4"; g.fillRect(0, y - 1, width, 1); }
  });
  // Done first, then the marked ones over them, so a re-dispatch is never hidden under its redo.
  for (const pass of ["done", "marked"]) {
    for (const s of spans) {
      if ((s.outcome === "done") !== (pass === "done")) continue;
      const lane = nodes.get(s.node).get(s.worker);
      const y = top + lane * (laneHeight + 2);
      g.fillStyle = OUTCOME_COLOURS[s.outcome] || colourOf[s.node];
      g.fillRect(x(s.start_ms), y, Math.max(1, x(s.start_ms + s.duration_ms) - x(s.start_ms) - 0.5), laneHeight);
    }
  }
  // What the browser specs (and curious people) read: the drawn bars, counted per node.
  const summary = $("stream-summary");
  summary.dataset.jobId = state.selected === null ? "" : String(state.selected);
  summary.dataset.spans = String(spans.length);
  summary.dataset.nodes = JSON.stringify(perNode);
  summary.dataset.redispatched = String(redispatched);
  summary.dataset.failed = String(failed);
  summary.dataset.state = state.job ? state.job.state : "";
  const parts = Object.entries(perNode).map(([n, c]) => n + ": " + c);
  summary.textContent = spans.length === 0
    ? (state.selected === null ? "" : "no chunk has finished yet")
    : spans.length + " chunk attempts on " + lanes.length + " workers (" + parts.join(", ") + ")" +
      (redispatched ? ", " + redispatched + " re-dispatched" : "") + (failed ? ", " + failed + " failed" : "");
}

window.addEventListener("resize", queueDraw);
connectOverview();
