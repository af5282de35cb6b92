// crosscheck's editor page: articles in, findings highlighted side by side.
//
// The page asks the API for UTF-16 offsets ("options": {"offsets": "utf16"}), which is how
// JavaScript strings index, so text.slice(start, end) is a mention's text even after emoji.
// Article text only ever reaches the page as DOM text nodes (never innerHTML).
"use strict";

(function () {
  const TYPE_LABELS = {
    numeric_mismatch: "Numbers",
    tense_shift: "Tense",
    negation_flip: "Negation",
    quote_mismatch: "Quotes",
  };
  const SEVERITIES = ["high", "medium", "low"];
  const SEVERITY_RANK = { high: 0, medium: 1, low: 2 };

  const body = document.body;
  const API = body.dataset.api || "/v1/compare";
  const EXAMPLE = body.dataset.example || "";

  const form = document.getElementById("compare-form");
  const inputs = document.getElementById("article-inputs");
  const inputPanel = document.getElementById("input-panel");
  const template = document.getElementById("article-input-template");
  const compareButton = document.getElementById("compare");
  const statusLine = document.getElementById("status");
  const apiKey = document.getElementById("api-key");
  const problemBox = document.getElementById("problem");
  const results = document.getElementById("results");
  const summaryBox = document.getElementById("summary");
  const findingsBox = document.getElementById("findings");
  const articleViews = document.getElementById("article-views");

  // What the last successful comparison sent and received; read by tests and by curious editors.
  const state = { request: null, report: null, articles: [], selected: null };
  window.crosscheckEditor = state;

  // ---- small DOM helpers -------------------------------------------------------------------

  // An element with classes, attributes and children; strings become text nodes.
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === "class") node.className = value;
        else if (key === "text") node.textContent = String(value);
        else if (key === "dataset") Object.assign(node.dataset, value);
        else node.setAttribute(key, value === true ? "" : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function typeLabel(type) {
    return TYPE_LABELS[type] || String(type).replace(/_/g, " ");
  }

  // Long text cut in the middle, so both ends stay readable.
  function shorten(text, max) {
    const t = String(text);
    if (t.length <= max) return t;
    const half = Math.floor((max - 1) / 2);
    return `${t.slice(0, half)}…${t.slice(t.length - half)}`;
  }

  function isScalar(v) {
    return v === null || ["string", "number", "boolean"].includes(typeof v);
  }

  function formatValue(v) {
    if (v === null || v === undefined) return "—";
    if (typeof v === "boolean") return v ? "yes" : "no";
    if (isScalar(v)) return String(v);
    if (Array.isArray(v) && v.every(isScalar)) return v.map(formatValue).join(" – ");
    return JSON.stringify(v);
  }

  // ---- the article inputs ------------------------------------------------------------------

  function inputCards() {
    return Array.from(inputs.querySelectorAll(".article-input"));
  }

  function renumber() {
    const cards = inputCards();
    cards.forEach((card, i) => {
      card.querySelector(".article-label").textContent = `Article ${i + 1}`;
      card.querySelector(".remove-article").disabled = cards.length <= 2;
    });
    document.getElementById("article-count").textContent = `(${cards.length})`;
  }

  function unusedId() {
    const taken = new Set(inputCards().map((c) => c.querySelector("[name=id]").value.trim()));
    let n = inputCards().length + 1;
    while (taken.has(`a${n}`)) n += 1;
    return `a${n}`;
  }

  function addArticle(article) {
    const card = template.content.firstElementChild.cloneNode(true);
    const a = article || {};
    card.querySelector("[name=id]").value = a.id !== undefined ? a.id : unusedId();
    card.querySelector("[name=title]").value = a.title || "";
    card.querySelector("[name=text]").value = a.text || "";
    card.querySelector(".remove-article").addEventListener("click", () => {
      if (inputCards().length > 2) {
        card.remove();
        renumber();
      }
    });
    inputs.append(card);
    renumber();
    return card;
  }

  function setArticles(articles) {
    inputs.replaceChildren();
    const list = articles.length >= 2 ? articles : [...articles, {}, {}].slice(0, Math.max(2, articles.length));
    list.forEach((a) => addArticle(a));
  }

  function readArticles() {
    return inputCards().map((card) => {
      const article = {};
      const id = card.querySelector("[name=id]").value.trim();
      const title = card.querySelector("[name=title]").value.trim();
      if (id) article.id = id;
      if (title) article.title = title;
      article.text = card.querySelector("[name=text]").value;
      return article;
    });
  }

  async function loadExample() {
    if (!EXAMPLE) {
      setArticles([]);
      return;
    }
    try {
      const res = await fetch(EXAMPLE, { headers: { Accept: "application/json" } });
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const example = await res.json();
      const articles = Array.isArray(example.articles) ? example.articles : [];
      setArticles(articles.map((a) => ({ id: a.id || "", title: a.title || "", text: a.text || "" })));
      statusLine.textContent = "";
    } catch (err) {
      setArticles([]);
      statusLine.textContent = `The example articles could not be loaded (${err.message}).`;
    }
  }

  // ---- calling the API ---------------------------------------------------------------------

  function setBusy(busy) {
    compareButton.disabled = busy;
    compareButton.setAttribute("aria-busy", busy ? "true" : "false");
    compareButton.textContent = busy ? "Comparing…" : "Compare";
    form.classList.toggle("busy", busy);
    if (busy) statusLine.textContent = "Comparing the articles…";
  }

  function requestHeaders() {
    const headers = { "Content-Type": "application/json", Accept: "application/json, application/problem+json" };
    // Kept in this page only; sent to this instance alone.
    const key = apiKey.value.trim();
    if (key) headers.Authorization = `Bearer ${key}`;
    return headers;
  }

  async function compare() {
    const articles = readArticles();
    const request = { articles, options: { offsets: "utf16" } };
    clearProblem();
    setBusy(true);
    const started = performance.now();
    try {
      const res = await fetch(API, {
        method: "POST",
        headers: requestHeaders(),
        body: JSON.stringify(request),
      });
      let data = null;
      try {
        data = await res.json();
      } catch (_) {
        data = null; // not JSON: reported below with the status
      }
      if (!res.ok) {
        showProblem(res.status, data);
        statusLine.textContent = "";
        if (res.status === 401) apiKey.focus();
        return;
      }
      state.request = request;
      state.report = data;
      state.articles = articles;
      renderReport(articles, data);
      const ms = Math.round(performance.now() - started);
      statusLine.textContent = `Compared ${articles.length} articles in ${ms} ms.`;
    } catch (err) {
      showProblem(0, { title: "The API could not be reached", detail: String(err && err.message ? err.message : err) });
      statusLine.textContent = "";
    } finally {
      setBusy(false);
    }
  }

  // ---- errors (application/problem+json) ---------------------------------------------------

  function clearProblem() {
    problemBox.hidden = true;
    problemBox.replaceChildren();
    for (const node of inputs.querySelectorAll(".invalid")) node.classList.remove("invalid");
  }

  function showProblem(status, problem) {
    const p = problem && typeof problem === "object" ? problem : {};
    const title = p.title || (status ? `The request failed (${status})` : "The request failed");
    const detail = p.detail || (status ? `The server answered ${status} without an explanation.` : "");
    problemBox.replaceChildren(
      el("h2", null, title, status ? el("span", { class: "muted" }, ` (${status})`) : null),
      detail ? el("p", { class: "problem-detail" }, detail) : null,
    );
    if (Array.isArray(p.errors) && p.errors.length) {
      const list = el("ul", { class: "field-errors" });
      for (const e of p.errors) {
        const messages = Array.isArray(e.messages) ? e.messages.join(" ") : formatValue(e.messages);
        list.append(el("li", null, el("code", null, e.field || "(body)"), " ", messages));
        markInvalid(e.field);
      }
      problemBox.append(list);
    }
    problemBox.hidden = false;
    inputPanel.open = true;
  }

  // "articles.1.text" -> the text area of the second article.
  function markInvalid(field) {
    const m = /^articles\.(\d+)(?:\.(\w+))?/.exec(field || "");
    if (!m) return;
    const card = inputCards()[Number(m[1])];
    if (!card) return;
    const input = (m[2] && card.querySelector(`[name="${m[2]}"]`)) || card;
    input.classList.add("invalid");
  }

  // ---- the report --------------------------------------------------------------------------

  function renderReport(articles, report) {
    const findings = Array.isArray(report.findings) ? report.findings : [];
    // The response lists the articles in request order with their ids (assigned when absent).
    const ids = articles.map((a, i) => {
      const listed = Array.isArray(report.articles) ? report.articles[i] : null;
      return listed && listed.id !== undefined ? String(listed.id) : a.id || `a${i + 1}`;
    });
    state.selected = null;
    renderSummary(report, findings);
    renderFindings(findings, ids, articles);
    renderArticles(articles, ids, findings);
    results.hidden = false;
    inputPanel.open = false;
  }

  function renderSummary(report, findings) {
    const counts = { high: 0, medium: 0, low: 0 };
    for (const f of findings) if (f.severity in counts) counts[f.severity] += 1;
    const parts = SEVERITIES.filter((s) => counts[s]).map((s) =>
      el("span", { class: `badge sev-${s}` }, `${counts[s]} ${s}`),
    );
    const checks = report.summary && Array.isArray(report.summary.checks) ? report.summary.checks : [];
    summaryBox.replaceChildren(
      el("strong", null, findings.length === 1 ? "1 finding" : `${findings.length} findings`),
      " ",
      ...parts,
      checks.length ? el("span", { class: "muted" }, ` · checks: ${checks.join(", ")}`) : null,
    );
    if (Array.isArray(report.notices)) {
      for (const n of report.notices) summaryBox.append(el("p", { class: "notice" }, String(n)));
    }
  }

  function renderFindings(findings, ids, articles) {
    findingsBox.replaceChildren();
    if (!findings.length) {
      findingsBox.append(el("p", { class: "muted" }, "No inconsistencies found between these articles."));
      return;
    }
    const names = {};
    ids.forEach((id, i) => {
      names[id] = articles[i].title || id;
    });
    const types = Object.keys(TYPE_LABELS);
    for (const f of findings) if (!types.includes(f.type)) types.push(f.type);
    for (const type of types) {
      const ofType = findings.map((f, index) => ({ f, index })).filter(({ f }) => f.type === type);
      if (!ofType.length) continue;
      const group = el("section", { class: `finding-group type-${type}` },
        el("h3", null, el("span", { class: `swatch type-${type}` }), `${typeLabel(type)} (${ofType.length})`));
      const severities = [...SEVERITIES];
      for (const { f } of ofType) if (!severities.includes(f.severity)) severities.push(f.severity);
      for (const severity of severities) {
        const items = ofType.filter(({ f }) => f.severity === severity);
        if (!items.length) continue;
        const list = el("ul", { class: "finding-list", "aria-label": `${typeLabel(type)}, ${severity}` });
        for (const { f, index } of items) list.append(findingItem(f, index, names));
        group.append(el("h4", { class: `severity-heading sev-${severity}` }, severity), list);
      }
      findingsBox.append(group);
    }
  }

  function findingItem(f, index, names) {
    const item = el("li", {
      class: `finding type-${f.type} sev-${f.severity}`,
      tabindex: "0",
      role: "button",
      "aria-pressed": "false",
      dataset: { index: String(index), findingId: f.id || "" },
    },
    el("div", { class: "finding-head" },
      el("span", { class: `badge sev-${f.severity}` }, f.severity),
      typeof f.confidence === "number"
        ? el("span", { class: "confidence", title: "confidence" }, `${Math.round(f.confidence * 100)}%`)
        : null),
    el("p", { class: "finding-message" }, f.message || typeLabel(f.type)),
    );
    const mentions = Array.isArray(f.mentions) ? f.mentions : [];
    if (mentions.length) {
      item.append(el("ul", { class: "mention-list" },
        mentions.map((m) => el("li", null,
          el("span", { class: "article-name" }, names[m.article_id] || m.article_id), ": ",
          el("q", { title: m.text }, shorten(m.text, 90))))));
    }
    const details = renderDetails(f, names);
    if (details) item.append(details);
    item.addEventListener("click", (event) => {
      if (event.target.closest("summary")) return; // opening the raw details is not a selection
      selectFinding(index);
    });
    item.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        selectFinding(index);
      }
    });
    return item;
  }

  // ---- finding details, by type; unknown shapes fall back to a plain listing ---------------

  function renderDetails(f, names) {
    const d = f.details && typeof f.details === "object" ? f.details : {};
    const box = el("div", { class: "finding-details" });
    const shown = new Set();
    if (d.values && typeof d.values === "object" && !Array.isArray(d.values)) {
      box.append(valuesTable(d, names));
      shown.add("values");
      shown.add("written");
    }
    const diffs = collectDiffs(d, names);
    if (diffs.length) {
      for (const { label, runs } of diffs) box.append(diffView(runs, label));
      shown.add("diff");
      shown.add("diffs");
    }
    shown.add("quotes"); // the quoted words are the mentions, listed above
    const more = el("div", { class: "more" });
    const rest = el("dl", { class: "detail-list" });
    for (const [key, value] of Object.entries(d)) {
      if (shown.has(key)) continue;
      if (isRecordMap(value)) {
        more.append(recordTable(key, value, names));
        continue;
      }
      if (isScalar(value) || (Array.isArray(value) && value.every(isScalar))) {
        rest.append(el("dt", null, key.replace(/_/g, " ")), el("dd", null, formatValue(value)));
      } else if (value && typeof value === "object" && !Array.isArray(value) &&
                 Object.values(value).every(isScalar)) {
        const parts = Object.entries(value).map(([k, v]) => `${names[k] || k}: ${formatValue(v)}`);
        rest.append(el("dt", null, key.replace(/_/g, " ")), el("dd", null, parts.join("; ")));
      }
    }
    if (rest.childElementCount) more.prepend(rest);
    if (more.childElementCount) box.append(more);
    const raw = el("details", { class: "raw" }, el("summary", null, "details as JSON"),
      el("pre", null, JSON.stringify(d, null, 2)));
    box.append(raw);
    return box;
  }

  // {article id: {field: scalar, ...}, ...}, such as a tense finding's versions.
  function isRecordMap(value) {
    if (!value || typeof value !== "object" || Array.isArray(value)) return false;
    const records = Object.values(value);
    return records.length > 0 && records.every((r) =>
      r && typeof r === "object" && !Array.isArray(r) && Object.values(r).every(isScalar));
  }

  function recordTable(key, value, names) {
    const columns = [];
    for (const record of Object.values(value)) {
      for (const k of Object.keys(record)) if (!columns.includes(k)) columns.push(k);
    }
    const table = el("table", { class: "records" },
      el("caption", null, key.replace(/_/g, " ")),
      el("thead", null, el("tr", null, el("th", null, "article"), columns.map((c) => el("th", null, c)))));
    const tbody = el("tbody");
    for (const [aid, record] of Object.entries(value)) {
      tbody.append(el("tr", null, el("td", null, names[aid] || aid),
        columns.map((c) => el("td", null, record[c] === undefined ? "" : formatValue(record[c])))));
    }
    table.append(tbody);
    return table;
  }

  function valuesTable(d, names) {
    const written = d.written && typeof d.written === "object" ? d.written : {};
    const table = el("table", { class: "values" },
      el("thead", null, el("tr", null, el("th", null, "article"), el("th", null, "value"),
        el("th", null, "as written"))));
    const tbody = el("tbody");
    for (const [aid, value] of Object.entries(d.values)) {
      tbody.append(el("tr", null, el("td", null, names[aid] || aid), el("td", { class: "num" }, formatValue(value)),
        el("td", null, written[aid] !== undefined ? formatValue(written[aid]) : "")));
    }
    table.append(tbody);
    return table;
  }

  // A diff is a list of runs {op, a, b}; accept it at details.diff, or several at details.diffs.
  function collectDiffs(d, names) {
    const out = [];
    const label = (entry) => {
      const a = entry && (entry.a_id || entry.article_a || entry.a);
      const b = entry && (entry.b_id || entry.article_b || entry.b);
      return typeof a === "string" && typeof b === "string" ? `${names[a] || a} → ${names[b] || b}` : "";
    };
    const pair = Array.isArray(d.articles) && d.articles.length === 2 ? d.articles.map(String) : null;
    const pairLabel = pair ? `${names[pair[0]] || pair[0]} → ${names[pair[1]] || pair[1]}:` : "";
    if (Array.isArray(d.diff)) out.push({ label: pairLabel, runs: d.diff });
    else if (d.diff && typeof d.diff === "object" && Array.isArray(d.diff.runs)) {
      out.push({ label: label(d.diff), runs: d.diff.runs });
    }
    if (Array.isArray(d.diffs)) {
      for (const entry of d.diffs) {
        if (Array.isArray(entry)) out.push({ label: "", runs: entry });
        else if (entry && Array.isArray(entry.diff)) out.push({ label: label(entry), runs: entry.diff });
        else if (entry && Array.isArray(entry.runs)) out.push({ label: label(entry), runs: entry.runs });
      }
    }
    return out.filter(({ runs }) => runs.length);
  }

  function words(x) {
    if (x === undefined || x === null) return "";
    if (Array.isArray(x)) return x.map((w) => (isScalar(w) ? String(w) : "")).join(" ");
    return isScalar(x) ? String(x) : "";
  }

  // A long unchanged stretch keeps a few words next to each change; the rest is an ellipsis.
  function collapse(text, first, last) {
    const w = text.split(" ");
    const keep = 4;
    if (w.length <= 2 * keep + 1) return text;
    const head = first ? [] : w.slice(0, keep);
    const tail = last ? [] : w.slice(w.length - keep);
    const span = el("span", { class: "elided", title: text }, [...head, "…", ...tail].join(" "));
    return span;
  }

  function diffView(runs, label) {
    const line = el("p", { class: "diff" });
    if (label) line.append(el("span", { class: "diff-label" }, label), " ");
    runs.forEach((run, i) => {
      if (!run || typeof run !== "object") return;
      if (i > 0) line.append(" ");
      const a = words(run.a);
      const b = words(run.b);
      const op = run.op || run.tag || "equal";
      if (op === "equal") line.append(collapse(a || b, i === 0, i === runs.length - 1));
      else if (op === "delete") line.append(el("del", { title: "only in the first" }, a));
      else if (op === "insert") line.append(el("ins", { title: "only in the second" }, b));
      else {
        if (a) line.append(el("del", null, a));
        if (a && b) line.append(" ");
        if (b) line.append(el("ins", null, b));
      }
    });
    return line;
  }

  // ---- the articles with highlights --------------------------------------------------------

  // Cut the text at every mention boundary; each segment carries the mentions covering it, so
  // overlapping mentions never nest or cross. A key is "<finding index>:<mention index>".
  function segments(text, ranges) {
    const cuts = new Set([0, text.length]);
    for (const r of ranges) {
      cuts.add(r.start);
      cuts.add(r.end);
    }
    const points = [...cuts].sort((x, y) => x - y);
    const out = [];
    for (let i = 0; i + 1 < points.length; i += 1) {
      const start = points[i];
      const end = points[i + 1];
      const covering = ranges.filter((r) => r.start <= start && r.end >= end);
      out.push({ start, end, covering });
    }
    return out;
  }

  function renderArticles(articles, ids, findings) {
    articleViews.replaceChildren();
    articleViews.style.setProperty("--columns", String(Math.min(articles.length, 3)));
    articles.forEach((article, i) => {
      const id = ids[i];
      const text = article.text;
      const ranges = [];
      findings.forEach((f, fi) => {
        (Array.isArray(f.mentions) ? f.mentions : []).forEach((m, mi) => {
          if (String(m.article_id) !== id) return;
          const start = Math.max(0, Math.min(text.length, Number(m.start)));
          const end = Math.max(0, Math.min(text.length, Number(m.end)));
          if (!(end > start)) return;
          ranges.push({ start, end, key: `${fi}:${mi}`, finding: f, index: fi });
        });
      });
      const textBox = el("div", { class: "article-text", tabindex: "0" });
      for (const seg of segments(text, ranges)) {
        const piece = text.slice(seg.start, seg.end);
        if (!seg.covering.length) {
          textBox.append(document.createTextNode(piece));
          continue;
        }
        textBox.append(highlight(piece, seg.covering));
      }
      const counted = new Set(ranges.map((r) => r.index)).size;
      const view = el("article", { class: "article-view", dataset: { articleId: id } },
        el("header", null,
          el("h2", null, article.title || id),
          el("p", { class: "muted" }, article.title ? `${id} · ` : "", `${counted} ${counted === 1 ? "finding" : "findings"}`)),
        textBox);
      articleViews.append(view);
    });
  }

  function highlight(piece, covering) {
    // The most severe finding decides the colour; the others are listed in the tooltip.
    const sorted = [...covering].sort((x, y) =>
      (SEVERITY_RANK[x.finding.severity] ?? 9) - (SEVERITY_RANK[y.finding.severity] ?? 9) || x.index - y.index);
    const top = sorted[0].finding;
    const indexes = [...new Set(sorted.map((r) => r.index))];
    const mark = el("mark", {
      class: `hl type-${top.type} sev-${top.severity}${indexes.length > 1 ? " overlap" : ""}`,
      title: [...new Set(sorted.map((r) => `${r.finding.severity}: ${r.finding.message || typeLabel(r.finding.type)}`))]
        .join("\n"),
      dataset: { keys: sorted.map((r) => r.key).join(" "), findings: indexes.join(" ") },
    }, piece);
    mark.addEventListener("click", () => {
      // Repeated clicks on overlapping mentions cycle through their findings.
      const at = indexes.indexOf(state.selected);
      selectFinding(indexes[(at + 1) % indexes.length]);
    });
    return mark;
  }

  function selectFinding(index) {
    state.selected = index;
    for (const node of document.querySelectorAll(".hl.active")) node.classList.remove("active");
    for (const node of findingsBox.querySelectorAll(".finding.selected")) {
      node.classList.remove("selected");
      node.setAttribute("aria-pressed", "false");
    }
    const item = findingsBox.querySelector(`.finding[data-index="${index}"]`);
    if (item) {
      item.classList.add("selected");
      item.setAttribute("aria-pressed", "true");
      item.scrollIntoView({ block: "nearest" });
    }
    for (const view of articleViews.querySelectorAll(".article-view")) {
      const marks = Array.from(view.querySelectorAll(".hl")).filter((m) =>
        m.dataset.findings.split(" ").includes(String(index)));
      for (const m of marks) m.classList.add("active");
      if (marks.length) scrollWithin(view.querySelector(".article-text"), marks[0]);
    }
    const first = articleViews.querySelector(".hl.active");
    if (first) {
      const r = first.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) articleViews.scrollIntoView({ block: "start" });
    }
  }

  // Scroll one article's box (not the whole page) so the mark sits a third of the way down.
  function scrollWithin(box, mark) {
    const offset = mark.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += offset - box.clientHeight / 3;
  }

  // ---- wiring ------------------------------------------------------------------------------

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!compareButton.disabled) compare();
  });
  document.getElementById("add-article").addEventListener("click", () => {
    addArticle().querySelector("textarea").focus();
    inputPanel.open = true;
  });
  document.getElementById("load-example").addEventListener("click", () => {
    inputPanel.open = true;
    loadExample();
  });

  loadExample().then(() => {
    body.dataset.ready = "true";
  });
})();
