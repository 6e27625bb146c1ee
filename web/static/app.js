// coach: small enhancements on top of pages that work without script.
"use strict";

function player() { return document.getElementById("player"); }

// Marks, times and voice samples carry data-seek: play the recording from there.
let stopAt = null;
document.addEventListener("click", (ev) => {
  const el = ev.target.closest("[data-seek]");
  const audio = player();
  if (!el || !audio) return;
  ev.preventDefault();
  audio.currentTime = parseFloat(el.dataset.seek);
  stopAt = el.dataset.until ? parseFloat(el.dataset.until) : null;
  audio.play().catch(() => {});
  const href = el.getAttribute("href");
  if (href && href.startsWith("#turn-")) highlight(document.getElementById(href.slice(1)));
});

function highlight(line) {
  document.querySelectorAll(".line.current").forEach((l) => l.classList.remove("current"));
  if (line) line.classList.add("current");
}

// Clicking the timeline's background seeks to that moment.
document.addEventListener("click", (ev) => {
  const svg = ev.target.closest("svg.timeline");
  const audio = player();
  if (!svg || !audio || ev.target.closest("a")) return;
  const box = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const x = (ev.clientX - box.left) * (vb.width / box.width);
  const x0 = parseFloat(svg.dataset.x0), x1 = parseFloat(svg.dataset.x1);
  if (x < x0 || x > x1) return;
  audio.currentTime = ((x - x0) / (x1 - x0)) * parseFloat(svg.dataset.duration);
  audio.play().catch(() => {});
});

// Follow playback: a playhead on the timeline, the line being spoken in the transcript.
function follow() {
  const audio = player();
  if (!audio) return;
  const svg = document.querySelector("svg.timeline");
  const head = svg && svg.querySelector(".playhead");
  const lines = Array.from(document.querySelectorAll(".line[data-start]"));
  audio.addEventListener("timeupdate", () => {
    const t = audio.currentTime;
    if (stopAt !== null && t >= stopAt) { audio.pause(); stopAt = null; }
    if (head) {
      const x0 = parseFloat(svg.dataset.x0), x1 = parseFloat(svg.dataset.x1);
      const x = x0 + (x1 - x0) * Math.min(t / parseFloat(svg.dataset.duration), 1);
      head.setAttribute("x1", x); head.setAttribute("x2", x);
      head.setAttribute("visibility", "visible");
    }
    lines.forEach((l) => l.classList.toggle("playing", t >= +l.dataset.start && t < +l.dataset.end));
  });
}

// The analysis page: poll the progress, then go to the new session.
function pollJob() {
  const box = document.getElementById("job");
  if (!box || !box.querySelector("progress")) return;
  const bar = box.querySelector("progress"), stage = box.querySelector(".stage");
  const tick = async () => {
    let job;
    try { job = await (await fetch(box.dataset.poll, { cache: "no-store" })).json(); }
    catch (e) { setTimeout(tick, 2000); return; }
    if (job.url) { location.href = job.url; return; }
    if (job.error) { location.reload(); return; }
    bar.value = job.fraction;
    stage.textContent = `${job.stage_text}… (${Math.round(job.fraction * 100)}%)`;
    setTimeout(tick, 700);
  };
  tick();
}

// Uploads: show how much has been sent, then follow the server to the analysis page.
function uploadProgress() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const box = form.querySelector(".upload-progress");
    const bar = box.querySelector("progress"), text = box.querySelector("span");
    box.hidden = false;
    form.querySelector("button[type=submit]").disabled = true;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = e.loaded / e.total; };
    xhr.onload = () => {
      if (xhr.status < 400) { location.href = xhr.responseURL; return; }
      let msg = "The upload did not work.";
      try { msg = JSON.parse(xhr.responseText).detail || msg; } catch (e) { /* plain text */ msg = xhr.responseText || msg; }
      text.textContent = msg;
      form.querySelector("button[type=submit]").disabled = false;
    };
    xhr.onerror = () => { text.textContent = "The upload was interrupted."; };
    xhr.send(new FormData(form));
  });
}

// Recording: the elapsed time and the level, live.
function recorder() {
  const box = document.getElementById("recorder");
  if (!box) return;
  const elapsed = box.querySelector(".elapsed"), notice = box.querySelector(".rec-notice");
  const meters = box.querySelectorAll("meter.level");
  const tick = async () => {
    let st;
    try { st = await (await fetch(box.dataset.status, { cache: "no-store" })).json(); }
    catch (e) { setTimeout(tick, 1000); return; }
    if (!st.active) { location.reload(); return; }
    const s = Math.floor(st.elapsed_s);
    elapsed.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    st.levels.forEach((l, i) => { if (meters[i]) meters[i].value = Math.max(-60, l.peak_db); });
    if (st.notice) notice.textContent = st.notice;
    setTimeout(tick, 250);
  };
  tick();
}

// Comparing takes exactly two sessions.
function compareLimit() {
  const form = document.getElementById("compare-form");
  if (!form) return;
  form.addEventListener("change", () => {
    const boxes = Array.from(form.querySelectorAll("input[name=s]"));
    const ticked = boxes.filter((b) => b.checked).length;
    boxes.forEach((b) => { b.disabled = !b.checked && ticked >= 2; });
  });
}

document.addEventListener("DOMContentLoaded", () => { follow(); pollJob(); uploadProgress(); recorder(); compareLimit(); });
