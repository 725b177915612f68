// The ActorProc dashboard page: listens to /api/events (server-sent events, one JSON snapshot per
// sample) and redraws its tables and the throughput chart in place; the page is never reloaded.
// The browser's EventSource reconnects by itself when the stream drops; the badge in the header says so.
"use strict";

(() => {
  const $ = (selector) => document.querySelector(selector);
  const number = new Intl.NumberFormat("en-US");
  const svgNs = "http://www.w3.org/2000/svg";

  function cell(text, className) {
    const td = document.createElement("td");
    td.textContent = text;
    if (className) td.className = className;
    return td;
  }

  function fill(tbody, rows, columns, emptyText) {
    const fresh = document.createElement("tbody");
    if (rows.length === 0) {
      const tr = document.createElement("tr");
      tr.className = "empty";
      const td = cell(emptyText);
      td.colSpan = columns;
      tr.append(td);
      fresh.append(tr);
    }
    for (const row of rows) fresh.append(row);
    tbody.replaceWith(fresh);
  }

  function member(m) {
    const tr = document.createElement("tr");
    tr.dataset.member = m.address;
    if (!m.reachable) tr.className = "down";
    else if (m.status === "removed") tr.className = "left";
    const address = cell(m.address, "mono address");
    if (m.isSelf) {
      const self = document.createElement("span");
      self.className = "self";
      self.textContent = "(this dashboard)";
      address.append(self);
    }
    // A removed member keeps its last reachability: unreachable = it died and was downed; reachable = it left.
    const reachability = m.reachable ? (m.status === "removed" ? "left" : "reachable") : "unreachable";
    tr.append(address, cell(m.roles.join(", "), "roles"), cell(m.status, "status"), cell(reachability, "reachability " + reachability));
    return tr;
  }

  function shard(s) {
    const tr = document.createElement("tr");
    tr.dataset.node = s.address;
    tr.append(cell(s.address, "mono"), cell(number.format(s.jobShards), "num"), cell(number.format(s.partitionShards), "num"),
      cell(number.format(s.jobs), "num"), cell(number.format(s.partitions), "num"));
    return tr;
  }

  function progress(job) {
    const td = document.createElement("td");
    const box = document.createElement("div");
    box.className = "progress";
    const bar = document.createElement("progress");
    const done = job.succeeded + job.failed;
    bar.max = Math.max(job.total, 1);
    bar.value = done;
    bar.dataset.done = String(done);
    const label = document.createElement("span");
    label.className = "num progress-label";
    const percent = job.total === 0 ? 100 : Math.floor((100 * done) / job.total);
    label.textContent = `${number.format(done)} / ${number.format(job.total)} (${percent}%)`;
    box.append(bar, label);
    td.append(box);
    return td;
  }

  function job(j, recent) {
    const tr = document.createElement("tr");
    tr.dataset.job = j.id;
    tr.append(cell(j.id, "mono"), cell(j.task), cell(j.state, "state state-" + j.state), progress(j),
      cell(number.format(j.failed), "num failed"),
      recent ? cell(j.finishedAt ? new Date(j.finishedAt).toLocaleTimeString() : "") : cell(number.format(j.reexecuted), "num"));
    return tr;
  }

  function failure(f) {
    const tr = document.createElement("tr");
    tr.dataset.failure = `${f.jobId}#${f.index}`;
    tr.append(cell(f.jobId, "mono"), cell(f.index < 0 ? "(job)" : String(f.index), "num"),
      cell(f.input ?? "—", "mono input"), cell(f.error, "error"));
    return tr;
  }

  function svg(name, attributes, text) {
    const element = document.createElementNS(svgNs, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    if (text !== undefined) element.textContent = text;
    return element;
  }

  // A line chart of tasks/s against time, right edge = the newest sample; hand-written SVG, no library.
  function chart(points, windowMs) {
    const root = $("#throughput");
    const width = 640, height = 180, left = 48, right = 8, top = 10, bottom = 22;
    const plotW = width - left - right, plotH = height - top - bottom;
    const children = [];
    const now = points.length ? Date.parse(points[points.length - 1].time) : Date.now();
    const peak = Math.max(1, ...points.map((p) => p.tasksPerSecond));
    const scale = niceCeiling(peak);
    for (let i = 0; i <= 4; i++) {
      const y = top + plotH - (plotH * i) / 4;
      children.push(svg("line", { x1: left, x2: width - right, y1: y, y2: y, class: "grid" }));
      children.push(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end" }, compact(scale * i / 4)));
    }
    children.push(svg("line", { x1: left, x2: left, y1: top, y2: top + plotH, class: "axis" }));
    children.push(svg("line", { x1: left, x2: width - right, y1: top + plotH, y2: top + plotH, class: "axis" }));
    const minutes = windowMs / 60000;
    const columns = 5; // a 5-minute window reads as whole minutes
    for (let i = 0; i <= columns; i++) {
      const x = left + (plotW * i) / columns;
      const ago = Math.round(minutes * (1 - i / columns) * 600) / 600; // 0.9999… min reads as 1 min
      children.push(svg("text", { x, y: height - 6, "text-anchor": i === 0 ? "start" : i === columns ? "end" : "middle" },
        i === columns ? "now" : `−${ago >= 1 ? ago.toFixed(ago % 1 ? 1 : 0) + " min" : Math.round(ago * 60) + " s"}`));
    }
    if (points.length > 1) {
      const xy = points.map((p) => [left + plotW * (1 - (now - Date.parse(p.time)) / windowMs), top + plotH * (1 - p.tasksPerSecond / scale)]);
      const line = xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
      children.push(svg("polygon", { points: `${xy[0][0].toFixed(1)},${top + plotH} ${line} ${xy[xy.length - 1][0].toFixed(1)},${top + plotH}`, class: "area" }));
      children.push(svg("polyline", { points: line, class: "line" }));
    }
    const latest = points.length ? points[points.length - 1].tasksPerSecond : 0;
    $("#throughput-now").textContent = compact(latest);
    root.replaceChildren(...children);
  }

  function niceCeiling(value) {
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    // Steps whose quarters are round numbers: the grid has four rows.
    for (const step of [1, 2, 4, 10]) if (value <= step * power) return step * power;
    return 10 * power;
  }

  function compact(value) {
    if (value >= 1e6) return (value / 1e6).toFixed(1) + "M";
    if (value >= 1e4) return (value / 1e3).toFixed(0) + "k";
    if (value >= 10) return value.toFixed(0);
    if (value >= 1) return String(Number(value.toFixed(1)));
    return String(Number(value.toFixed(2)));
  }

  function render(snapshot) {
    const jobs = snapshot.jobs;
    $("#viewer").textContent = snapshot.viewer;
    $("#updated").textContent = "updated " + new Date(snapshot.time).toLocaleTimeString();
    document.body.dataset.sequence = String(snapshot.sequence);
    fill($("#members tbody"), snapshot.members.map(member), 4, "no members");
    fill($("#shards tbody"), jobs.shards.map(shard), 5, jobs.sampledAt ? "no worker answered" : "asking the workers…");
    fill($("#running tbody"), jobs.running.map((j) => job(j, false)), 6, "no job running");
    fill($("#recent tbody"), jobs.recent.map((j) => job(j, true)), 6, "no job finished since the dashboard started");
    fill($("#failures tbody"), jobs.failures.map(failure), 4, "no failed task seen");
    const error = $("#status-error");
    error.hidden = !jobs.error;
    error.textContent = jobs.error ?? "";
    const windowMs = snapshot.windowSeconds * 1000;
    $("#window").textContent = `${Math.round(windowMs / 60000)} min`;
    chart(jobs.throughput, windowMs);
  }

  const badge = $("#connection");
  function connect() {
    const events = new EventSource("api/events");
    events.addEventListener("open", () => {
      badge.textContent = "live";
      badge.className = "connection live";
    });
    events.addEventListener("error", () => {
      badge.textContent = "reconnecting…";
      badge.className = "connection offline";
    });
    events.addEventListener("snapshot", (e) => render(JSON.parse(e.data)));
  }

  connect();
})();
