/* thucydides web page: dyad chart, actor network, event map, annotated document.
 *
 * Everything shown comes from the JSON API of the same server. Data is hostile input (the
 * text of news pages), so the DOM is built with createElement and textContent only: no data
 * ever reaches innerHTML, an event-handler attribute or a URL other than our own "#/..."
 * routes (built with encodeURIComponent) and http(s) source links.
 */
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const QUADS = ["neutral", "verbal cooperation", "material cooperation", "verbal conflict",
  "material conflict"];

/* ---------- DOM helpers ---------- */

function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) throw new Error("event handlers are added with addEventListener");
    node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function route(view, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return "#/" + view.split("/").map(encodeURIComponent).join("/") + (text ? "?" + text : "");
}

function docLink(docId, sentence, label) {
  return el("a", {href: route("doc/" + docId, {s: sentence}), class: "doc-link"}, label);
}

function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

function fmt(number, digits) {
  return number === null || number === undefined ? "" : Number(number).toFixed(digits);
}

function quadLabel(quad) {
  return quad === null || quad === undefined ? "" : `${quad} ${QUADS[quad] || ""}`;
}

function toneClass(goldstein) {
  if (goldstein === null || goldstein === undefined) return "tone-none";
  return goldstein > 0.5 ? "tone-coop" : goldstein < -0.5 ? "tone-conflict" : "tone-neutral";
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  const response = await fetch("/api/" + path + (text ? "?" + text : ""));
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.detail)
      ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
      : body.detail || response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

function showError(container, error) {
  container.append(el("p", {class: "error", role: "alert"}, String(error.message || error)));
}

/* ---------- event table (dyad view, map view) ---------- */

function eventTable(events) {
  if (!events.length) return el("p", {class: "empty"}, "No events.");
  const head = el("tr", {}, ["Date", "Type", "Actor", "Recipient", "Sentence", "Place", ""]
    .map((h) => el("th", {}, h)));
  const rows = events.map((e) => el("tr", {class: toneClass(e.goldstein)},
    el("td", {class: "nowrap"}, e.date || e.date_value || ""),
    el("td", {title: quadLabel(e.quad_class)}, e.event, el("br"),
      el("small", {}, `Goldstein ${fmt(e.goldstein, 1)}`)),
    el("td", {}, e.actor_name || e.actor || ""),
    el("td", {}, e.recipient_name || e.recipient || ""),
    el("td", {class: "sentence"}, sentenceWithTrigger(e)),
    el("td", {}, e.place || ""),
    el("td", {}, docLink(e.doc_id, e.sentence, "document"))));
  return el("table", {class: "events"}, el("thead", {}, head), el("tbody", {}, rows));
}

function sentenceWithTrigger(e) {
  const text = e.sentence_text || "";
  const start = e.trigger_start - e.sentence_start;
  const end = e.trigger_end - e.sentence_start;
  if (!(start >= 0 && end <= text.length && start < end)) return text;
  return [text.slice(0, start), el("mark", {class: "trigger"}, text.slice(start, end)),
    text.slice(end)];
}

/* ---------- dyad view ---------- */

async function dyadView(container, params) {
  const interval = params.get("interval") || "week";
  let actor = params.get("actor"), recipient = params.get("recipient");
  const actorsRequest = api("actors", {limit: 200}).then((body) => body.actors);
  if (!actor || !recipient) {
    const actors = await actorsRequest;
    actor = actor || (actors[0] && actors[0].code) || "";
    recipient = recipient || (actors.find((a) => a.code !== actor) || {}).code || "";
  }
  const form = dyadForm(actor, recipient, interval);
  container.append(el("h2", {}, "Dyad: cooperation and conflict over time"), form.node);
  actorsRequest.then(form.fill, () => null);
  if (!actor || !recipient) {
    container.append(el("p", {class: "empty"}, "No actors in the store yet."));
    return;
  }
  const [series, events] = await Promise.all([
    api("dyad", {actor, recipient, interval}),
    api("events", {actor, recipient, limit: 200}),
  ]);
  container.append(
    el("section", {class: "chart", id: "dyad-chart"}, dyadChart(series)),
    el("h3", {}, `Events ${actor} → ${recipient}`,
      el("small", {}, ` (${events.events.length} shown)`)),
    eventTable(events.events));
  await actorsRequest;
}

/* The pair picker: shows the current pair at once, and every actor once they arrive. */
function dyadForm(actor, recipient, interval) {
  const actorSelect = el("select", {name: "actor", id: "dyad-actor"},
    el("option", {value: actor}, actor));
  const recipientSelect = el("select", {name: "recipient", id: "dyad-recipient"},
    el("option", {value: recipient}, recipient));
  const intervalSelect = el("select", {name: "interval", id: "dyad-interval"},
    ["day", "week", "month"].map((i) => el("option",
      {value: i, selected: i === interval ? "selected" : null}, i)));
  const swap = el("button", {type: "button"}, "⇄ swap");
  const node = el("form", {class: "controls"},
    el("label", {}, "Actor ", actorSelect), swap,
    el("label", {}, "Recipient ", recipientSelect),
    el("label", {}, "Per ", intervalSelect),
    el("button", {type: "submit"}, "Show"));
  const go = () => {
    location.hash = route("dyad", {actor: actorSelect.value, recipient: recipientSelect.value,
      interval: intervalSelect.value});
  };
  node.addEventListener("submit", (event) => { event.preventDefault(); go(); });
  swap.addEventListener("click", () => {
    [actorSelect.value, recipientSelect.value] = [recipientSelect.value, actorSelect.value];
    go();
  });
  const fill = (actors) => {
    for (const [select, selected] of [[actorSelect, actor], [recipientSelect, recipient]]) {
      const codes = actors.map((a) => a.code);
      const options = actors.map((a) => el("option", {value: a.code},
        `${a.code} (${a.as_actor + a.as_recipient})`));
      if (!codes.includes(selected)) options.unshift(el("option", {value: selected}, selected));
      select.replaceChildren(...options);
      select.value = selected;
    }
  };
  return {node, fill};
}

function dyadChart(series) {
  const periods = series.periods;
  if (!periods.length) return el("p", {class: "empty"}, "No dated events for this pair.");
  const width = 960, height = 300, left = 48, right = 56, top = 16, bottom = 36;
  const plotW = width - left - right, mid = top + (height - top - bottom) / 2;
  const half = (height - top - bottom) / 2;
  const coop = periods.map((p) => p.quad1 + p.quad2);
  const conflict = periods.map((p) => p.quad3 + p.quad4);
  const maxCount = Math.max(1, ...coop, ...conflict);
  const maxGold = Math.max(1, ...periods.map((p) => Math.abs(p.goldstein_sum)));
  const step = plotW / periods.length, barW = Math.max(1, step * 0.7);
  const x = (i) => left + i * step + (step - barW) / 2;
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height}`, class: "dyad",
    role: "img", "aria-label": `${series.actor} to ${series.recipient} per ${series.interval}`});
  chart.append(svg("line", {x1: left, x2: width - right, y1: mid, y2: mid, class: "axis"}));
  periods.forEach((p, i) => {
    const label = `${p.period}: ${coop[i]} cooperative, ${conflict[i]} conflictual, ` +
      `Goldstein sum ${fmt(p.goldstein_sum, 1)}`;
    stackBar(chart, x(i), barW, mid, -1, half / maxCount, [p.quad1, p.quad2],
      ["q1", "q2"], label);
    stackBar(chart, x(i), barW, mid, 1, half / maxCount, [p.quad3, p.quad4],
      ["q3", "q4"], label);
  });
  const points = periods.map((p, i) =>
    `${(x(i) + barW / 2).toFixed(1)},${(mid - p.goldstein_sum / maxGold * half).toFixed(1)}`);
  chart.append(svg("polyline", {points: points.join(" "), class: "goldstein"}));
  chartAxes(chart, {periods, left, right, width, height, top, bottom, mid, maxCount, maxGold,
    step});
  return [chart, chartLegend()];
}

function stackBar(chart, x, width, base, direction, scale, counts, classes, label) {
  let offset = 0;
  counts.forEach((count, k) => {
    if (!count) return;
    const h = count * scale;
    const y = direction < 0 ? base - offset - h : base + offset;
    chart.append(svg("rect", {x: x.toFixed(1), y: y.toFixed(1), width: width.toFixed(1),
      height: h.toFixed(1), class: "bar " + classes[k]}, svg("title", {}, label)));
    offset += h;
  });
}

function chartAxes(chart, g) {
  const ticks = Math.min(g.periods.length, 8);
  for (let t = 0; t < ticks; t++) {
    const i = Math.round(t * (g.periods.length - 1) / Math.max(1, ticks - 1));
    chart.append(svg("text", {x: g.left + (i + 0.5) * g.step, y: g.height - 12,
      class: "tick", "text-anchor": "middle"}, g.periods[i].period));
  }
  chart.append(
    svg("text", {x: g.left - 6, y: g.top + 10, class: "tick", "text-anchor": "end"},
      g.maxCount),
    svg("text", {x: g.left - 6, y: g.mid + 4, class: "tick", "text-anchor": "end"}, 0),
    svg("text", {x: g.left - 6, y: g.height - g.bottom, class: "tick", "text-anchor": "end"},
      g.maxCount),
    svg("text", {x: g.width - g.right + 6, y: g.top + 10, class: "tick gold"},
      "+" + fmt(g.maxGold, 0)),
    svg("text", {x: g.width - g.right + 6, y: g.height - g.bottom, class: "tick gold"},
      "−" + fmt(g.maxGold, 0)),
    svg("text", {x: 4, y: g.top + 24, class: "axis-label"}, "coop."),
    svg("text", {x: 4, y: g.height - g.bottom - 14, class: "axis-label"}, "conflict"));
}

function chartLegend() {
  const items = [["q1", "verbal cooperation"], ["q2", "material cooperation"],
    ["q3", "verbal conflict"], ["q4", "material conflict"], ["gold", "Goldstein sum (right scale)"]];
  return el("ul", {class: "legend"}, items.map(([cls, label]) =>
    el("li", {}, el("span", {class: "swatch " + cls}), label)));
}

/* ---------- network view ---------- */

async function networkView(container) {
  const data = await api("network", {nodes: 30});
  container.append(el("h2", {}, "Who acts on whom"),
    el("p", {class: "hint"}, `Actors sized by events, arrows from actor to recipient, ` +
      `thicker for more events, coloured by mean Goldstein score (from ${data.scanned} ` +
      `events). Click an arrow to see that dyad.`));
  if (!data.nodes.length) {
    container.append(el("p", {class: "empty"}, "No events yet."));
    return;
  }
  container.append(el("section", {class: "chart", id: "network"}, networkChart(data)));
}

function networkChart(data) {
  const size = 720, centre = size / 2, ring = size / 2 - 70;
  const maxEvents = Math.max(...data.nodes.map((n) => n.events));
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
  const place = new Map(data.nodes.map((n, i) => {
    const angle = -Math.PI / 2 + 2 * Math.PI * i / data.nodes.length;
    const r = 6 + 22 * Math.sqrt(n.events / maxEvents);
    return [n.id, {x: centre + ring * Math.cos(angle), y: centre + ring * Math.sin(angle), r,
      angle, node: n}];
  }));
  const chart = svg("svg", {viewBox: `0 0 ${size} ${size}`, class: "network", role: "img",
    "aria-label": "actor network"});
  chart.append(svg("defs", {}, ["tone-coop", "tone-conflict", "tone-neutral"].map((tone) =>
    svg("marker", {id: "arrow-" + tone, viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse", class: tone},
    svg("path", {d: "M0,0L10,5L0,10z"})))));
  for (const edge of data.edges) chart.append(networkEdge(edge, place, maxEdge));
  for (const p of place.values()) chart.append(networkNode(p));
  return chart;
}

function networkEdge(edge, place, maxEdge) {
  const a = place.get(edge.source), b = place.get(edge.target);
  const dx = b.x - a.x, dy = b.y - a.y, length = Math.hypot(dx, dy) || 1;
  const bend = 0.12 * length;
  const mx = (a.x + b.x) / 2 - dy / length * bend, my = (a.y + b.y) / 2 + dx / length * bend;
  const sx = a.x + (mx - a.x) * a.r / Math.hypot(mx - a.x, my - a.y);
  const sy = a.y + (my - a.y) * a.r / Math.hypot(mx - a.x, my - a.y);
  const ex = b.x + (mx - b.x) * (b.r + 2) / Math.hypot(mx - b.x, my - b.y);
  const ey = b.y + (my - b.y) * (b.r + 2) / Math.hypot(mx - b.x, my - b.y);
  const tone = toneClass(edge.goldstein_mean);
  const width = 1 + 5 * Math.sqrt(edge.events / maxEdge);
  const link = svg("a", {href: route("dyad", {actor: edge.source, recipient: edge.target}),
    class: "edge " + tone},
  svg("path", {d: `M${sx.toFixed(1)},${sy.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ` +
    `${ex.toFixed(1)},${ey.toFixed(1)}`, "stroke-width": width.toFixed(1),
  "marker-end": `url(#arrow-${tone === "tone-none" ? "tone-neutral" : tone})`},
  svg("title", {}, `${edge.source} → ${edge.target}: ${edge.events} events, ` +
    `mean Goldstein ${fmt(edge.goldstein_mean, 1)}`)));
  return link;
}

function networkNode(p) {
  const outward = Math.cos(p.angle) >= 0 ? "start" : "end";
  const lx = p.x + Math.cos(p.angle) * (p.r + 6), ly = p.y + Math.sin(p.angle) * (p.r + 6) + 4;
  return svg("g", {class: "node", "data-code": p.node.id},
    svg("circle", {cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: p.r.toFixed(1)},
      svg("title", {}, `${p.node.id}: ${p.node.events} events`)),
    svg("text", {x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": outward}, p.node.id));
}

/* ---------- map view ---------- */

async function mapView(container, params) {
  const country = params.get("country") || "";
  const data = await api("places", {points: 300});
  container.append(el("h2", {}, "Where events happen"),
    el("p", {class: "hint"}, `Event places (from ${data.scanned} placed events), sized by ` +
      "events and coloured by mean Goldstein score. Click a place for its country's events."));
  container.append(el("section", {class: "chart", id: "map"}, mapChart(data.places)));
  if (country) {
    const events = await api("events", {place_country: country, limit: 100});
    container.append(el("h3", {}, `Events placed in ${country}`), eventTable(events.events));
  } else {
    container.append(placeTable(data.places));
  }
}

function mapChart(places) {
  const chart = svg("svg", {viewBox: "0 0 360 180", class: "map", role: "img",
    "aria-label": "map of event locations"},
  svg("rect", {x: 0, y: 0, width: 360, height: 180, class: "sea"}),
  svg("image", {href: "/static/world.svg", x: 0, y: 0, width: 360, height: 180}));
  for (let lon = -150; lon < 180; lon += 30) {
    chart.append(svg("line", {x1: lon + 180, x2: lon + 180, y1: 0, y2: 180, class: "grid"}));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    chart.append(svg("line", {x1: 0, x2: 360, y1: 90 - lat, y2: 90 - lat, class: "grid"}));
  }
  const maxEvents = Math.max(1, ...places.map((p) => p.events));
  places.forEach((p, i) => {
    const x = p.lon + 180, y = 90 - p.lat, r = 0.8 + 3.2 * Math.sqrt(p.events / maxEvents);
    const point = svg("a", {href: route("map", {country: p.country}), class: "place",
      "data-place": p.place},
    svg("circle", {cx: x.toFixed(2), cy: y.toFixed(2), r: r.toFixed(2),
      class: toneClass(p.goldstein_mean)},
    svg("title", {}, `${p.place} (${p.country || "?"}): ${p.events} events, ` +
      `mean Goldstein ${fmt(p.goldstein_mean, 1)}`)));
    if (i < 25) {
      point.append(svg("text", {x: (x + r + 0.8).toFixed(2), y: (y + 1.2).toFixed(2)},
        p.place));
    }
    chart.append(point);
  });
  return chart;
}

function placeTable(places) {
  if (!places.length) return el("p", {class: "empty"}, "No placed events.");
  return el("table", {class: "places"},
    el("thead", {}, el("tr", {}, ["Place", "Country", "Events", "Mean Goldstein"]
      .map((h) => el("th", {}, h)))),
    el("tbody", {}, places.slice(0, 50).map((p) => el("tr", {},
      el("td", {}, el("a", {href: route("map", {country: p.country})}, p.place)),
      el("td", {}, p.country || ""), el("td", {}, p.events),
      el("td", {}, fmt(p.goldstein_mean, 1))))));
}

/* ---------- quotations view ---------- */

async function quotesView(container, params) {
  const speaker = params.get("speaker") || "", contains = params.get("contains") || "";
  const speakerInput = el("input", {name: "speaker", value: speaker, placeholder: "speaker"});
  const containsInput = el("input", {name: "contains", value: contains,
    placeholder: "words in the quotation"});
  const form = el("form", {class: "controls"}, speakerInput, containsInput,
    el("button", {type: "submit"}, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = route("quotes", {speaker: speakerInput.value,
      contains: containsInput.value});
  });
  const data = await api("quotes", {speaker, contains, limit: 200});
  container.append(el("h2", {}, "Who said what"), form);
  if (!data.quotes.length) {
    container.append(el("p", {class: "empty"}, "No quotations."));
    return;
  }
  container.append(el("table", {class: "quotes"},
    el("thead", {}, el("tr", {}, ["Date", "Speaker", "Quotation", "Type", ""]
      .map((h) => el("th", {}, h)))),
    el("tbody", {}, data.quotes.map((q) => el("tr", {},
      el("td", {class: "nowrap"}, q.date || ""), el("td", {}, q.speaker || ""),
      el("td", {class: "quote-text"}, q.content || ""), el("td", {}, q.type),
      el("td", {}, docLink(q.doc_id, q.sentence, "document")))))));
}

/* ---------- document view ---------- */

async function documentView(container, docId, params) {
  const doc = await api("documents/" + encodeURIComponent(docId));
  const url = safeUrl(doc.url);
  const meta = el("p", {class: "meta"},
    [doc.date, doc.site, doc.author].filter(Boolean).join(" · "),
    url ? [" · ", el("a", {href: url, rel: "noopener noreferrer nofollow"}, "source")] :
      doc.url ? ` · ${doc.url}` : null);
  const article = el("article", {id: "article"}, documentText(doc));
  const side = el("aside", {id: "coded"}, el("h3", {}, `Events (${doc.events.length})`),
    eventList(doc), el("h3", {}, `Quotations (${doc.quotes.length})`), quoteList(doc));
  container.append(el("h2", {}, doc.title || doc.doc_id), meta, highlightLegend(),
    el("div", {class: "document"}, article, side));
  const sentence = params.get("s");
  if (sentence !== null && sentence !== "") focusSentence(Number(sentence), false);
}

function documentMarks(doc) {
  const marks = [];
  const add = (span, cls, title) => {
    if (span && span.start !== null && span.end !== null && span.start < span.end) {
      marks.push({start: span.start, end: span.end, cls, title});
    }
  };
  doc.events.forEach((e) => {
    add(e.trigger, "trigger", `${e.event} (CAMEO ${e.cameo || "?"})`);
    e.actor.forEach((a) => add(a, "actor", `actor ${a.code || "?"} ${a.name || ""}`));
    e.recipient.forEach((a) => add(a, "actor", `recipient ${a.code || "?"} ${a.name || ""}`));
  });
  doc.quotes.forEach((q) => {
    const pieces = q.fragments && q.fragments.length ? q.fragments : [q.content];
    pieces.forEach((piece) => add(piece, "quote", `${q.type} quotation`));
    add(q.speaker, "speaker", "speaker");
  });
  doc.timexes.forEach((t) => add(t, "date", `${t.type} ${t.value || "unresolved"}`));
  doc.places.forEach((p) => add(p, "place", `${p.name || p.text} ${p.country_code || ""}`));
  return marks;
}

function documentText(doc) {
  const marks = documentMarks(doc);
  const blocks = doc.paragraphs.length ? doc.paragraphs
    : [{start: 0, end: doc.text.length, kind: "paragraph"}];
  const cuts = new Set();
  for (const m of marks) cuts.add(m.start).add(m.end);
  for (const s of doc.sentences) cuts.add(s.start).add(s.end);
  const sorted = [...cuts].sort((a, b) => a - b);
  return blocks.map((block) => {
    const points = [block.start, ...sorted.filter((c) => c > block.start && c < block.end),
      block.end];
    const tag = block.kind === "title" || block.kind === "heading" ? "h4" : "p";
    const node = el(tag, {class: "block " + block.kind});
    for (let i = 0; i + 1 < points.length; i++) {
      node.append(segment(doc, marks, points[i], points[i + 1]));
    }
    return node;
  });
}

function segment(doc, marks, start, end) {
  const covering = marks.filter((m) => m.start <= start && m.end >= end);
  const sentence = doc.sentences.find((s) => s.start <= start && s.end >= end);
  const classes = [...new Set(covering.map((m) => m.cls))];
  const titles = [...new Set(covering.map((m) => m.title))];
  return el("span", {
    class: classes.length ? classes.map((c) => "hl-" + c).join(" ") : null,
    title: titles.length ? titles.join("\n") : null,
    "data-sentence": sentence ? sentence.index : null,
  }, doc.text.slice(start, end));
}

function highlightLegend() {
  const items = [["actor", "actor"], ["trigger", "event trigger"], ["quote", "quotation"],
    ["speaker", "speaker"], ["date", "date"], ["place", "place"]];
  return el("ul", {class: "legend"}, items.map(([cls, label]) =>
    el("li", {}, el("span", {class: "hl-" + cls}, label))));
}

function eventList(doc) {
  if (!doc.events.length) return el("p", {class: "empty"}, "No events coded.");
  return el("ol", {class: "coded-events"}, doc.events.map((e) => {
    const names = (list) => list.map((a) => a.code || a.name || a.text).join(", ") || "?";
    const button = el("button", {type: "button", class: "to-sentence",
      "data-sentence": e.sentence}, `sentence ${e.sentence + 1}`);
    button.addEventListener("click", () => focusSentence(e.sentence, true));
    return el("li", {class: toneClass(e.goldstein)},
      el("strong", {}, e.event), ` ${names(e.actor)} → ${names(e.recipient)}`, el("br"),
      el("small", {}, [quadLabel(e.quad_class), `Goldstein ${fmt(e.goldstein, 1)}`,
        e.date ? `date ${e.date}` : null, e.modality !== "asserted" ? e.modality : null,
        e.event_loc ? `at ${e.event_loc.name || e.event_loc.text}` : null]
        .filter(Boolean).join(" · ")), " ", button);
  }));
}

function quoteList(doc) {
  if (!doc.quotes.length) return el("p", {class: "empty"}, "No quotations.");
  return el("ol", {class: "coded-quotes"}, doc.quotes.map((q) => {
    const button = el("button", {type: "button", class: "to-sentence"},
      `sentence ${q.sentence + 1}`);
    button.addEventListener("click", () => focusSentence(q.sentence, true));
    const who = q.speaker_actor ? q.speaker_actor.name || q.speaker_actor.text
      : q.speaker ? q.speaker.text : "unknown speaker";
    return el("li", {}, el("span", {class: "quote-text"}, q.content ? q.content.text : ""),
      el("br"),
      el("small", {}, `${who} · ${q.type}`), " ", button);
  }));
}

function focusSentence(index, smooth) {
  document.querySelectorAll(".focus").forEach((node) => node.classList.remove("focus"));
  const parts = document.querySelectorAll(`#article [data-sentence="${Number(index)}"]`);
  parts.forEach((node) => node.classList.add("focus"));
  if (parts.length) parts[0].scrollIntoView({behavior: smooth ? "smooth" : "auto",
    block: "center"});
}

/* ---------- router ---------- */

const VIEWS = {dyad: dyadView, network: networkView, map: mapView, quotes: quotesView};

async function render() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const parts = path.split("/").map(decodeURIComponent);
  const params = new URLSearchParams(query || "");
  const name = parts[0] || "dyad";
  const container = document.getElementById("view");
  container.replaceChildren();
  container.dataset.view = name;
  container.setAttribute("aria-busy", "true");
  document.querySelectorAll("nav a").forEach((a) =>
    a.classList.toggle("active", a.dataset.view === name));
  try {
    if (name === "doc") await documentView(container, parts.slice(1).join("/"), params);
    else if (VIEWS[name]) await VIEWS[name](container, params);
    else container.append(el("p", {class: "error"}, "No such view."));
  } catch (error) {
    showError(container, error);
  }
  container.setAttribute("aria-busy", "false");
}

async function showCounts() {
  try {
    const counts = await api("counts");
    document.getElementById("counts").textContent =
      `${counts.events.toLocaleString("en")} events · ` +
      `${counts.quotes.toLocaleString("en")} quotations · ` +
      `${counts.documents.toLocaleString("en")} documents`;
  } catch (error) {
    document.getElementById("counts").textContent = "store unavailable";
  }
}

window.addEventListener("hashchange", render);
render();
showCounts();
