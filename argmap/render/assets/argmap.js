/* argmap page script: draws the views with vis-network and wires search, filters,
 * tooltips and the details panel.
 *
 * Safety rule: every string from the map reaches the page through textContent or the
 * canvas (vis-network draws labels as pixels); nothing here ever assigns innerHTML or
 * builds markup from data, and only http(s) urls become links.
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
  var firstDraw = null;

  // ---- indexes -------------------------------------------------------------------
  var stancesByClaim = {};
  var stancesByActor = {};
  // Stances and relations come as arrays (compact for big maps); edges refer to them by index.
  var stances = data.stances.map(function (a) {
    return { actor: a[0], claim: a[1], position: a[2], source: a[3], quote: a[4], reported: a[5] === 1, date: a[6] };
  });
  stances.forEach(function (s) {
    (stancesByClaim[s.claim] = stancesByClaim[s.claim] || []).push(s);
    (stancesByActor[s.actor] = stancesByActor[s.actor] || []).push(s);
  });
  var relationsTo = {};
  var relationsFrom = {};
  var relations = data.relations.map(function (a) {
    return { from: a[0], to: a[1], kind: a[2], source: a[3], note: a[4] };
  });
  relations.forEach(function (r) {
    (relationsTo[r.to] = relationsTo[r.to] || []).push(r);
    (relationsFrom[r.from] = relationsFrom[r.from] || []).push(r);
  });
  var campOf = {};
  data.camps.forEach(function (camp, i) {
    camp.members.forEach(function (a) { campOf[a] = i; });
  });
  var viewNodes = {};
  var viewEdges = {};
  Object.keys(views).forEach(function (name) {
    viewNodes[name] = {};
    views[name].nodes.forEach(function (n) { viewNodes[name][n[0]] = n; });
    viewEdges[name] = {};
    views[name].edges.forEach(function (e) { viewEdges[name][e[0]] = e; });
  });

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
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  var VERB = { supports: "supports", opposes: "opposes", neutral: "is neutral on" };
  var SIGN = { supports: "+", opposes: "\u2212", neutral: "0" };
  var ACCEPTANCE = {
    "in": "accepted: no undefeated claim attacks it",
    "out": "defeated: an accepted claim attacks it",
    "undecided": "undecided: it sits in an unresolved cycle of attacks"
  };

  function holders(claimId) {
    var out = { supports: [], opposes: [], neutral: [] };
    (stancesByClaim[claimId] || []).forEach(function (s) {
      if (out[s.position].indexOf(s.actor) < 0) { out[s.position].push(s.actor); }
    });
    return out;
  }

  // ---- styles ----------------------------------------------------------------------
  function copy(obj) { return JSON.parse(JSON.stringify(obj)); }
  var FADE = 0.12;

  function visNode(n, faded) {
    var node = copy(data.styles.nodes[n[1]]);
    node.id = n[0]; node.x = n[2]; node.y = n[3]; node.label = n[4];
    if (n[1].indexOf("actor-") === 0) {
      var fill = n[5] >= 0 && n[5] < data.campColours.length ? data.campColours[n[5]] : data.otherCampColour;
      node.color = { background: fill, border: "#1A1A1A",
        highlight: { background: fill, border: "#000000" }, hover: { background: fill, border: "#000000" } };
    } else {
      var c = node.color;
      node.color = { background: c.background, border: c.border,
        highlight: { background: c.background, border: "#000000" }, hover: { background: c.background, border: "#000000" } };
    }
    node.opacity = faded ? FADE : 1;
    if (faded) { node.font = Object.assign({}, node.font, { color: "rgba(26,26,26,0.15)" }); }
    return node;
  }

  function visEdge(e, faded) {
    var edge = copy(data.styles.edges[e[3]]);
    edge.id = e[0]; edge.from = e[1]; edge.to = e[2];
    if (e[4]) { edge.width = e[4]; }
    if (e[7] && e[7].length) { edge.smooth = { enabled: true, type: e[7][0], roundness: e[7][1] }; }
    edge.color.opacity = faded ? 0.06 : (edge.color.opacity || 1);
    if (faded) { edge.font = Object.assign({}, edge.font, { color: "rgba(26,26,26,0.1)", strokeWidth: 0 }); }
    return edge;
  }

  // ---- the networks ----------------------------------------------------------------
  function createNetwork(name) {
    var view = views[name];
    var nodes = new vis.DataSet(view.nodes.map(function (n) { return visNode(n, false); }));
    var edges = new vis.DataSet(view.edges.map(function (e) { return visEdge(e, false); }));
    var options = copy(data.visOptions);
    if (view.nodes.length > 800) {
      options.interaction.hideEdgesOnDrag = true;
      options.interaction.hideEdgesOnZoom = true;
    }
    times.dataSets = performance.now();
    var network = new vis.Network($("canvas-" + name), { nodes: nodes, edges: edges }, options);
    times.network = performance.now();
    networks[name] = network; nodeSets[name] = nodes; edgeSets[name] = edges;
    network.on("hoverNode", function (p) { showTooltip(nodeTooltip(p.node), p.event); });
    network.on("hoverEdge", function (p) { showTooltip(edgeTooltip(name, p.edge), p.event); });
    network.on("blurNode", hideTooltip);
    network.on("blurEdge", hideTooltip);
    network.on("dragStart", hideTooltip);
    network.on("zoom", hideTooltip);
    network.on("click", function (p) {
      hideTooltip();
      if (p.nodes.length) { select(p.nodes[0], false); }
      else if (p.edges.length) { selectEdge(name, p.edges[0]); }
      else { clearSelection(); }
    });
    network.on("afterDrawing", function (ctx) {
      (view.groups || []).forEach(function (g) {
        ctx.font = "bold 18px system-ui, sans-serif";
        ctx.textAlign = "center";
        ctx.fillStyle = "#333333";
        ctx.fillText(g[0], g[1], g[2]);
      });
      if (firstDraw === null) {
        firstDraw = performance.now();
        window.argmapFirstDraw = { view: name, ms: firstDraw };
      }
    });
    initialZoom(name);
    applyFilters();
    return network;
  }

  // Fit the whole view when it stays legible; otherwise open on the view's home (its
  // main block or largest camp), as large as fits but never below a legible scale.
  var MIN_SCALE = 0.5;
  function initialZoom(name) {
    var network = networks[name];
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
    if (data.actors[id]) {
      var a = data.actors[id];
      var bits = [a.name + " (" + a.kind + ")"];
      if (a.role) { bits.push(clip(a.role, 90)); }
      bits.push(plural((stancesByActor[id] || []).length, "stance") + " \u00b7 click for details");
      return bits.join("\n");
    }
    var c = data.claims[id];
    var h = holders(id);
    return c.kind.charAt(0).toUpperCase() + c.kind.slice(1) + ": " + clip(c.text, 160) +
      "\n" + h.supports.length + " for, " + h.opposes.length + " against \u00b7 click for details";
  }

  function edgeTooltip(name, id) {
    var e = viewEdges[name][id];
    if (name === "argument") {
      var r = relations[e[5][0]];
      return clip(claimName(r.from), 60) + "\n" + (r.kind === "supports" ? "+ supports" : "\u2212 attacks") +
        "\n" + clip(claimName(r.to), 60);
    }
    if (name === "stances") {
      var s = stances[e[5][0]];
      return actorName(s.actor) + " " + SIGN[s.position] + " " + VERB[s.position] + " \u201c" +
        clip(claimName(s.claim), 60) + "\u201d\n" + plural(e[5].length, "quote") + " \u00b7 click to read";
    }
    return actorName(e[1]) + " and " + actorName(e[2]) + ": " +
      (e[3] === "agree" ? "+ agree" : "\u2212 conflict") + " (" + e[6] + ")";
  }

  // ---- highlight and selection -----------------------------------------------------
  function highlight(name, id) {
    var network = networks[name];
    if (!network) { return; }
    var keep = {};
    if (id !== null) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    }
    var connected = {};
    if (id !== null) { network.getConnectedEdges(id).forEach(function (e) { connected[e] = true; }); }
    nodeSets[name].update(views[name].nodes.map(function (n) {
      var node = visNode(n, id !== null && !keep[n[0]]);
      return { id: node.id, opacity: node.opacity, font: node.font };
    }));
    edgeSets[name].update(views[name].edges.map(function (e) {
      var edge = visEdge(e, id !== null && !connected[e[0]]);
      return { id: edge.id, color: edge.color, font: edge.font };
    }));
  }

  function viewFor(id) {
    if (current && viewNodes[current][id]) { return current; }
    var order = data.actors[id] ? ["stances", "camps", "argument"] : ["argument", "stances", "camps"];
    for (var i = 0; i < order.length; i++) {
      if (viewNodes[order[i]][id]) { return order[i]; }
    }
    return null;
  }

  // Select a node: show it in a view that draws it, fade all but its neighbourhood, and
  // open the panel. `move` centres the view on it (for search and panel links).
  function select(id, move) {
    var name = viewFor(id);
    if (name && name !== current) { showView(name, false); }
    selected = id;
    if (name && name === current) {
      var network = networks[name];
      network.selectNodes([id]);
      highlight(name, id);
      if (move) { network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false }); }
    }
    showPanel(nodePanel(id, name));
  }

  function selectEdge(name, id) {
    selected = null;
    highlight(name, null);
    showPanel(edgePanel(name, id));
  }

  function clearSelection() {
    selected = null;
    if (current && networks[current]) {
      networks[current].unselectAll();
      highlight(current, null);
    }
    closePanel();
  }

  // ---- the panel -------------------------------------------------------------------
  var panel = $("panel");
  var panelBody = $("panel-body");
  function showPanel(children) {
    panelBody.textContent = "";
    children.forEach(function (c) { panelBody.appendChild(c); });
    panel.hidden = false;
    document.body.classList.add("with-panel");
    $("panel-title").focus({ preventScroll: true });
  }
  function closePanel() {
    panel.hidden = true;
    document.body.classList.remove("with-panel");
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

  function section(title, items) {
    if (!items.length) { return null; }
    return el("section", null, [el("h3", { text: title }), el("ul", { cls: "plain" }, items)]);
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
      if (campOf[id] !== undefined) {
        var camp = data.camps[campOf[id]];
        facts.push(el("dt", { text: "Camp" }), el("dd", { text: camp.name + " (" + plural(camp.members.length, "actor") + ")" }));
      }
      out.push(el("dl", { cls: "facts" }, facts));
      var pos = (data.positions[id] || []).map(function (p) {
        return el("li", null, [linkTo(p[0]), ": " + p[3] + (p[2] ? " \u2014 mixed: has arguments on both sides" : "")]);
      });
      var posSection = section("Computed position", pos);
      if (posSection) {
        posSection.appendChild(el("p", { cls: "hint", text: "From \u22121 (against) to +1 (for), through the claims the actor holds and how they bear on each proposal." }));
        out.push(posSection);
      }
      out.push(section("Stances (" + (stancesByActor[id] || []).length + ")",
        (stancesByActor[id] || []).map(function (s) { return stanceItem(s, false, true); })));
    } else {
      var c = data.claims[id];
      out.push(el("p", { cls: "kind", text: c.kind.charAt(0).toUpperCase() + c.kind.slice(1) }));
      out.push(el("p", { cls: "claim-text", text: c.text }));
      var cfacts = [];
      if (c.source) { cfacts.push(el("dt", { text: "Source" }), el("dd", null, [sourceLine(c.source)])); }
      if (c.tags.length) { cfacts.push(el("dt", { text: "Tags" }), el("dd", { text: c.tags.join(", ") })); }
      if (c.acceptance) { cfacts.push(el("dt", { text: "Acceptance" }), el("dd", { text: ACCEPTANCE[c.acceptance] || c.acceptance })); }
      var h = holders(id);
      cfacts.push(el("dt", { text: "Held by" }), el("dd", { text: h.supports.length + " for, " + h.opposes.length + " against, " + h.neutral.length + " neutral" }));
      out.push(el("dl", { cls: "facts" }, cfacts));
      var st = stancesByClaim[id] || [];
      ["supports", "opposes", "neutral"].forEach(function (p) {
        var title = { supports: "Supporters", opposes: "Opponents", neutral: "Neutral" }[p];
        out.push(section(title + " (" + h[p].length + ")", st.filter(function (s) { return s.position === p; })
          .map(function (s) { return stanceItem(s, true, false); })));
      });
      function rels(list, key, word) {
        return list.map(function (r) { return el("li", null, [(r.kind === "supports" ? "+ " : "\u2212 ") + word[r.kind] + " ", linkTo(r[key])]); });
      }
      out.push(section("Argued about by", rels(relationsTo[id] || [], "from", { supports: "supported by", attacks: "attacked by" })));
      out.push(section("Argues about", rels(relationsFrom[id] || [], "to", { supports: "supports", attacks: "attacks" })));
    }
    if (!name) { out.push(el("p", { cls: "hint", text: "Not drawn in any view (the view is capped); listed in the outline." })); }
    return out.filter(Boolean);
  }

  function edgePanel(name, id) {
    var e = viewEdges[name][id];
    var out = [];
    if (name === "argument") {
      var r = relations[e[5][0]];
      $("panel-title").textContent = r.kind === "supports" ? "+ Support" : "\u2212 Attack";
      out.push(el("p", null, [linkTo(r.from), " " + r.kind + " ", linkTo(r.to)]));
      if (r.source) { out.push(el("p", null, [sourceLine(r.source)])); }
      if (r.note) { out.push(el("p", { cls: "note", text: r.note })); }
    } else if (name === "stances") {
      var first = stances[e[5][0]];
      $("panel-title").textContent = actorName(first.actor) + " " + SIGN[first.position] + " " + VERB[first.position];
      out.push(el("p", null, [linkTo(first.actor), " " + VERB[first.position] + " ", linkTo(first.claim)]));
      out.push(section("Quotes (" + e[5].length + ")", e[5].map(function (i) { return stanceItem(stances[i], false, false); })));
    } else {
      $("panel-title").textContent = e[3] === "agree" ? "+ Agreement" : "\u2212 Conflict";
      out.push(el("p", null, [linkTo(e[1]), " and ", linkTo(e[2]), " " + (e[3] === "agree" ? "agree" : "conflict") + " (weight " + e[6] + ")"]));
      out.push(el("p", { cls: "hint", text: "Weight: how far their positions on the shared claims agree (+1) or conflict (\u22121)." }));
    }
    return out.filter(Boolean);
  }

  // ---- search ----------------------------------------------------------------------
  var searchIndex = [];
  Object.keys(data.actors).sort().forEach(function (id) {
    var a = data.actors[id];
    searchIndex.push([id, (a.name + " " + (a.role || "") + " " + id).toLowerCase(), a.name, "actor"]);
  });
  Object.keys(data.claims).sort().forEach(function (id) {
    var c = data.claims[id];
    searchIndex.push([id, (c.text + " " + (c.label || "") + " " + id).toLowerCase(), c.label || c.text, c.kind]);
  });
  var search = $("search");
  var results = $("search-results");
  function runSearch() {
    var q = search.value.trim().toLowerCase();
    results.textContent = "";
    if (!q) { results.hidden = true; return []; }
    var found = searchIndex.filter(function (e) { return e[1].indexOf(q) >= 0; });
    // Names that start with the query first, then the rest, each in index order.
    found.sort(function (a, b) {
      return (b[2].toLowerCase().indexOf(q) === 0) - (a[2].toLowerCase().indexOf(q) === 0);
    });
    found.slice(0, 20).forEach(function (e) {
      var b = el("button", { type: "button", role: "option", "data-id": e[0] }, [
        el("span", { cls: "kind", text: e[3] + " " }), clip(e[2], 80)]);
      b.addEventListener("click", function () { pick(e[0]); });
      results.appendChild(el("li", null, [b]));
    });
    if (!found.length) { results.appendChild(el("li", { cls: "none", text: "No match" })); }
    $("search-status").textContent = found.length ? plural(found.length, "match") + (found.length > 20 ? ", first 20 shown" : "") : "No match";
    results.hidden = false;
    return found;
  }
  function pick(id) {
    results.hidden = true;
    select(id, true);
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = runSearch();
      if (found.length) { pick(found[0][0]); }
      ev.preventDefault();
    } else if (ev.key === "ArrowDown") {
      var first = results.querySelector("button");
      if (first) { first.focus(); ev.preventDefault(); }
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });
  results.addEventListener("keydown", function (ev) {
    var buttons = Array.prototype.slice.call(results.querySelectorAll("button"));
    var i = buttons.indexOf(document.activeElement);
    if (ev.key === "ArrowDown" && i < buttons.length - 1) { buttons[i + 1].focus(); ev.preventDefault(); }
    if (ev.key === "ArrowUp") { (i > 0 ? buttons[i - 1] : search).focus(); ev.preventDefault(); }
    if (ev.key === "Escape") { results.hidden = true; search.focus(); }
  });

  // ---- filters ---------------------------------------------------------------------
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
      view.nodes.forEach(function (n) {
        var c = data.claims[n[0]];
        if (c.kind === "proposal" || (f.source && c.source === f.source) ||
            (stancesByClaim[n[0]] || []).some(function (s) { return stancePasses(f, s); })) {
          nodes[n[0]] = true;
        }
      });
      view.edges.forEach(function (e) { if (nodes[e[1]] && nodes[e[2]]) { edges[e[0]] = true; } });
    } else {
      view.nodes.forEach(function (n) {
        if (actorPasses(f, n[0]) && (!f.source || (stancesByActor[n[0]] || []).some(function (s) { return s.source === f.source; }))) {
          nodes[n[0]] = true;
        }
      });
      view.edges.forEach(function (e) { if (nodes[e[1]] && nodes[e[2]]) { edges[e[0]] = true; } });
    }
    return { nodes: nodes, edges: edges };
  }

  function applyFilters() {
    var f = filterState();
    $("filter-count").textContent = f.isDefault ? "" : "(on)";
    Object.keys(networks).forEach(function (name) {
      var parts = visibleParts(name, f);
      nodeSets[name].update(views[name].nodes.map(function (n) { return { id: n[0], hidden: parts !== null && !parts.nodes[n[0]] }; }));
      edgeSets[name].update(views[name].edges.map(function (e) { return { id: e[0], hidden: parts !== null && !parts.edges[e[0]] }; }));
    });
    var shown = current && views[current] ? visibleParts(current, f) : null;
    $("filter-status").textContent = shown === null ? "" :
      "Showing " + Object.keys(shown.nodes).length + " of " + views[current].nodes.length + " nodes.";
  }
  Array.prototype.forEach.call(document.querySelectorAll("#filters input, #filters select"), function (input) {
    input.addEventListener("change", applyFilters);
  });

  function reset() {
    Array.prototype.forEach.call(document.querySelectorAll("#filters input"), function (i) { i.checked = true; });
    $("filter-source").value = "";
    search.value = "";
    results.hidden = true;
    $("search-status").textContent = "";
    applyFilters();
    clearSelection();
    if (current && networks[current]) { initialZoom(current); }
  }
  $("reset").addEventListener("click", reset);
  $("panel-close").addEventListener("click", function () { clearSelection(); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !panel.hidden) { clearSelection(); }
  });

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
    if (views[name] && !networks[name]) { createNetwork(name); }
    if (history.replaceState) { history.replaceState(null, "", "#" + name); }
    applyFilters();
  }
  tabs.forEach(function (t, i) {
    t.addEventListener("click", function () { showView(t.getAttribute("data-view"), false); });
    t.addEventListener("keydown", function (ev) {
      var step = ev.key === "ArrowRight" ? 1 : ev.key === "ArrowLeft" ? -1 : 0;
      if (step) {
        var next = tabs[(i + step + tabs.length) % tabs.length];
        showView(next.getAttribute("data-view"), true);
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

  window.argmap = {
    data: data, networks: networks, nodes: nodeSets, edges: edgeSets,
    select: select, showView: showView, reset: reset, visibleParts: visibleParts,
    filterState: filterState, current: function () { return current; }
  };

  var start = location.hash.slice(1);
  var names = tabs.map(function (t) { return t.getAttribute("data-view"); });
  showView(names.indexOf(start) >= 0 ? start : names[0], false);
})();
