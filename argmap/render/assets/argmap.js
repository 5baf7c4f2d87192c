/* argmap page script: draws the views with vis-network and wires search, filters,
 * tooltips, the details panel (a pro/con board for proposals), focus mode, the address
 * (view, selection, search, filters and focus, with history), keys, print and export.
 *
 * Safety rule: every string from the map reaches the page through textContent or the
 * canvas (vis-network draws labels as pixels); nothing here ever assigns innerHTML or
 * builds markup from data (the SVG export is built as DOM nodes and serialised), and only
 * http(s) urls become links.
 */
(function () {
  "use strict";

  var times = { start: performance.now() };
  window.argmapTimes = times;
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  times.parsed = performance.now();
  var views = data.views;
  var networks = {};
  var nodeSets = {};
  var edgeSets = {};
  var current = null;
  var selected = null;
  var selectedEdge = null;
  var focusSteps = 0;
  var firstDraw = null;
  // While the page applies an address (on load, Back or Forward) it must not write one.
  var restoring = false;

  // ---- indexes -------------------------------------------------------------------
  var stancesByClaim = {};
  var stancesByActor = {};
  // Stances and relations come as arrays (compact for big maps); edges refer to them by index.
  // What the first drawing does not need is in JSON blocks of their own (html.py
  // _lazy_blocks), each parsed the first time it is read: on a big map the page's own
  // parse was most of its first draw. `times.blocks` counts the blocks parsed.
  // The quotes, the boards and the actors' block come after this script (html._placed):
  // the browser parses them after the first drawing, and whatever reads them waits for
  // that (whenParsed).
  var parsedBlocks = {};
  times.blocks = 0;
  function block(id) {
    if (!(id in parsedBlocks)) {
      var node = document.getElementById(id);
      if (!node && loading()) { return null; }
      parsedBlocks[id] = node ? JSON.parse(node.textContent) : null;
      times.blocks += 1;
    }
    return parsedBlocks[id];
  }
  function loading() { return document.readyState === "loading"; }
  var onParsed = [];
  function whenParsed(work) { if (loading()) { onParsed.push(work); } else { work(); } }
  document.addEventListener("DOMContentLoaded", function () {
    times.parsedAll = performance.now();
    onParsed.splice(0).forEach(function (work) { work(); });
  });
  // The quotes, data.quoteBlock stances a block (a panel, search or print reads them; the
  // first draw shows none). A stance's `quote` reads them through its prototype.
  function quoteBlockOf(i) { return "argmap-quotes-" + Math.floor(i / data.quoteBlock); }
  function Stance(a, i) {
    this.actor = a[0]; this.claim = a[1]; this.position = a[2]; this.source = a[3];
    this.reported = a[4] === 1; this.date = a[5]; this.index = i;
  }
  Object.defineProperty(Stance.prototype, "quote", {
    get: function () {
      var quotes = block(quoteBlockOf(this.index));
      if (times.quotes === undefined) { times.quotes = performance.now(); }
      return quotes[this.index % data.quoteBlock];
    }
  });
  var stances = data.stances.map(function (a, i) { return new Stance(a, i); });
  stances.forEach(function (s) {
    (stancesByClaim[s.claim] = stancesByClaim[s.claim] || []).push(s);
    (stancesByActor[s.actor] = stancesByActor[s.actor] || []).push(s);
  });
  var relationsTo = {};
  var relationsFrom = {};
  var relations = data.relations.map(function (a, i) {
    return { from: a[0], to: a[1], kind: a[2], source: a[3], note: a[4], id: a[5], index: i };
  });
  relations.forEach(function (r) {
    (relationsTo[r.to] = relationsTo[r.to] || []).push(r);
    (relationsFrom[r.from] = relationsFrom[r.from] || []).push(r);
  });
  var relationById = {};
  relations.forEach(function (r) { relationById[r.id] = r; });
  var disabled = {};
  (data.disabled || []).forEach(function (i) { disabled[i] = true; });
  // data.camps holds the numbered camps only; an actor in none is unaligned.
  var campOf = {};
  data.camps.forEach(function (camp, i) {
    camp.members.forEach(function (a) { campOf[a] = i; });
  });
  var viewNodes = {};
  var viewEdges = {};
  function indexDrawing(name) {
    viewNodes[name] = {};
    views[name].nodes.forEach(function (n) { viewNodes[name][n[0]] = n; });
    viewEdges[name] = {};
    views[name].edges.forEach(function (e) { viewEdges[name][e[0]] = e; });
  }
  Object.keys(views).forEach(indexDrawing);

  // An aggregated view (a big map: views.py, aggregate.py) opens on an overview whose
  // nodes ("@" ids) each stand for a cluster or a camp; each opens a drawing of its own,
  // by key ("argument/<claim>", "camps/0/2"). A tab shows one drawing at a time:
  // views[tab] is the drawing shown. data.drawings lists every drawing under an overview
  // as key -> [block number, title, parent key]; drawing(key) parses its block on first
  // use (opening it, not drawing the overview).
  var drawingList = data.drawings || {};
  var overviews = {};
  var shownKey = {};
  Object.keys(views).forEach(function (name) { overviews[name] = views[name]; shownKey[name] = name; });
  function hasDrawing(key) { return !!(overviews[key] || drawingList[key]); }
  function drawing(key) {
    return overviews[key] || (drawingList[key] ? block("argmap-drawing-" + drawingList[key][0]) : undefined);
  }
  function drawingTitle(key) { return overviews[key] ? overviews[key].title : drawingList[key][1]; }
  function drawingParent(key) {
    return overviews[key] ? overviews[key].parent : drawingList[key] && drawingList[key][2];
  }
  function isUnit(id) { return typeof id === "string" && id.charAt(0) === "@"; }
  function tabOf(key) { return key.split("/")[0]; }
  // tab -> entry id -> the key of the first drawing (in key order) that draws it itself,
  // from html.py's _homes (its own block). A page without aggregates has none: each tab
  // has one drawing, and every caller asks viewNodes first.
  function homeOf(tab, id) {
    var homes = data.drawings ? block("argmap-homes") : null;
    return homes ? (homes[tab] || {})[id] : undefined;
  }

  function $(id) { return document.getElementById(id); }

  // Build an element from a tag, attributes and children; strings become text nodes.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") { node.textContent = attrs[k]; }
        else if (k === "cls") { node.className = attrs[k]; }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function isHttp(url) {
    return typeof url === "string" && /^https?:\/\/\S+$/i.test(url.trim());
  }

  function claimName(id) { var c = data.claims[id]; return c ? (c.label || c.text) : id; }
  function actorName(id) { var a = data.actors[id]; return a ? a.name : id; }
  function nameOf(id) { return data.actors[id] ? actorName(id) : claimName(id); }
  function clip(text, n) { return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }
  function plural(n, word, many) { return n + " " + (n === 1 ? word : (many || word + "s")); }
  var VERB = { supports: "supports", opposes: "opposes", neutral: "is neutral on" };
  var SIGN = { supports: "+", opposes: "\u2212", neutral: "0" };
  // A reason is a claim or a relation (an undercut's target): name either.
  function reasonName(id) {
    var r = relationById[id];
    return r ? "the link from \u201c" + claimName(r.from) + "\u201d to \u201c" + nameOf(r.to) + "\u201d" : "\u201c" + claimName(id) + "\u201d";
  }
  function andList(items) {
    if (items.length < 2) { return items.join(""); }
    return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }
  // What the map holds on a claim's acceptance, in words, with its reasons
  // (analysis.acceptance_reasons); never "defeated": an unanswered objection is not a
  // refutation, and the articles may not dispute it at all.
  function acceptanceWords(c) {
    var why = andList((c.reasons || []).map(reasonName));
    if (c.acceptance === "in") { return "in: no objection to it stands unanswered"; }
    if (c.acceptance === "out") {
      return "out: " + plural(c.reasons.length, "unanswered objection") + (why ? ", " + why : "");
    }
    if (c.acceptance === "undecided") {
      return "undecided: in a cycle of objections no claim settles" + (why ? ", with " + why : "");
    }
    return c.acceptance;
  }
  function strengthWords(c) {
    return c.strength.toFixed(2) + " of 1 (DF-QuAD): every claim starts at 0.50; the supports " +
      "that stand raise it, the attacks that stand lower it";
  }

  function holders(claimId) {
    var out = { supports: [], opposes: [], neutral: [] };
    var seen = {};
    (stancesByClaim[claimId] || []).forEach(function (s) {
      var key = s.position + " " + s.actor;
      if (!seen[key]) { seen[key] = true; out[s.position].push(s.actor); }
    });
    return out;
  }

  // ---- styles ----------------------------------------------------------------------
  function copy(obj) { return JSON.parse(JSON.stringify(obj)); }
  function visNode(n) {
    var node = copy(data.styles.nodes[n[1]]);
    node.id = n[0]; node.x = n[2]; node.y = n[3]; node.label = n[4];
    if (n[1].indexOf("actor-") === 0 || n[1] === "agg-actors") {
      var fill = n[5] >= 0 && n[5] < data.campColours.length ? data.campColours[n[5]] : data.otherCampColour;
      node.color = { background: fill, border: "#1A1A1A",
        highlight: { background: fill, border: "#000000" }, hover: { background: fill, border: "#000000" } };
    } else {
      var c = node.color;
      node.color = { background: c.background, border: c.border,
        highlight: { background: c.background, border: "#000000" }, hover: { background: c.background, border: "#000000" } };
    }
    node.opacity = 1;
    return node;
  }

  // The stance map draws each stance by what it means for one proposal (the selected
  // one, else the central question), from analysis.stance_sides: supporting a claim that
  // argues against the proposal is drawn as against. The line's mark stays the stance's.
  function sideProposal() {
    var c = selected ? data.claims[selected] : null;
    return c && c.kind === "proposal" ? selected : data.question;
  }
  var SIDE_WORDS = { "1": "for it", "-1": "against it", "0": "both ways", "none": "does not bear on it" };
  function edgeSide(e) {
    var by = data.stanceSides[sideProposal()] || {};
    var seen = {};
    e[5].forEach(function (i) { var v = by[String(i)]; seen[v === undefined ? "none" : String(v)] = true; });
    var keys = Object.keys(seen);
    if (keys.length === 1) { return keys[0]; }
    delete seen.none;
    keys = Object.keys(seen);
    return keys.length === 1 ? keys[0] : "0";
  }
  var drawnFor = null;
  var sideDrawn = {};  // stance edge id -> the side its line is drawn with
  var sidesLegend = document.getElementById("sides-for");
  var sidesLegendText = sidesLegend ? sidesLegend.textContent : "";
  // After a selection: redraw the stance lines if the proposal they are drawn for changed.
  function restyleSides() {
    var p = sideProposal();
    if (p === drawnFor) { return; }
    drawnFor = p;
    if (sidesLegend) {
      sidesLegend.textContent = p === data.question ? sidesLegendText :
        "Lines: what each stance means for \u201c" + claimName(p) + "\u201d, the proposal selected " +
        "(close it to go back to the central question); supporting a claim against it is drawn as against";
    }
    if (!networks.stances) { return; }
    // Only the lines whose side changes (a fade is drawn over them, not in their style).
    var changes = [];
    views.stances.edges.forEach(function (e) {
      var was = sideDrawn[e[0]];
      if (was === undefined || was === edgeSide(e)) { return; }
      var edge = visEdge(e);
      changes.push({ id: edge.id, color: edge.color, dashes: edge.dashes });
    });
    if (changes.length) { edgeSets.stances.update(changes); }
  }

  // The point an undercut ends on ("cut:" and the undercut edge's id): not an entry.
  function isCut(id) { return typeof id === "string" && id.indexOf("cut:") === 0; }
  // A relation an accepted undercut disables: drawn faded, marked with a ⊘.
  function isDisabled(e) { return e[3].indexOf("rel-") === 0 && e[5].some(function (i) { return disabled[i]; }); }

  function visEdge(e) {
    var edge = copy(data.styles.edges[e[3]]);
    edge.id = e[0]; edge.from = e[1]; edge.to = e[2];
    if (isDisabled(e)) {
      edge.color = { color: "#C8C8C8", highlight: "#8C8C8C", hover: "#8C8C8C", opacity: 1 };
      edge.label = (edge.label ? edge.label + " " : "") + "\u2298";
    }
    if (e[3].indexOf("stance-") === 0 && data.question) {
      var side = sideDrawn[e[0]] = edgeSide(e);
      var look = data.sideStyles[side];
      edge.color = { color: look.color, highlight: look.color, hover: look.color };
      edge.dashes = look.dashes;
    }
    if (e[3].indexOf("agg-") === 0 && e[6]) { edge.label = e[6]; }
    if (e[4]) { edge.width = e[4]; }
    if (e[7] && e[7].length) { edge.smooth = { enabled: true, type: e[7][0], roundness: e[7][1] }; }
    edge.color.opacity = edge.color.opacity || 1;
    return edge;
  }

  // ---- the networks ----------------------------------------------------------------
  function createNetwork(name) {
    var view = views[name];
    var nodes = new vis.DataSet(view.nodes.map(function (n) { return visNode(n); }));
    var edges = new vis.DataSet(view.edges.map(function (e) { return visEdge(e); }));
    var options = copy(data.visOptions);
    if (view.nodes.length > 800) {
      options.interaction.hideEdgesOnDrag = true;
      options.interaction.hideEdgesOnZoom = true;
    }
    times.dataSets = performance.now();
    // The page's own keys on the canvas's tab stop (see canvasKeys); vis-network's keyboard
    // only works on a second, inner tab stop.
    options.interaction.keyboard = false;
    var network = new vis.Network($("canvas-" + name), { nodes: nodes, edges: edges }, options);
    network.canvas.frame.tabIndex = -1;
    // Two changes to how vis-network draws the lines (its renderer's own steps, wrapped):
    // only those in sight (linesInSight), and, under a selection, a faded line fainter
    // than a faded node (EDGE_FADE): every line is drawn before any node, so what is on
    // the canvas once the lines are done is only lines.
    var renderer = network.renderer, drawEdges = renderer._drawEdges, drawArrows = renderer._drawArrows;
    renderer._drawEdges = function (ctx) {
      linesInSight(this, drawEdges, ctx);
      if (lit[name]) { keepAlpha(ctx, EDGE_FADE / FADE); }
    };
    renderer._drawArrows = function (ctx) { linesInSight(this, drawArrows, ctx); };
    times.network = performance.now();
    networks[name] = network; nodeSets[name] = nodes; edgeSets[name] = edges;
    if (name === "stances") { drawnFor = sideProposal(); }
    placeCuts(name);
    network.on("dragEnd", function () { placeCuts(name); });
    network.on("hoverNode", function (p) {
      showTooltip(isCut(p.node) ? edgeTooltip(name, p.node.slice(4)) : nodeTooltip(p.node), p.event);
    });
    network.on("hoverEdge", function (p) { showTooltip(edgeTooltip(name, p.edge), p.event); });
    network.on("blurNode", hideTooltip);
    network.on("blurEdge", hideTooltip);
    network.on("dragStart", hideTooltip);
    network.on("zoom", hideTooltip);
    network.on("click", function (p) {
      hideTooltip();
      if (p.nodes.length && isCut(p.nodes[0])) { selectEdge(name, p.nodes[0].slice(4)); }
      else if (p.nodes.length) { select(p.nodes[0], false); }
      else if (p.edges.length) { selectEdge(name, p.edges[0]); }
      else { clearSelection(); }
      commit(true);
    });
    // A double click on an aggregate opens its drawing (the panel's button does too).
    network.on("doubleClick", function (p) {
      var u = p.nodes.length && isUnit(p.nodes[0]) && views[name].units[p.nodes[0]];
      if (u && hasDrawing(u.opens)) { clearSelection(); openDrawing(u.opens); commit(true); }
    });
    network.on("afterDrawing", function (ctx) {
      drawFade(network, lit[name], ctx);
      (view.groups || []).forEach(function (g) {
        ctx.font = "bold 18px system-ui, sans-serif";
        ctx.textAlign = "center";
        ctx.fillStyle = "#333333";
        // A camp's name on two lines ("Camp 1: For: …" over "mean … · 23 actors") so
        // it stays within a phone's width.
        var cut = g[0].indexOf(" \u00b7 ");
        if (cut < 0) { ctx.fillText(g[0], g[1], g[2]); return; }
        ctx.fillText(g[0].slice(0, cut), g[1], g[2] - 24);
        ctx.fillText(g[0].slice(cut + 3), g[1], g[2]);
      });
      if (firstDraw === null) {
        firstDraw = performance.now();
        window.argmapFirstDraw = { view: name, ms: firstDraw, blocks: times.blocks };
        whenIdle(warmUp);
      }
      if (name === current) { schedulePrintImage(); }
    });
    initialZoom(name);
    applyFilters();
    return network;
  }

  // After the first draw, while the page is idle, parse the quotes and the actors' block
  // a block at a time (a few ms each), so that a first click finds them parsed; a click
  // before that parses only the blocks it reads. `times.warm`: when all are parsed.
  function whenIdle(work) {
    if (window.requestIdleCallback) { window.requestIdleCallback(work, { timeout: 1000 }); }
    else { setTimeout(work, 20); }
  }
  function warmUp() {
    if (loading()) { whenParsed(function () { whenIdle(warmUp); }); return; }
    var todo = ["argmap-actors"];
    for (var i = 0; i < stances.length; i += data.quoteBlock) { todo.push(quoteBlockOf(i)); }
    function next(deadline) {
      do { block(todo.shift()); } while (todo.length && deadline && deadline.timeRemaining() > 5);
      if (todo.length) { whenIdle(next); } else { times.warm = performance.now(); }
    }
    whenIdle(next);
  }

  // Move each undercut's end point onto the middle of the edge it undercuts, as drawn
  // (a bent edge's middle is off the straight line between its ends).
  function placeCuts(name) {
    var network = networks[name];
    var moves = [];
    views[name].nodes.forEach(function (n) {
      if (n[1] !== "undercut-mid") { return; }
      var edge = network.body.edges[n[0].slice(4)];
      if (!edge || !edge.edgeType || !edge.edgeType.getPoint) { return; }
      var at = edge.edgeType.getPoint(0.5);
      moves.push({ id: n[0], x: at.x, y: at.y });
    });
    if (moves.length) { nodeSets[name].update(moves); }
  }

  // Fit the whole view when it stays legible; otherwise open on the view's home (its
  // main block or largest camp), as large as fits but never below a legible scale.
  // A phone opens closer in (labels of 16px at 0.7 are 11px); pinch or "Fit" show the rest.
  var MIN_SCALE = window.matchMedia && window.matchMedia("(max-width: 700px)").matches ? 0.7 : 0.5;
  // "Fit" and the 0 key show everything shown, however small.
  function fitAll(name) {
    var ids = visibleIds(name);
    networks[name].fit({ nodes: ids.length ? ids : undefined, animation: false });
  }
  function initialZoom(name) {
    var network = networks[name];
    // The panel may just have opened or closed: measure the canvas now, not on the next frame.
    network.setSize("100%", "100%");
    network.fit({ animation: false });
    if (network.getScale() >= MIN_SCALE || !views[name].nodes.length) { return; }
    var r = views[name].home;
    var box = $("canvas-" + name).getBoundingClientRect();
    var w = r[2] - r[0] + 240;
    var h = r[3] - r[1] + 140;
    var scale = Math.max(MIN_SCALE, Math.min(1, box.width / w, box.height / h));
    var cx = (r[0] + r[2]) / 2;
    var cy = (r[1] + r[3]) / 2;
    if (w * scale > box.width) { cx = r[0] - 120 + box.width / 2 / scale; }
    if (h * scale > box.height) { cy = r[1] - 70 + box.height / 2 / scale; }
    network.moveTo({ position: { x: cx, y: cy }, scale: scale });
  }

  // Labels are 16px: at this scale they are 11px on screen.
  var LEGIBLE_SCALE = 0.7;

  // ---- tooltips --------------------------------------------------------------------
  var tooltip = $("tooltip");
  function showTooltip(text, event) {
    tooltip.textContent = text;
    tooltip.hidden = false;
    var x = (event && event.center) ? event.center.x : (event && event.clientX) || 0;
    var y = (event && event.center) ? event.center.y : (event && event.clientY) || 0;
    var maxX = window.innerWidth - tooltip.offsetWidth - 8;
    tooltip.style.left = Math.max(4, Math.min(x + 14, maxX)) + "px";
    tooltip.style.top = (y + 16) + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  function nodeTooltip(id) {
    if (isUnit(id)) {
      var u = views[current].units[id];
      return u ? u.title + "\n" + u.facts.map(function (f) { return f[0] + ": " + f[1]; }).join("\n") +
        "\nclick for details" : id;
    }
    if (data.actors[id]) {
      var a = data.actors[id];
      var bits = [a.name + " (" + a.kind + ")"];
      if (a.role) { bits.push(clip(a.role, 90)); }
      bits.push(plural((stancesByActor[id] || []).length, "stance") + " \u00b7 click for details");
      return bits.join("\n");
    }
    var c = data.claims[id];
    var h = holders(id);
    var count = data.board[id] ? sides(id) + " (stated positions)" : holdWords(h);
    return c.kind.charAt(0).toUpperCase() + c.kind.slice(1) + ": " + clip(c.text, 160) +
      "\n" + count + " \u00b7 click for details";
  }

  // A proposal's count is its board's (analysis.sides): the same actors the panel lists
  // by name. A claim's count is of stances on it, in other words, so "for, against"
  // has one meaning on the page.
  function sides(id) { return data.board[id].summary; }
  function holdWords(h) {
    return h.supports.length + " support, " + h.opposes.length + " oppose" +
      (h.neutral.length ? ", " + h.neutral.length + " neutral" : "");
  }

  function edgeTooltip(name, id) {
    var e = viewEdges[name][id];
    if (e[3].indexOf("agg-") === 0) { return aggEdgeWords(name, e) + "\nclick for details"; }
    if (name === "argument") {
      var r = relations[e[5][0]];
      if (r.kind === "undercuts") {
        return clip(claimName(r.from), 60) + "\n\u2298 undercuts " + clip(reasonName(r.to), 120);
      }
      return clip(claimName(r.from), 60) + "\n" + (r.kind === "supports" ? "+ supports" : "\u2212 attacks") +
        "\n" + clip(claimName(r.to), 60) + (isDisabled(e) ? "\n\u2298 disabled: an accepted claim undercuts this link" : "");
    }
    if (name === "stances") {
      var s = stances[e[5][0]];
      var meaning = data.question ? "\nFor \u201c" + clip(claimName(sideProposal()), 50) + "\u201d: " + SIDE_WORDS[edgeSide(e)] : "";
      return actorName(s.actor) + " " + SIGN[s.position] + " " + VERB[s.position] + " \u201c" +
        clip(claimName(s.claim), 60) + "\u201d" + meaning + "\n" + plural(e[5].length, "quote") + " \u00b7 click to read";
    }
    return actorName(e[1]) + " and " + actorName(e[2]) + ": " +
      (e[3] === "agree" ? "+ agree" : "\u2212 conflict") + " (" + e[6] + ")";
  }

  // ---- highlight and selection -----------------------------------------------------
  // What each view draws unfaded: null (all of it) or the selection's neighbourhood.
  // The fade is drawn over the canvas, not set in the items' styles: a DataSet update
  // makes vis-network redo the options of every item it names, and a first selection in
  // the 100,000-stance map's biggest camps part faded 2,138 of them (260-530 ms of main
  // thread). Once vis-network has drawn the view, drawFade keeps FADE of every pixel's
  // alpha (the canvas is transparent: that is each item at opacity FADE over whatever is
  // behind the canvas, on screen, in the PNG and in print alike) and draws the lit items
  // again on top, in vis-network's own order. A selection is one redraw.
  var FADE = 0.12;  // a faded node's opacity
  var EDGE_FADE = 0.06;  // a faded line's
  var lit = {};  // view -> { nodes: {id: true}, edges: {id: true} }, or null
  var linked = {};  // view -> node id -> the view's edges at it, built on first use
  function linksAt(name) {
    if (!linked[name]) {
      var at = {};
      views[name].edges.forEach(function (e) {
        (at[e[1]] = at[e[1]] || []).push(e);
        if (e[2] !== e[1]) { (at[e[2]] = at[e[2]] || []).push(e); }
      });
      linked[name] = at;
    }
    return linked[name];
  }
  // The node, its edges and the nodes at their other ends (vis-network's connected ones).
  function neighbourhood(name, id) {
    var out = { nodes: {}, edges: {} };
    out.nodes[id] = true;
    (linksAt(name)[id] || []).forEach(function (e) {
      out.edges[e[0]] = true; out.nodes[e[1]] = true; out.nodes[e[2]] = true;
    });
    return out;
  }
  function highlight(name, id) {
    if (!networks[name]) { return; }
    // Nothing to undo: a fresh view is drawn unfaded.
    if (id === null && !lit[name]) { return; }
    lit[name] = id === null ? null : neighbourhood(name, id);
    // On the next frame, with the selection's own redraw (network.redraw() would draw now
    // and again then).
    networks[name].body.emitter.emit("_requestRedraw");
  }
  // Keep `share` of the alpha of every pixel drawn so far, whatever the transform.
  function keepAlpha(ctx, share) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = "destination-in";
    ctx.fillStyle = "rgba(0,0,0," + share + ")";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  }
  // Fade what vis-network drew and draw the lit part again: its lines (not while dragging
  // or zooming hides lines), then its nodes (the selected, then the hovered, last), then
  // the lines' arrows and the labels drawn beside their nodes, as vis-network orders them.
  // Hidden items are not in vis-network's indices, so a filter holds here too.
  function drawFade(network, on, ctx) {
    if (!on) { return; }
    keepAlpha(ctx, FADE);
    var body = network.body, r = network.renderer;
    var lines = !(r.dragging && r.options.hideEdgesOnDrag) && !(r.zooming && r.options.hideEdgesOnZoom);
    var edges = !lines ? [] : body.edgeIndices.filter(function (id) {
      return on.edges[id] && body.edges[id].connected;
    }).map(function (id) { return body.edges[id]; });
    var plain = [], chosen = [], hovered = [];
    body.nodeIndices.forEach(function (id) {
      var node = body.nodes[id];
      if (on.nodes[id]) { (node.hover ? hovered : node.isSelected() ? chosen : plain).push(node); }
    });
    edges.forEach(function (edge) { edge.draw(ctx); });
    var beside = [];
    plain.concat(chosen, hovered).forEach(function (node) {
      var drawn = node.draw(ctx);
      if (drawn && drawn.drawExternalLabel) { beside.push(drawn.drawExternalLabel); }
    });
    edges.forEach(function (edge) { edge.drawArrows(ctx); });
    beside.forEach(function (draw) { draw(); });
  }
  // vis-network draws every line on every frame, in sight or not (its nodes it draws only
  // in sight), and a big drawing opens close in on its home: in the 100,000-stance map's
  // biggest argument drawing, 954 lines for the 10 nodes in sight were 90% of a redraw.
  // `draw` (the renderer's own step) sees only the lines that come within LINE_ROOM of
  // the canvas: the others would not touch a pixel of it.
  var LINE_ROOM = 300;  // canvas units around a line: its label, arrow and width
  function linesInSight(renderer, draw, ctx) {
    var body = renderer.body, frame = renderer.canvas.frame.canvas, all = body.edgeIndices;
    var a = renderer.canvas.DOMtoCanvas({ x: 0, y: 0 });
    var b = renderer.canvas.DOMtoCanvas({ x: frame.clientWidth, y: frame.clientHeight });
    var box = [a.x - LINE_ROOM, a.y - LINE_ROOM, b.x + LINE_ROOM, b.y + LINE_ROOM];
    body.edgeIndices = all.filter(function (id) { return lineMeets(body.edges[id], box); });
    try { draw.call(renderer, ctx); } finally { body.edgeIndices = all; }
  }
  // Whether an edge may draw inside `box` ([left, top, right, bottom]): a straight one is
  // its segment; a curve (a quadratic one, through vis-network's own control point) lies
  // inside the triangle of its ends and that point.
  function lineMeets(edge, box) {
    var f = edge.from, t = edge.to;
    if (!f || !t) { return true; }
    var via = edge.edgeType && edge.edgeType.getViaNode ? edge.edgeType.getViaNode() : null;
    if (!via || typeof via.x !== "number") { return segmentMeets(f, t, box); }
    return segmentMeets(f, t, box) || segmentMeets(f, via, box) || segmentMeets(via, t, box) ||
      inTriangle((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, f, via, t);
  }
  // Liang-Barsky: whether the segment from p to q has a point inside `box`.
  function segmentMeets(p, q, box) {
    var dx = q.x - p.x, dy = q.y - p.y, lo = 0, hi = 1;
    var dirs = [-dx, dx, -dy, dy], gaps = [p.x - box[0], box[2] - p.x, p.y - box[1], box[3] - p.y];
    for (var i = 0; i < 4; i++) {
      if (dirs[i] === 0) {
        if (gaps[i] < 0) { return false; }
      } else {
        var r = gaps[i] / dirs[i];
        if (dirs[i] < 0) { lo = Math.max(lo, r); } else { hi = Math.min(hi, r); }
        if (lo > hi) { return false; }
      }
    }
    return true;
  }
  function inTriangle(x, y, p, q, r) {
    function side(a, b) { return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x); }
    var s1 = side(p, q), s2 = side(q, r), s3 = side(r, p);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  }
  // Whether the view draws an item faded (the SVG export draws the same).
  function isFaded(name, kind, id) { return !!lit[name] && !lit[name][kind][id]; }

  function viewFor(id) {
    if (current && (viewNodes[current][id] || homeOf(current, id))) { return current; }
    var order = data.actors[id] ? ["stances", "camps", "argument"] : ["argument", "stances", "camps"];
    for (var i = 0; i < order.length; i++) {
      if (viewNodes[order[i]] && (viewNodes[order[i]][id] || homeOf(order[i], id))) { return order[i]; }
    }
    return null;
  }

  // Show the drawing `key` in its tab: the tab's network is made again for it (only the
  // tab shown has one; showView makes it for a hidden tab).
  function openDrawing(key) {
    var tab = tabOf(key);
    if (!hasDrawing(key) || shownKey[tab] === key) { return; }
    if (networks[tab]) { networks[tab].destroy(); delete networks[tab]; }
    views[tab] = drawing(key);
    shownKey[tab] = key;
    indexDrawing(tab);
    lit[tab] = null; linked[tab] = null; hiddenNow[tab] = {};
    if (tab === "stances") { drawnFor = null; sideDrawn = {}; }
    drawingBar(tab);
    if (tab === current) { createNetwork(tab); }
  }
  // Above an aggregated view's drawing: where it is, a way back, and what it shows.
  function drawingBar(tab) {
    var section = $("view-" + tab);
    var view = views[tab];
    if (view.key === undefined) { return; }
    var notice = section.querySelector(".notice");
    if (!notice) {
      notice = el("p", { cls: "notice", role: "status" });
      section.insertBefore(notice, section.firstChild);
    }
    notice.textContent = view.notice || "";
    notice.hidden = !view.notice;
    var trail = section.querySelector(".trail");
    if (!trail) {
      trail = el("nav", { cls: "trail", "aria-label": "Where this drawing is" });
      section.insertBefore(trail, section.firstChild);
    }
    trail.textContent = "";
    var chain = [];
    for (var key = view.key; key; key = drawingParent(key)) { chain.unshift(key); }
    chain.forEach(function (k, i) {
      if (i) { trail.appendChild(document.createTextNode(" \u203a ")); }
      var words = clip(drawingTitle(k) || "Overview", 60);
      if (i === chain.length - 1) { trail.appendChild(el("span", { cls: "here", "aria-current": "page", text: words })); return; }
      var b = el("button", { type: "button", cls: "ref", "data-drawing": k, text: words });
      b.addEventListener("click", function () { clearSelection(); openDrawing(k); commit(true); });
      trail.appendChild(b);
    });
    if (view.parent) {
      var back = el("button", { type: "button", cls: "back", id: "back-" + tab, text: "\u2190 Back" });
      back.addEventListener("click", function () { clearSelection(); openDrawing(view.parent); commit(true); });
      trail.insertBefore(document.createTextNode(" "), trail.firstChild);
      trail.insertBefore(back, trail.firstChild);
    }
  }

  // An aggregate node: its panel says what it holds, with exact counts, and opens it.
  var selectedUnit = null;
  function selectUnit(id) {
    var u = views[current].units && views[current].units[id];
    if (!u) { return; }
    selected = null;
    selectedEdge = null;
    selectedUnit = id;
    restyleSides();
    networks[current].selectNodes([id]);
    highlight(current, id);
    document.body.classList.remove("has-board");
    showPanel(unitPanel(u));
  }
  function unitPanel(u) {
    $("panel-title").textContent = u.title;
    var out = [];
    var facts = [];
    u.facts.forEach(function (f) { facts.push(el("dt", { text: f[0] }), el("dd", { text: f[1] })); });
    out.push(el("dl", { cls: "facts unit-facts" }, facts));
    if (u.opens && hasDrawing(u.opens)) {
      var open = el("button", { type: "button", id: "open-unit", cls: "open-unit", text: "Open its drawing" });
      open.addEventListener("click", function () {
        clearSelection();
        openDrawing(u.opens);
        // A camp of the stance map opens on the camps map.
        if (tabOf(u.opens) !== current) { showView(tabOf(u.opens), false); }
        commit(true);
      });
      out.push(el("p", null, [open]));
    }
    var actors = u.members.length && data.actors[u.members[0]];
    out.push(section((actors ? "Actors" : "Claims") + " (" + u.members.length + ")", u.members, function (m) {
      return el("li", null, [linkTo(m)]);
    }));
    return out.filter(Boolean);
  }
  // An aggregate line in words: what it counts, between what.
  function aggEdgeWords(name, e) {
    var a = views[name].units[e[1]], b = views[name].units[e[2]];
    var from = a ? a.title : nameOf(e[1]), to = b ? b.title : nameOf(e[2]);
    if (e[3] === "agg-supports" || e[3] === "agg-attacks") {
      return plural(e[5].length, "relation") + ": " + clip(from, 60) + " " + (e[3] === "agg-supports" ? "supports" : "attacks") + " " + clip(to, 60);
    }
    if (e[3] === "agg-agree" || e[3] === "agg-conflict") {
      return clip(from, 60) + " and " + clip(to, 60) + ": net agreement " + e[6];
    }
    return clip(from, 60) + " on " + clip(to, 60) + ": " + plural(e[5].length, "stance") + " (" + e[6] + ")";
  }

  // Select a node: show it in a view that draws it, fade all but its neighbourhood, and
  // open the panel. `move` centres the view on it (for search and panel links).
  // `keepFocus`: the keyboard stays where it is (stepping through the canvas with N/P).
  function select(id, move, keepFocus) {
    if (isUnit(id)) { selectUnit(id); return; }
    if (!data.actors[id] && !data.claims[id]) { return; }
    var name = viewFor(id);
    // Inside an aggregated view: the drawing that draws it.
    if (name && !viewNodes[name][id] && homeOf(name, id)) { openDrawing(homeOf(name, id)); }
    if (name && name !== current) { showView(name, false); }
    selectedUnit = null;
    selected = id;
    selectedEdge = null;
    // Before highlight(): it draws the lines it fades for the new proposal's sides.
    restyleSides();
    if (focusSteps) { applyFilters(); }
    if (name && name === current) {
      var network = networks[name];
      network.selectNodes([id]);
      highlight(name, id);
      if (focusSteps) { /* fitted below, once the panel has taken its room */ }
      else if (move) { network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false }); }
    }
    document.body.classList.toggle("has-board", !!data.board[id]);
    showPanelOf(function () { return nodePanel(id, name); }, keepFocus);
    if (name && name === current && focusSteps) { fitVisible(name); }
    if (name && name === current && (move || focusSteps)) { clearOfSheet(name, id); }
  }

  // On a phone the panel is a sheet over the map's lower part: keep the entry above it.
  function clearOfSheet(name, id) {
    if (getComputedStyle(panel).position !== "absolute") { return; }
    var network = networks[name];
    var canvas = $("canvas-" + name).getBoundingClientRect();
    var sheet = panel.getBoundingClientRect();
    var covered = Math.max(0, canvas.bottom - sheet.top);
    var at = network.getPositions([id])[id];
    var scale = network.getScale();
    network.moveTo({ position: { x: at.x, y: at.y + covered / 2 / scale }, scale: scale, animation: false });
  }

  function selectEdge(name, id) {
    selectedUnit = null;
    selected = null;
    selectedEdge = id;
    restyleSides();
    highlight(name, null);
    document.body.classList.remove("has-board");
    showPanelOf(function () { return edgePanel(name, id); });
  }

  function clearSelection() {
    selectedUnit = null;
    selected = null;
    selectedEdge = null;
    restyleSides();
    if (focusSteps) { focusSteps = 0; applyFilters(); }
    if (current && networks[current]) {
      var network = networks[current];
      // Unselecting redraws the view: not for a view with nothing selected (as on load).
      if (network.getSelectedNodes().length || network.getSelectedEdges().length) { network.unselectAll(); }
      highlight(current, null);
    }
    closePanel();
  }

  // ---- the panel -------------------------------------------------------------------
  var panel = $("panel");
  var panelBody = $("panel-body");
  // Where the keyboard was when the panel opened: closing it goes back there.
  var returnFocus = null;
  // A node's or a line's panel reads the blocks after the scripts: clicked before the
  // browser has parsed them (the first second of a big map), it says so and is filled
  // once they are, unless another panel has replaced it meanwhile.
  var pendingPanel = null;
  function showPanelOf(build, keepFocus) {
    if (!loading()) { showPanel(build(), keepFocus); return; }
    $("panel-title").textContent = "Details";
    showPanel([el("p", { cls: "hint", id: "panel-wait", text: "Reading the map\u2019s quotes and boards\u2026" })], keepFocus);
    pendingPanel = build;
  }
  whenParsed(function () {
    var build = pendingPanel;
    if (build && !panel.hidden) { showPanel(build(), true); }
  });
  function showPanel(children, keepFocus) {
    pendingPanel = null;
    panelBody.textContent = "";
    children.forEach(function (c) { panelBody.appendChild(c); });
    panelBody.appendChild(panelTools());
    if (panel.hidden) {
      var active = document.activeElement;
      returnFocus = active && active !== document.body && !panel.contains(active) ? active : null;
    }
    panel.hidden = false;
    document.body.classList.add("with-panel");
    // One forced layout, in measureCanvas (it reads the canvas's new width), for the new
    // content and the class at once; the scroll back to the top after it needs no other.
    // Scrolling first laid the panel out, and the class then had it all done again.
    measureCanvas();
    panel.scrollTop = 0;
    if (!keepFocus) { $("panel-title").focus({ preventScroll: true }); }
  }
  // The panel takes its room from the map (or gives it back): measure the canvas now, so
  // that the selection's redraw on the next frame is at the new size; left to
  // vis-network's resize observer, the view would be drawn twice, a frame apart. A canvas
  // resized is blank: it is drawn on the next frame (with the selection's, if any).
  function measureCanvas() {
    var network = current && networks[current];
    if (network && network.setSize("100%", "100%")) { network.body.emitter.emit("_requestRedraw"); }
  }
  function closePanel() {
    pendingPanel = null;
    var had = !panel.hidden;
    panel.hidden = true;
    document.body.classList.remove("with-panel");
    measureCanvas();
    if ((had && panel.contains(document.activeElement)) || document.activeElement === document.body) {
      var back = returnFocus && document.contains(returnFocus) && !returnFocus.closest("[hidden]")
        ? returnFocus : (current ? $("canvas-" + current) : null);
      if (back) { back.focus({ preventScroll: true }); }
    }
    returnFocus = null;
  }

  // Copy link, the outline's entry, and focus mode: under every panel.
  function panelTools() {
    var tools = el("div", { cls: "panel-tools" });
    var copy = el("button", { type: "button", id: "copy-link", text: "Copy link" });
    var said = el("span", { cls: "status", id: "copy-status", role: "status" });
    copy.addEventListener("click", function () {
      var url = location.href;
      function shown() {
        var box = el("input", { type: "text", readonly: "readonly", cls: "link-box", "aria-label": "Link to this view", value: url });
        said.textContent = "";
        said.appendChild(box);
        box.select();
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { said.textContent = "Link copied"; }, shown);
      } else { shown(); }
    });
    tools.appendChild(el("p", null, [copy, " ", said]));
    if (selected) {
      var anchor = (data.actors[selected] ? "actor-" : "claim-") + selected;
      tools.appendChild(el("p", null, [el("a", { href: "outline.html#" + encodeURIComponent(anchor), text: "This entry in the outline" })]));
      var steps = el("p", { cls: "focus-tools" }, ["Focus: show only what is "]);
      [1, 2, 3].forEach(function (n) {
        var b = el("button", { type: "button", "data-focus": String(n), "aria-pressed": focusSteps === n ? "true" : "false", text: plural(n, "step") });
        b.addEventListener("click", function () { setFocus(n); commit(true); });
        steps.appendChild(b);
        steps.appendChild(document.createTextNode(" "));
      });
      steps.appendChild(document.createTextNode("away"));
      tools.appendChild(steps);
    }
    return tools;
  }

  function linkTo(id) {
    var b = el("button", { type: "button", cls: "ref", text: nameOf(id) });
    b.addEventListener("click", function () { select(id, true); });
    return b;
  }

  function sourceLine(sourceId) {
    var s = data.sources[sourceId];
    if (!s) { return el("span", { text: sourceId }); }
    var line = el("span", { cls: "src" }, [
      "\u2014 ", el("cite", { text: s.title }),
      ", " + (s.publisher === "unknown" ? "publisher unknown" : s.publisher) + ", " +
        (s.date === "unknown" ? "date unknown" : s.date)
    ]);
    if (isHttp(s.url)) {
      line.appendChild(document.createTextNode(" "));
      line.appendChild(el("a", { href: s.url.trim(), rel: "noopener noreferrer", target: "_blank", text: "link" }));
    } else if (s.url) {
      line.appendChild(el("span", { cls: "url", text: " " + s.url }));
    }
    return line;
  }

  function stanceItem(s, showActor, showClaim) {
    var head = [];
    if (showActor) { head.push(linkTo(s.actor), " "); }
    head.push(el("span", { cls: "sign sign-" + s.position, text: SIGN[s.position] + " " + VERB[s.position] }));
    if (showClaim) { head.push(" ", linkTo(s.claim)); }
    if (s.date) { head.push(" (" + s.date + ")"); }
    var words = s.quote
      ? el("blockquote", { cls: s.reported ? "reported" : "" }, [
          s.reported ? el("span", { cls: "tag", text: "reported " }) : null, s.quote])
      : el("p", { cls: "tag", text: "reported, no quote" });
    return el("li", { cls: "stance" }, [el("p", null, head), words, el("p", null, [sourceLine(s.source)])]);
  }

  // A long list shows its first PANEL_ITEMS and says how many more a button shows:
  // an entry with thousands of stances would take seconds to build, and a list cut
  // short without a word would hide what the map holds.
  var PANEL_ITEMS = 50;
  // The open lists of a proposal's panel start shorter when they are long (issue 18): a
  // big map's board and its stance lists held 3,000 elements, most of the first click's
  // time laid out below the fold. Their button first shows the rest of the usual
  // PANEL_ITEMS, then all. A list that fits in PANEL_ITEMS is shown whole, as any other:
  // a curated map's proposal lists its 19 supporters at once, not 10 and a button.
  var FIRST_ITEMS = 10;
  // How many of `total` rows a list shows after its button is pressed with `shown` shown.
  function nextCount(shown, total) { return shown < PANEL_ITEMS ? Math.min(PANEL_ITEMS, total) : total; }
  // `rows` as a list of their first PANEL_ITEMS (or of their first `first`, when given and
  // there are more than PANEL_ITEMS), each drawn by `render`, and, when there are more, a
  // note whose button shows the next ones.
  function capped(rows, render, first) {
    var shown = Math.min(first && rows.length > PANEL_ITEMS ? first : PANEL_ITEMS, rows.length);
    var list = el("ul", { cls: "plain" }, rows.slice(0, shown).map(function (r) { return render(r); }));
    if (rows.length <= shown) { return [list]; }
    var said = document.createTextNode("");
    var more = el("button", { type: "button", cls: "show-all" });
    var note = el("p", { cls: "hint more" }, [said, more]);
    function label() {
      var next = nextCount(shown, rows.length);
      said.textContent = "Showing the first " + shown + " of " + rows.length + ". ";
      more.textContent = next === rows.length ? "Show all " + rows.length : "Show " + (next - shown) + " more";
    }
    label();
    more.addEventListener("click", function () {
      var next = nextCount(shown, rows.length);
      // Built apart and added at once: one layout for the lot.
      var batch = document.createDocumentFragment();
      rows.slice(shown, next).forEach(function (r) { batch.appendChild(render(r)); });
      list.appendChild(batch);
      shown = next;
      // The button stays (and keeps the keyboard) while there are more.
      if (shown === rows.length) { note.remove(); } else { label(); }
    });
    return [list, note];
  }
  // A closed `details` (`attrs`, `summary`) whose content, `fill()`'s nodes, is built the
  // first time it opens, by mouse, keyboard or script: closed, it is only its summary.
  // The summary's click fills it before it opens (no empty frame); `toggle` covers an
  // opening without a click (the `open` attribute set by a script or the browser).
  function lazyDetails(attrs, summary, fill) {
    var details = el("details", attrs, [summary]);
    var filled = false;
    function open() {
      if (filled) { return; }
      filled = true;
      var content = document.createDocumentFragment();
      fill().forEach(function (c) { content.appendChild(c); });
      details.appendChild(content);
    }
    summary.addEventListener("click", open);
    details.addEventListener("toggle", function () { if (details.open) { open(); } });
    return details;
  }
  // A titled list of `rows`, each drawn by `render` (the rows themselves when it is
  // absent), showing `first` of them at first (see capped).
  function section(title, rows, render, first) {
    if (!rows.length) { return null; }
    return el("section", null, [el("h3", { text: title })].concat(capped(rows, render || function (r) { return r; }, first)));
  }

  function nodePanel(id, name) {
    var out = [];
    $("panel-title").textContent = nameOf(id);
    if (data.actors[id]) {
      var a = data.actors[id];
      var facts = [el("dt", { text: "Kind" }), el("dd", { text: a.kind })];
      if (a.role) { facts.push(el("dt", { text: "Role" }), el("dd", { text: a.role })); }
      if (a.affiliations.length) {
        var aff = el("dd");
        a.affiliations.forEach(function (x, i) { if (i) { aff.appendChild(document.createTextNode(", ")); } aff.appendChild(linkTo(x)); });
        facts.push(el("dt", { text: "Affiliations" }), aff);
      }
      var camp = campOf[id] !== undefined ? data.camps[campOf[id]].name : data.unalignedWord + ": no stated position and no agreement with anyone";
      facts.push(el("dt", { text: "Camp" }), el("dd", { id: "actor-camp", text: camp }));
      out.push(el("dl", { cls: "facts" }, facts));
      var mine = block("argmap-actors");
      var partners = mine.partners[id] || [];
      [["agree", "Agrees most with", function (w) { return w > 0; }],
       ["conflict", "Conflicts most with", function (w) { return w < 0; }]].forEach(function (k) {
        var items = partners.filter(function (p) { return k[2](p[1]); }).map(function (p) {
          return el("li", null, [linkTo(p[0]), " (" + (p[1] > 0 ? "+" : "\u2212") + Math.abs(p[1]).toFixed(2) + ")"]);
        });
        var sec = section(k[1] + " (" + items.length + ")", items);
        if (sec) { sec.classList.add("partners-" + k[0]); out.push(sec); }
      });
      var pos = (mine.positions[id] || []).map(function (p) {
        return el("li", null, [linkTo(p[0]), ": " + p[3] + (p[2] ? " \u2014 mixed: has arguments on both sides" : "")]);
      });
      var posSection = section("Stated positions", pos);
      if (posSection) {
        posSection.appendChild(el("p", { cls: "hint", text: "From \u22121 (against) to +1 (for): where the actor's own sources link them to a proposal, through the claims they hold. Positions reached only through other sources are in each proposal's \u201cInferred, not stated\u201d part." }));
        out.push(posSection);
      }
      out.push(section("Stances (" + (stancesByActor[id] || []).length + ")",
        stancesByActor[id] || [], function (s) { return stanceItem(s, false, true); }));
    } else {
      var c = data.claims[id];
      out.push(el("p", { cls: "kind", text: c.kind.charAt(0).toUpperCase() + c.kind.slice(1) }));
      out.push(el("p", { cls: "claim-text", text: c.text }));
      var cfacts = [];
      if (c.source) { cfacts.push(el("dt", { text: "Source" }), el("dd", null, [sourceLine(c.source)])); }
      if (c.tags.length) { cfacts.push(el("dt", { text: "Tags" }), el("dd", { text: c.tags.join(", ") })); }
      var h = holders(id);
      if (data.board[id]) { cfacts.push(el("dt", { text: "Stated positions" }), el("dd", { id: "board-summary", text: sides(id) })); }
      else { cfacts.push(el("dt", { text: "Stances" }), el("dd", { text: holdWords(h) })); }
      if (c.acceptance) { cfacts.push(el("dt", { text: "Acceptance" }), el("dd", { id: "acceptance-words", text: acceptanceWords(c) })); }
      if (c.strength !== null && c.strength !== undefined) { cfacts.push(el("dt", { text: "Strength" }), el("dd", { id: "strength-words", text: strengthWords(c) })); }
      out.push(el("dl", { cls: "facts" }, cfacts));
      if (data.board[id]) { out.push(proBoard(id)); }
      var st = stancesByClaim[id] || [];
      ["supports", "opposes", "neutral"].forEach(function (p) {
        var title = { supports: "Supporters", opposes: "Opponents", neutral: "Neutral" }[p];
        if (data.board[id]) { title = "Stances on the proposal itself: " + VERB[p]; }
        out.push(section(title + " (" + h[p].length + ")", st.filter(function (s) { return s.position === p; }),
          function (s) { return stanceItem(s, true, false); }, data.board[id] ? FIRST_ITEMS : PANEL_ITEMS));
      });
      function rels(key, word) {
        return function (r) {
          if (r.kind === "undercuts") {
            var t = relationById[r.to];
            return el("li", null, ["\u2298 undercuts the link from ", linkTo(t.from), " to ", linkTo(t.to)]);
          }
          return el("li", null, [(r.kind === "supports" ? "+ " : "\u2212 ") + word[r.kind] + " ", linkTo(r[key]),
            disabled[r.index] ? " \u2298 (disabled: undercut)" : ""]);
        };
      }
      out.push(section("Argued about by", relationsTo[id] || [], rels("from", { supports: "supported by", attacks: "attacked by" })));
      out.push(section("Argues about", relationsFrom[id] || [], rels("to", { supports: "supports", attacks: "attacks" })));
    }
    if (!name) { out.push(el("p", { cls: "hint", text: "Not drawn in any view (the view is capped); listed in the outline." })); }
    return out.filter(Boolean);
  }

  // A proposal's pro/con board, read from its block alone (html.py's _board decides who
  // stands where): for and against side by side, each actor with their quote, then the
  // arguments for and against, each opening on who holds it and what argues about it.
  function boardActor(entry, proposal) {
    var s = entry[2] >= 0 ? stances[entry[2]] : null;
    var head = [linkTo(entry[0]), " ", el("span", { cls: "score", text: (entry[1] > 0 ? "+" : entry[1] < 0 ? "\u2212" : "") + Math.abs(entry[1]).toFixed(2) })];
    var body = [el("p", null, head)];
    if (s) {
      if (s.quote) { body.push(el("blockquote", { cls: s.reported ? "reported" : "" }, [s.reported ? el("span", { cls: "tag", text: "reported " }) : null, s.quote])); }
      else { body.push(el("p", { cls: "tag", text: "no quote" })); }
      if (s.claim !== proposal) { body.push(el("p", { cls: "hint" }, [SIGN[s.position] + " " + VERB[s.position] + " ", linkTo(s.claim)])); }
    }
    if (entry[3]) {
      // An inferred position: the chain of claims and the sources behind it.
      var via = [];
      entry[3].path.forEach(function (c, i) { if (i) { via.push(" \u2192 "); } via.push(linkTo(c)); });
      body.push(el("p", { cls: "hint chain" }, ["Inferred through: "].concat(via)));
      body.push(el("p", { cls: "hint" }, ["Sources: " + entry[3].sources.map(function (x) {
        return data.sources[x] ? data.sources[x].title : x; }).join("; ")]));
    }
    return el("li", { cls: "stance" }, body);
  }
  function argumentItem(r) {
    var h = holders(r.from);
    var inner = (stancesByClaim[r.from] || []).concat(relationsTo[r.from] || []);
    function render(x) {
      if (x.actor) { return stanceItem(x, true, false); }
      return el("li", null, [(x.kind === "supports" ? "+ supported by " : "\u2212 attacked by "), linkTo(x.from)]);
    }
    var summary = el("summary", null, [(r.kind === "supports" ? "+ " : "\u2212 ") + claimName(r.from) + " ",
      el("span", { cls: "status", text: "(" + holdWords(h) + ")" })]);
    // Filled when first opened: a board lists up to 50 arguments a side, each with its
    // stances, and closed ones show only their summary.
    return el("li", null, [lazyDetails({ cls: "argument" }, summary, function () {
      return [el("p", null, [linkTo(r.from)])].concat(capped(inner, render));
    })]);
  }
  function proBoard(id) {
    var b = block("argmap-board-" + data.board[id].block);
    function column(side, title, entries, kind) {
      var args = (relationsTo[id] || []).filter(function (r) { return r.kind === kind; });
      return el("section", { cls: "board-col board-" + side }, [
        el("h3", { text: title + " (" + entries.length + ")" }),
        el("details", { open: "open", cls: "board-actors" }, [el("summary", { text: plural(entries.length, "actor") })]
          .concat(capped(entries, function (e) { return boardActor(e, id); }, FIRST_ITEMS))),
        el("details", { open: "open", cls: "board-args" }, [el("summary", { text: plural(args.length, "argument") })]
          .concat(capped(args, argumentItem, FIRST_ITEMS)))]);
    }
    var out = el("section", { cls: "board", "aria-label": "For and against" }, [
      el("div", { cls: "board-cols" }, [column("for", "For", b["for"], "supports"), column("against", "Against", b.against, "attacks")])]);
    [["mixed", "Mixed: arguments on both sides"], ["neutral", "Neutral"],
     ["inferred", "Inferred, not stated: only through other sources\u2019 relations"]].forEach(function (k) {
      var entries = b[k[0]];
      if (!entries.length) { return; }
      // Closed, as each argument is: built when first opened.
      out.appendChild(lazyDetails({ cls: "board-mixed board-" + k[0] }, el("summary", { text: k[1] + " (" + entries.length + ")" }), function () {
        return capped(entries, function (e) { return boardActor(e, id); });
      }));
    });
    out.appendChild(el("p", { cls: "hint", text: "Stated positions: where the actor's own source links them to this proposal. The quote is the one that pulls them most that way." }));
    return out;
  }

  function edgePanel(name, id) {
    var e = viewEdges[name][id];
    var out = [];
    if (e[3].indexOf("agg-") === 0) {
      $("panel-title").textContent = e[3] === "agg-agree" || e[3] === "agg-conflict" ? "Between two camps" : "Between two clusters";
      out.push(el("p", { id: "agg-edge-words", text: aggEdgeWords(name, e) }));
      if (e[3] === "agg-supports" || e[3] === "agg-attacks") {
        out.push(section("Relations (" + e[5].length + ")", e[5], function (i) {
          var r = relations[i];
          return el("li", null, [linkTo(r.from), " " + r.kind + " ", linkTo(r.to)]);
        }));
      } else if (e[3].indexOf("agg-stance") === 0) {
        out.push(section("Stances (" + e[5].length + ")", e[5], function (i) { return stanceItem(stances[i], true, true); }));
      } else {
        out.push(el("p", { cls: "hint", text: "The sum of the agreement weights of every pair of actors with one in each camp: a pair's weight is the claims they share minus the claims they are opposed on." }));
      }
      return out.filter(Boolean);
    }
    if (name === "argument") {
      var r = relations[e[5][0]];
      $("panel-title").textContent = r.kind === "supports" ? "+ Support" : r.kind === "attacks" ? "\u2212 Attack" : "\u2298 Undercut";
      if (r.kind === "undercuts") {
        var t = relationById[r.to];
        out.push(el("p", null, [linkTo(r.from), " undercuts the link: ", linkTo(t.from), " " + t.kind + " ", linkTo(t.to)]));
        out.push(el("p", { cls: "hint", text: "An undercut attacks the inference, not the claim: it says the link does not hold, not that the claim is false." }));
      } else {
        out.push(el("p", null, [linkTo(r.from), " " + r.kind + " ", linkTo(r.to)]));
      }
      if (isDisabled(e)) {
        var by = relations.filter(function (u) { return u.kind === "undercuts" && u.to === r.id; });
        out.push(el("p", { cls: "note", id: "disabled-note" }, ["\u2298 Disabled: undercut by "].concat(
          by.map(function (u, i) { return i ? [", ", linkTo(u.from)] : [linkTo(u.from)]; }).reduce(function (a, b) { return a.concat(b); }, []),
          [" (accepted), so this link no longer counts."])));
      }
      if (r.source) { out.push(el("p", null, [sourceLine(r.source)])); }
      if (r.note) { out.push(el("p", { cls: "note", text: r.note })); }
    } else if (name === "stances") {
      var first = stances[e[5][0]];
      $("panel-title").textContent = actorName(first.actor) + " " + SIGN[first.position] + " " + VERB[first.position];
      out.push(el("p", null, [linkTo(first.actor), " " + VERB[first.position] + " ", linkTo(first.claim)]));
      if (data.question) {
        out.push(el("p", { cls: "hint", id: "stance-meaning" }, ["For ", linkTo(sideProposal()), ": " + SIDE_WORDS[edgeSide(e)] +
          " (what supporting or opposing this claim means for the proposal, through the map's relations)"]));
      }
      out.push(section("Quotes (" + e[5].length + ")", e[5], function (i) { return stanceItem(stances[i], false, false); }));
    } else {
      $("panel-title").textContent = e[3] === "agree" ? "+ Agreement" : "\u2212 Conflict";
      out.push(el("p", null, [linkTo(e[1]), " and ", linkTo(e[2]), " " + (e[3] === "agree" ? "agree" : "conflict") + " (weight " + e[6] + ")"]));
      out.push(el("p", { cls: "hint", text: "Weight: how far their positions on the shared claims agree (+1) or conflict (\u22121)." }));
      out = out.concat(sharedClaims(e[1], e[2]));
    }
    return out.filter(Boolean);
  }

  // The claims two actors both take a stance on: the same stance (shared) or opposite
  // ones (opposed), each with both actors' quotes.
  function sharedClaims(a, b) {
    var mine = {};
    (stancesByActor[a] || []).forEach(function (s) { (mine[s.claim] = mine[s.claim] || []).push(s); });
    var shared = [];
    var opposed = [];
    (stancesByActor[b] || []).forEach(function (t) {
      (mine[t.claim] || []).forEach(function (s) {
        if (s.position === "neutral" || t.position === "neutral") { return; }
        (s.position === t.position ? shared : opposed).push([s, t]);
      });
    });
    function item(pair) {
      return el("li", { cls: "pair" }, [el("p", null, [linkTo(pair[0].claim)]),
        el("ul", { cls: "plain" }, [stanceItem(pair[0], true, false), stanceItem(pair[1], true, false)])]);
    }
    return [section("Shared claims (" + shared.length + ")", shared, item),
            section("Opposed claims (" + opposed.length + ")", opposed, item)].filter(Boolean);
  }

  // ---- search ----------------------------------------------------------------------
  // Each entry: [target id, text (lower case), tier, kind, shown name, what matched].
  // Tiers rank what people type: names and labels, then roles, then claim texts, then quotes.
  function norm(text) { return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, "\"").replace(/\s+/g, " "); }
  // Built on the first search, not before the first draw: on a big map it is every
  // quote's text once more, in lower case.
  var searchIndex = null;
  function buildSearchIndex() {
    var index = [];
    Object.keys(data.actors).sort().forEach(function (id) {
      var a = data.actors[id];
      index.push([id, norm(a.name), 0, "actor", a.name, ""]);
      index.push([id, norm(id), 1, "actor", a.name, ""]);
      if (a.role) { index.push([id, norm(a.role), 2, "actor", a.name, "role: " + a.role]); }
    });
    Object.keys(data.claims).sort().forEach(function (id) {
      var c = data.claims[id];
      if (c.label) { index.push([id, norm(c.label), 0, c.kind, c.label, ""]); }
      index.push([id, norm(id), 1, c.kind, c.label || c.text, ""]);
      index.push([id, norm(c.text), c.label ? 3 : 0, c.kind, c.label || c.text, c.label ? c.text : ""]);
    });
    // Before the quotes are parsed, names and texts only; made again once they are.
    if (loading()) { return index; }
    stances.forEach(function (s) {
      if (s.quote) { index.push([s.actor, norm(s.quote), 4, "quote", actorName(s.actor), "\u201c" + s.quote + "\u201d"]); }
    });
    return index;
  }
  // How well `text` matches: 0 the whole text, 1 its start, 2 a word's start, 3 inside; -1 not.
  function quality(text, q) {
    var at = text.indexOf(q);
    if (at < 0) { return -1; }
    if (text === q) { return 0; }
    if (at === 0) { return 1; }
    var word = new RegExp("(^|[^a-z0-9])" + q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return word.test(text) ? 2 : 3;
  }
  function rank(q) {
    var best = {};
    var index = searchIndex || buildSearchIndex();
    if (!loading()) { searchIndex = index; }
    index.forEach(function (e, i) {
      var m = quality(e[1], q);
      if (m < 0) { return; }
      var score = e[2] * 10 + m;
      var old = best[e[0]];
      if (!old || score < old.score) { best[e[0]] = { score: score, entry: e, order: i }; }
    });
    return Object.keys(best).map(function (k) { return best[k]; }).sort(function (a, b) {
      return a.score - b.score || a.entry[4].length - b.entry[4].length || a.order - b.order;
    }).map(function (b) { return b.entry; });
  }
  var search = $("search");
  var results = $("search-results");
  // A search typed while the page was still parsing its quotes: again, with them.
  whenParsed(function () { if (search.value.trim() && !results.hidden) { runSearch(); } });
  function runSearch(show) {
    var q = norm(search.value.trim());
    results.textContent = "";
    if (!q) { results.hidden = true; $("search-status").textContent = ""; return []; }
    var found = rank(q);
    found.slice(0, 20).forEach(function (e) {
      var b = el("button", { type: "button", role: "option", "data-id": e[0] }, [
        el("span", { cls: "kind", text: e[3] + " " }), clip(e[4], 80),
        e[5] ? el("span", { cls: "why", text: clip(e[5], 100) }) : null]);
      b.addEventListener("click", function () { pick(e[0]); });
      results.appendChild(el("li", null, [b]));
    });
    if (!found.length) { results.appendChild(el("li", { cls: "none", text: "No match" })); }
    $("search-status").textContent = found.length ? plural(found.length, "match", "matches") + (found.length > 20 ? ", first 20 shown" : "") : "No match";
    results.hidden = show === false;
    return found;
  }
  function pick(id) {
    results.hidden = true;
    select(id, true);
    commit(true);
  }
  search.addEventListener("input", function () { runSearch(); commit(false); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = runSearch();
      if (found.length) { pick(found[0][0]); }
      ev.preventDefault();
    } else if (ev.key === "ArrowDown") {
      var first = results.querySelector("button");
      if (first) { first.focus(); ev.preventDefault(); }
    }
  });
  results.addEventListener("keydown", function (ev) {
    var buttons = Array.prototype.slice.call(results.querySelectorAll("button"));
    var i = buttons.indexOf(document.activeElement);
    if (ev.key === "ArrowDown" && i < buttons.length - 1) { buttons[i + 1].focus(); ev.preventDefault(); }
    if (ev.key === "ArrowUp") { (i > 0 ? buttons[i - 1] : search).focus(); ev.preventDefault(); }
  });

  // ---- filters and focus -----------------------------------------------------------
  function checkedValues(name) {
    return Array.prototype.slice.call(document.querySelectorAll("input[name=" + name + "]"))
      .filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  }
  function filterState() {
    var kinds = checkedValues("kind");
    var camps = checkedValues("camp");
    var stances = checkedValues("stance");
    var source = $("filter-source").value;
    var isDefault = kinds.length === document.querySelectorAll("input[name=kind]").length &&
      camps.length === document.querySelectorAll("input[name=camp]").length &&
      stances.length === 3 && !source;
    return { kinds: kinds, camps: camps, stances: stances, source: source, isDefault: isDefault };
  }
  function actorPasses(f, id) {
    var a = data.actors[id];
    var camp = campOf[id] === undefined ? "none" : String(campOf[id]);
    return f.kinds.indexOf(a.kind) >= 0 && f.camps.indexOf(camp) >= 0;
  }
  function stancePasses(f, s) {
    return actorPasses(f, s.actor) && f.stances.indexOf(s.position) >= 0 && (!f.source || s.source === f.source);
  }

  // Which nodes and edges of a view the filters leave; null when nothing is filtered.
  // With a source article, each view keeps only what that article contains.
  function visibleParts(name, f) {
    if (f.isDefault) { return null; }
    var view = views[name];
    var nodes = {};
    var edges = {};
    if (name === "stances") {
      view.edges.forEach(function (e) {
        if (e[5].some(function (i) { return stancePasses(f, stances[i]); })) {
          edges[e[0]] = true; nodes[e[1]] = true; nodes[e[2]] = true;
        }
      });
    } else if (name === "argument") {
      var inSource = {};
      if (f.source) {
        relations.forEach(function (r) { if (r.source === f.source) { inSource[r.from] = true; inSource[r.to] = true; } });
      }
      view.nodes.forEach(function (n) {
        if (isCut(n[0])) { return; }
        if (isUnit(n[0])) { nodes[n[0]] = true; return; }  // a cluster is not filtered
        var c = data.claims[n[0]];
        var held = (stancesByClaim[n[0]] || []).some(function (s) { return stancePasses(f, s); });
        if (f.source ? (c.source === f.source || inSource[n[0]] || held) : (c.kind === "proposal" || held)) {
          nodes[n[0]] = true;
        }
      });
      view.nodes.forEach(function (n) {
        var t = isCut(n[0]) ? viewEdges[name][n[0].slice(4)] : null;
        if (t && nodes[t[1]] && nodes[t[2]]) { nodes[n[0]] = true; }
      });
      view.edges.forEach(function (e) {
        var r = relations[e[5][0]];
        if (nodes[e[1]] && nodes[e[2]] && (!f.source || !r.source || r.source === f.source)) { edges[e[0]] = true; }
      });
    } else {
      view.nodes.forEach(function (n) {
        if (isUnit(n[0])) { nodes[n[0]] = true; return; }
        if (actorPasses(f, n[0]) && (!f.source || (stancesByActor[n[0]] || []).some(function (s) { return s.source === f.source; }))) {
          nodes[n[0]] = true;
        }
      });
      view.edges.forEach(function (e) { if (nodes[e[1]] && nodes[e[2]]) { edges[e[0]] = true; } });
    }
    return { nodes: nodes, edges: edges };
  }

  // Focus mode: the nodes at most `focusSteps` links from the selection in this view.
  function focusSet(name) {
    if (!focusSteps || !selected || !viewNodes[name][selected]) { return null; }
    var around = {};
    views[name].edges.forEach(function (e) {
      (around[e[1]] = around[e[1]] || []).push(e[2]);
      (around[e[2]] = around[e[2]] || []).push(e[1]);
    });
    var seen = {};
    seen[selected] = true;
    var frontier = [selected];
    for (var step = 0; step < focusSteps; step++) {
      var next = [];
      frontier.forEach(function (n) {
        (around[n] || []).forEach(function (m) { if (!seen[m]) { seen[m] = true; next.push(m); } });
      });
      frontier = next;
    }
    return seen;
  }
  function setFocus(n) {
    focusSteps = selected ? n : 0;
    applyFilters();
    var id = selected;
    if (id) { showPanelOf(function () { return nodePanel(id, viewFor(id)); }, true); }
    if (current) { fitVisible(current); }
  }

  var hiddenNow = {};  // view -> node id or "edge " + edge id -> hidden
  function applyFilters() {
    var f = filterState();
    $("filter-count").textContent = f.isDefault ? "" : "(on)";
    Object.keys(networks).forEach(function (name) {
      var parts = visibleParts(name, f);
      var around = focusSet(name);
      function shown(id) { return (parts === null || parts.nodes[id]) && (around === null || around[id]); }
      // Only what changes: each DataSet update makes vis-network redo its work.
      var was = hiddenNow[name] || (hiddenNow[name] = {});
      var nodes = [];
      views[name].nodes.forEach(function (n) {
        var hide = !shown(n[0]);
        if (!!was[n[0]] !== hide) { was[n[0]] = hide; nodes.push({ id: n[0], hidden: hide }); }
      });
      var edges = [];
      views[name].edges.forEach(function (e) {
        var hide = !((parts === null || parts.edges[e[0]]) && shown(e[1]) && shown(e[2]));
        if (!!was["edge " + e[0]] !== hide) { was["edge " + e[0]] = hide; edges.push({ id: e[0], hidden: hide }); }
      });
      if (nodes.length) { nodeSets[name].update(nodes); }
      if (edges.length) { edgeSets[name].update(edges); }
    });
    var shownNodes = current && views[current] ? visibleIds(current) : [];
    var total = current && views[current] ? views[current].nodes.length : 0;
    $("filter-status").textContent = shownNodes.length === total ? "" :
      "Showing " + shownNodes.length + " of " + total + " nodes.";
    var bar = $("focus-bar");
    bar.hidden = !focusSteps;
    if (focusSteps && selected) {
      $("focus-text").textContent = "Focus: " + nameOf(selected) + " and what is at most " + plural(focusSteps, "step") + " away.";
    }
  }
  function visibleIds(name) {
    return nodeSets[name] ? nodeSets[name].getIds({ filter: function (n) { return !n.hidden; } }) : [];
  }
  // Re-fit the view on what is shown (after a filter or focus), or on the whole view.
  function fitVisible(name) {
    var network = networks[name];
    if (!network) { return; }
    var ids = visibleIds(name);
    if (!ids.length || ids.length === views[name].nodes.length) { initialZoom(name); return; }
    network.setSize("100%", "100%");
    network.fit({ nodes: ids, animation: false });
    if (network.getScale() > 1.2) { network.moveTo({ scale: 1.2, animation: false }); }
    // Never below a legible scale: centre on the selection and let "Fit" show the rest.
    if (network.getScale() < LEGIBLE_SCALE) {
      var at = selected && viewNodes[name][selected] ? network.getPositions([selected])[selected] : network.getViewPosition();
      network.moveTo({ position: at, scale: LEGIBLE_SCALE, animation: false });
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll("#filters input, #filters select"), function (input) {
    input.addEventListener("change", function () { applyFilters(); if (current) { fitVisible(current); } commit(false); });
  });
  $("focus-off").addEventListener("click", function () { setFocus(0); commit(true); });

  function reset() {
    Array.prototype.forEach.call(document.querySelectorAll("#filters input"), function (i) { i.checked = true; });
    $("filter-source").value = "";
    search.value = "";
    results.hidden = true;
    $("search-status").textContent = "";
    focusSteps = 0;
    applyFilters();
    clearSelection();
    if (current && networks[current]) { initialZoom(current); }
  }
  $("reset").addEventListener("click", function () { reset(); commit(true); });
  $("panel-close").addEventListener("click", function () { clearSelection(); commit(true); });
  Array.prototype.forEach.call(document.querySelectorAll("[data-select]"), function (b) {
    b.addEventListener("click", function () {
      b.closest("details").open = false;
      select(b.getAttribute("data-select"), true);
      commit(true);
    });
  });

  // ---- popups and Escape -----------------------------------------------------------
  var popups = Array.prototype.slice.call(document.querySelectorAll("details.popup"));
  popups.forEach(function (d) {
    d.addEventListener("toggle", function () {
      if (d.open) { popups.forEach(function (o) { if (o !== d) { o.open = false; } }); }
    });
  });
  document.addEventListener("click", function (ev) {
    popups.forEach(function (d) { if (d.open && !d.contains(ev.target)) { d.open = false; } });
    if (!results.hidden && !results.contains(ev.target) && ev.target !== search) { results.hidden = true; }
  });
  // Escape closes the innermost thing open and gives the keyboard back to what opened it.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") { return; }
    if (!results.hidden) { results.hidden = true; search.focus(); ev.preventDefault(); return; }
    var open = popups.filter(function (d) { return d.open; });
    if (open.length) {
      open.forEach(function (d) { d.open = false; });
      open[0].querySelector("summary").focus();
      ev.preventDefault();
      return;
    }
    if (!panel.hidden) { clearSelection(); commit(true); ev.preventDefault(); }
  });

  // ---- the canvas from the keyboard -------------------------------------------------
  // Arrows pan, + and - zoom, 0 fits, N and P step through the shown entries (top to
  // bottom, then left to right), Enter moves into the panel.
  function zoomBy(factor) {
    var network = networks[current];
    if (network) { network.moveTo({ scale: network.getScale() * factor, animation: false }); }
  }
  function step(direction) {
    var network = networks[current];
    var xy = network.getPositions(visibleIds(current));
    var ids = Object.keys(xy).filter(function (id) { return !isCut(id); }).sort(function (a, b) { return xy[a].y - xy[b].y || xy[a].x - xy[b].x || (a < b ? -1 : 1); });
    if (!ids.length) { return; }
    var at = ids.indexOf(selected);
    var next = ids[at < 0 ? (direction > 0 ? 0 : ids.length - 1) : (at + direction + ids.length) % ids.length];
    select(next, true, true);
    commit(true);
  }
  function canvasKeys(ev) {
    var network = networks[current];
    if (!network || ev.target !== $("canvas-" + current) || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var pan = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[ev.key];
    if (pan) {
      var at = network.getViewPosition();
      var by = 80 / network.getScale();
      network.moveTo({ position: { x: at.x + pan[0] * by, y: at.y + pan[1] * by }, animation: false });
    } else if (ev.key === "+" || ev.key === "=") { zoomBy(1.25); }
    else if (ev.key === "-" || ev.key === "_") { zoomBy(0.8); }
    else if (ev.key === "0") { fitAll(current); }
    else if (ev.key === "n" || ev.key === "N") { step(1); }
    else if (ev.key === "p" || ev.key === "P") { step(-1); }
    else if (ev.key === "Enter" && !panel.hidden) { $("panel-title").focus(); }
    else { return; }
    ev.preventDefault();
  }
  Array.prototype.forEach.call(document.querySelectorAll(".canvas"), function (c) { c.addEventListener("keydown", canvasKeys); });
  $("zoom-in").addEventListener("click", function () { zoomBy(1.25); });
  $("zoom-out").addEventListener("click", function () { zoomBy(0.8); });
  $("zoom-fit").addEventListener("click", function () { if (current) { fitAll(current); } });

  // ---- the address: view, selection, search, filters, focus -------------------------
  // #view=stances&sel=jo-green&q=jo&xkind=party&src=herald&focus=2 (defaults left out);
  // "#claim-<id>", "#actor-<id>" (the outline's anchors), "#<id>" and "#<view>" also open.
  function stateHash() {
    var f = filterState();
    var parts = [["view", current]];
    if (current && shownKey[current] !== current) { parts.push(["d", shownKey[current]]); }
    if (selected) { parts.push(["sel", selected]); }
    else if (selectedUnit) { parts.push(["sel", selectedUnit]); }
    else if (selectedEdge) { parts.push(["edge", selectedEdge]); }
    if (search.value.trim()) { parts.push(["q", search.value.trim()]); }
    ["kind", "camp", "stance"].forEach(function (name) {
      var off = Array.prototype.slice.call(document.querySelectorAll("input[name=" + name + "]"))
        .filter(function (i) { return !i.checked; }).map(function (i) { return i.value; });
      if (off.length) { parts.push(["x" + name, off.join(",")]); }
    });
    if (f.source) { parts.push(["src", f.source]); }
    if (focusSteps && selected) { parts.push(["focus", String(focusSteps)]); }
    return "#" + parts.map(function (p) { return p[0] + "=" + encodeURIComponent(p[1]); }).join("&");
  }
  // Write the state into the address: a new history entry for a new selection or view
  // (so Back returns to the previous one), the same entry for typing and filters.
  function commit(push) {
    if (restoring || !history.pushState) { return; }
    var hash = stateHash();
    if (hash === location.hash) { return; }
    if (push) { history.pushState(null, "", hash); } else { history.replaceState(null, "", hash); }
  }
  function parseHash(hash) {
    var raw = hash.replace(/^#/, "");
    var state = {};
    if (raw.indexOf("=") < 0) {
      var id = decodeURIComponent(raw);
      if (views[id]) { state.view = id; }
      else if (/^(actor|claim)-/.test(id) && (data.actors[id.replace(/^actor-/, "")] || data.claims[id.replace(/^claim-/, "")])) {
        state.sel = id.replace(/^(actor|claim)-/, "");
      } else if (data.actors[id] || data.claims[id]) { state.sel = id; }
      return state;
    }
    raw.split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) { state[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1)); }
    });
    return state;
  }
  function restore(hash) {
    var state = parseHash(hash);
    var wasNarrowed = focusSteps > 0 || (current !== null && !filterState().isDefault);
    restoring = true;
    try {
      ["kind", "camp", "stance"].forEach(function (name) {
        var off = (state["x" + name] || "").split(",");
        Array.prototype.forEach.call(document.querySelectorAll("input[name=" + name + "]"), function (i) {
          i.checked = off.indexOf(i.value) < 0;
        });
      });
      var source = $("filter-source");
      source.value = state.src && source.querySelector("option[value=\"" + CSS.escape(state.src) + "\"]") ? state.src : "";
      search.value = state.q || "";
      var view = views[state.view] ? state.view : (state.sel ? viewFor(state.sel) : null) || current || tabs[0].getAttribute("data-view");
      focusSteps = 0;
      var key = state.d && hasDrawing(state.d) && tabOf(state.d) === view ? state.d : view;
      if (shownKey[view] !== key) { clearSelection(); openDrawing(key); }
      if (view !== current) { showView(view, false); }
      if (state.sel && isUnit(state.sel) && views[current].units && views[current].units[state.sel]) {
        selectUnit(state.sel);
      } else if (state.sel && (data.actors[state.sel] || data.claims[state.sel])) {
        focusSteps = Math.max(0, Math.min(3, parseInt(state.focus, 10) || 0));
        select(state.sel, !focusSteps, true);
      } else if (state.edge && viewEdges[current][state.edge]) {
        selectEdge(current, state.edge);
      } else {
        clearSelection();
      }
      applyFilters();
      if (!state.sel && !filterState().isDefault) { fitVisible(current); }
      else if (!state.sel && wasNarrowed) { initialZoom(current); }
      runSearch(state.q && !state.sel && !state.edge ? undefined : false);
    } finally {
      restoring = false;
    }
  }
  window.addEventListener("popstate", function () { restore(location.hash); });
  window.addEventListener("hashchange", function () { restore(location.hash); });

  // ---- export and print ------------------------------------------------------------
  // The drawing on a white ground (the canvas itself is transparent).
  function viewImage() {
    var source = networks[current].canvas.frame.canvas;
    var out = document.createElement("canvas");
    out.width = source.width; out.height = source.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    return out;
  }
  function download(blob, name) {
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  $("download-png").addEventListener("click", function () {
    viewImage().toBlob(function (blob) { download(blob, "argmap-" + current + ".png"); }, "image/png");
  });
  $("download-svg").addEventListener("click", function () {
    download(new Blob([viewSvg(current)], { type: "image/svg+xml" }), "argmap-" + current + ".svg");
  });
  $("print-page").addEventListener("click", function () { preparePrint(); window.print(); });

  // The current view as SVG, drawn from vis-network's own node and edge positions; every
  // string is a text node, so the serialiser escapes it.
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function labelLines(node, max) {
    var lines = node.labelModule && node.labelModule.lines;
    if (lines && lines.length) {
      return lines.map(function (l) { return (l.blocks || []).map(function (b) { return b.text; }).join(""); });
    }
    var out = [""];
    String(node.options.label || "").split(" ").forEach(function (w) {
      if ((out[out.length - 1] + " " + w).length > max && out[out.length - 1]) { out.push(w); }
      else { out[out.length - 1] = (out[out.length - 1] + " " + w).trim(); }
    });
    return out;
  }
  function boxEdge(from, to, box) {
    // Where the segment from `from` to the centre `to` meets the box around `to`.
    var dx = from.x - to.x, dy = from.y - to.y;
    var hw = (box.right - box.left) / 2, hh = (box.bottom - box.top) / 2;
    var t = Math.min(dx ? hw / Math.abs(dx) : Infinity, dy ? hh / Math.abs(dy) : Infinity, 1);
    return { x: to.x + dx * t, y: to.y + dy * t };
  }
  function viewSvg(name) {
    var network = networks[name];
    var body = network.body;
    var ids = visibleIds(name);
    var xy = network.getPositions(ids);
    var boxes = {};
    var left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    ids.forEach(function (id) {
      var b = network.getBoundingBox(id);
      boxes[id] = b;
      left = Math.min(left, b.left); top = Math.min(top, b.top);
      right = Math.max(right, b.right); bottom = Math.max(bottom, b.bottom);
    });
    if (!ids.length) { left = top = 0; right = bottom = 100; }
    (views[name].groups || []).forEach(function (grp) {  // camp names sit above their camps
      left = Math.min(left, grp[1] - 300); right = Math.max(right, grp[1] + 300);
      top = Math.min(top, grp[2] - 48); bottom = Math.max(bottom, grp[2]);
    });
    var pad = 20;
    var root = svgEl("svg", { xmlns: SVG, viewBox: [left - pad, top - pad, right - left + 2 * pad, bottom - top + 2 * pad].join(" "),
      width: Math.round(right - left + 2 * pad), height: Math.round(bottom - top + 2 * pad), "font-family": "system-ui, sans-serif" });
    root.appendChild(svgEl("title", {}, data.title + " \u2014 " + $("tab-" + name).textContent));
    root.appendChild(svgEl("rect", { x: left - pad, y: top - pad, width: right - left + 2 * pad, height: bottom - top + 2 * pad, fill: "#ffffff" }));
    var shownNodes = {};
    ids.forEach(function (id) { shownNodes[id] = true; });
    edgeSets[name].get({ filter: function (e) { return !e.hidden && shownNodes[e.from] && shownNodes[e.to]; } }).forEach(function (e) {
      var a = xy[e.from], b = xy[e.to];
      var style = data.styles.edges[viewEdges[name][e.id][3]];
      var colour = style.color.color;
      var end = style.arrows.to.enabled ? boxEdge(a, b, shapeBox(body.nodes[e.to], b, boxes[e.to])) : b;
      var attrs = { x1: a.x, y1: a.y, x2: end.x, y2: end.y, stroke: colour, "stroke-width": e.width || style.width || 2,
        "stroke-opacity": isFaded(name, "edges", e.id) ? EDGE_FADE : e.color && e.color.opacity !== undefined ? e.color.opacity : 1 };
      if (style.dashes) { attrs["stroke-dasharray"] = style.dashes.join(","); }
      root.appendChild(svgEl("line", attrs));
      if (style.arrows.to.enabled) {
        var len = Math.hypot(end.x - a.x, end.y - a.y) || 1;
        var ux = (end.x - a.x) / len, uy = (end.y - a.y) / len;
        var s = 12;
        var points = [[end.x, end.y], [end.x - s * ux - s / 2 * uy, end.y - s * uy + s / 2 * ux], [end.x - s * ux + s / 2 * uy, end.y - s * uy - s / 2 * ux]];
        root.appendChild(svgEl("polygon", { points: points.map(function (p) { return p.join(","); }).join(" "), fill: colour }));
      }
      if (style.label) {
        root.appendChild(svgEl("text", { x: (a.x + end.x) / 2, y: (a.y + end.y) / 2 + 6, "text-anchor": "middle", "font-size": 18,
          "font-weight": "bold", fill: "#1a1a1a", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" }, style.label));
      }
    });
    ids.forEach(function (id) {
      var node = body.nodes[id];
      var o = node.options;
      var p = xy[id];
      var fill = o.color.background, stroke = o.color.border;
      var g = svgEl("g", { opacity: isFaded(name, "nodes", id) ? FADE : o.opacity === undefined ? 1 : o.opacity });
      var shape = o.shape;
      var size = o.size || 12;
      var sb = shapeBox(node, p, boxes[id]);
      var w = sb.right - sb.left, h = sb.bottom - sb.top;
      var common = { fill: fill, stroke: stroke, "stroke-width": o.borderWidth || 1 };
      if (shape === "box") {
        g.appendChild(svgEl("rect", Object.assign({ x: p.x - w / 2, y: p.y - h / 2, width: w, height: h, rx: (o.shapeProperties && o.shapeProperties.borderRadius) || 0 }, common)));
      } else if (shape === "ellipse") {
        g.appendChild(svgEl("ellipse", Object.assign({ cx: p.x, cy: p.y, rx: w / 2, ry: h / 2 }, common)));
      } else if (shape === "dot") {
        g.appendChild(svgEl("circle", Object.assign({ cx: p.x, cy: p.y, r: size }, common)));
      } else if (shape === "square") {
        g.appendChild(svgEl("rect", Object.assign({ x: p.x - size, y: p.y - size, width: 2 * size, height: 2 * size }, common)));
      } else if (shape === "triangle") {
        g.appendChild(svgEl("polygon", Object.assign({ points: [p.x, p.y - size, p.x + size, p.y + size * 0.8, p.x - size, p.y + size * 0.8].join(",") }, common)));
      } else {
        g.appendChild(svgEl("polygon", Object.assign({ points: [p.x, p.y - size, p.x + size, p.y, p.x, p.y + size, p.x - size, p.y].join(",") }, common)));
      }
      var inside = shape === "box" || shape === "ellipse";
      var font = o.font || {};
      var fs = font.size || 14;
      var lines = labelLines(node, inside ? 20 : 40);
      var y0 = inside ? p.y - (lines.length - 1) * fs * 1.1 / 2 + fs * 0.35 : p.y + size + fs;
      lines.forEach(function (line, i) {
        var attrs = { x: p.x, y: y0 + i * fs * 1.1, "text-anchor": "middle", "font-size": fs, fill: font.color || "#1a1a1a" };
        if (!inside) { attrs.stroke = "#ffffff"; attrs["stroke-width"] = 3; attrs["paint-order"] = "stroke"; }
        g.appendChild(svgEl("text", attrs, line));
      });
      root.appendChild(g);
    });
    (views[name].groups || []).forEach(function (grp) {
      // On two lines, as the canvas draws them.
      var cut = grp[0].indexOf(" \u00b7 ");
      var lines = cut < 0 ? [grp[0]] : [grp[0].slice(0, cut), grp[0].slice(cut + 3)];
      lines.forEach(function (line, i) {
        root.appendChild(svgEl("text", { x: grp[1], y: grp[2] - 24 * (lines.length - 1 - i), "text-anchor": "middle", "font-size": 18, "font-weight": "bold", fill: "#333333" }, line));
      });
    });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(root);
  }
  // The box of a node's shape (without an outside label), centred on its position.
  function shapeBox(node, p, box) {
    var shape = node.shape || {};
    var w = shape.width, h = shape.height;
    if (node.options.shape === "box" || node.options.shape === "ellipse") {
      if (!w || !h) { return box; }
    } else {
      w = h = 2 * (node.options.size || 12);
    }
    return { left: p.x - w / 2, right: p.x + w / 2, top: p.y - h / 2, bottom: p.y + h / 2 };
  }

  // Printing shows the current view as a picture (the canvas does not print), kept up to
  // date a moment after each drawing, so the browser's own print command has it too.
  var printTimer = null;
  function schedulePrintImage() {
    clearTimeout(printTimer);
    printTimer = setTimeout(preparePrint, 700);
  }
  function preparePrint() {
    var drawn = current && networks[current] && networks[current].canvas.frame.canvas;
    if (!drawn || !drawn.width || !drawn.height) { return; }
    var img = $("print-map");
    if (!img) {
      img = el("img", { id: "print-map", cls: "print-only", alt: "" });
    }
    img.setAttribute("alt", $("tab-" + current).textContent + " as drawn on screen");
    var section = $("view-" + current);
    if (img.parentNode !== section) { section.insertBefore(img, section.querySelector(".legend")); }
    img.src = viewImage().toDataURL("image/png");
  }
  // A folded legend (on a phone) would print folded: open them for the paper.
  var folded = [];
  window.addEventListener("beforeprint", function () {
    folded = Array.prototype.filter.call(document.querySelectorAll("details.legend"), function (d) { return !d.open; });
    folded.forEach(function (d) { d.open = true; });
    preparePrint();
  });
  window.addEventListener("afterprint", function () { folded.forEach(function (d) { d.open = false; }); });

  // ---- tabs ------------------------------------------------------------------------
  var tabs = Array.prototype.slice.call(document.querySelectorAll("[role=tab]"));
  function showView(name, focusTab) {
    current = name;
    tabs.forEach(function (t) {
      var on = t.getAttribute("data-view") === name;
      t.setAttribute("aria-selected", on ? "true" : "false");
      t.tabIndex = on ? 0 : -1;
      if (on && focusTab) { t.focus(); }
      $("view-" + t.getAttribute("data-view")).hidden = !on;
    });
    document.body.setAttribute("data-view", name);
    if (views[name] && !networks[name]) { drawingBar(name); createNetwork(name); }
    if (selected && !viewNodes[name][selected]) { selected = null; closePanel(); }
    if (selectedEdge && !viewEdges[name][selectedEdge]) { selectedEdge = null; closePanel(); }
    applyFilters();
    schedulePrintImage();
  }
  tabs.forEach(function (t, i) {
    t.addEventListener("click", function () { showView(t.getAttribute("data-view"), false); commit(true); });
    t.addEventListener("keydown", function (ev) {
      var step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
      if (step) {
        var next = tabs[(i + step + tabs.length) % tabs.length];
        showView(next.getAttribute("data-view"), true);
        commit(true);
        ev.preventDefault();
      }
    });
  });

  // A long description shows two lines until asked for the rest.
  var desc = $("desc");
  if (desc && desc.scrollHeight > desc.clientHeight + 2) {
    var more = el("button", { type: "button", id: "desc-more", "aria-expanded": "false", text: "Show the whole description" });
    more.addEventListener("click", function () {
      var open = desc.classList.toggle("open");
      more.setAttribute("aria-expanded", open ? "true" : "false");
      more.textContent = open ? "Show less" : "Show the whole description";
      if (current && networks[current]) { networks[current].redraw(); }
    });
    desc.parentNode.insertBefore(more, desc.nextSibling);
  }

  // On a narrow screen the legend starts folded: the map needs the room.
  if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) {
    Array.prototype.forEach.call(document.querySelectorAll("details.legend"), function (d) { d.open = false; });
  }

  window.argmap = {
    data: data, networks: networks, nodes: nodeSets, edges: edgeSets,
    select: select, selectEdge: selectEdge, clearSelection: clearSelection,
    showView: showView, reset: reset, visibleParts: visibleParts,
    filterState: filterState, current: function () { return current; },
    selected: function () { return selected; }, rank: rank, setFocus: setFocus,
    viewSvg: viewSvg, preparePrint: preparePrint, stateHash: stateHash,
    parsedBlocks: function () { return Object.keys(parsedBlocks); },
    // What `view` draws unfaded: null (everything) or the sorted ids of the lit part.
    lit: function (view) {
      var on = lit[view];
      return on ? { nodes: Object.keys(on.nodes).sort(), edges: Object.keys(on.edges).sort() } : null;
    }
  };

  restore(location.hash);
  if (!current) { showView(tabs[0].getAttribute("data-view"), false); }
  if (history.replaceState) { history.replaceState(null, "", stateHash()); }
  times.ready = performance.now();
})();
