// The script of `plinth graph --format html`: draws the graph that plans/render_graph_html.cpp
// laid out and embedded as JSON (#graph-data), and makes it explorable: pan (drag) and zoom
// (wheel), fit to screen, search, and a panel with the attributes of the node clicked. Text from
// the graph only ever goes in through textContent and attributes, never as markup.
'use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const data = JSON.parse(document.getElementById('graph-data').textContent);
  const nodes = data.nodes;
  const canvas = document.getElementById('canvas');
  const viewport = document.getElementById('viewport');
  const panel = document.getElementById('panel');
  const search = document.getElementById('search');
  const KINDS = [
    ['resource', 'resource'], ['data', 'data source'], ['variable', 'variable'],
    ['local', 'local'], ['module', 'module'], ['output', 'output'],
  ];
  const MASKS = ['(sensitive)', '(known after apply)'];
  const CHAR_WIDTH = 7.3; // 12px monospace, with a little to spare
  const view = { x: 0, y: 0, k: 1 };
  let selected = null;

  function element(name, attributes, parent) {
    const made = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
    if (parent) parent.appendChild(made);
    return made;
  }

  function html(name, text, parent, className) {
    const made = document.createElement(name);
    if (text !== undefined) made.textContent = text;
    if (className) made.className = className;
    if (parent) parent.appendChild(made);
    return made;
  }

  // `text` cut to what fits in `width` pixels, with an ellipsis when cut.
  function fit_text(text, width) {
    const room = Math.max(3, Math.floor((width - 16) / CHAR_WIDTH));
    return text.length <= room ? text : text.slice(0, room - 1) + '\u2026';
  }

  // The outline of a node of `kind` in the box x, y, w, h.
  function draw_shape(group, kind, x, y, w, h) {
    if (kind === 'variable' || kind === 'local') {
      element('rect', { class: 'shape', x, y, width: w, height: h, rx: h / 2 }, group);
    } else if (kind === 'output') {
      const tip = h / 3;
      const points = [[x, y], [x + w - tip, y], [x + w, y + h / 2], [x + w - tip, y + h], [x, y + h]];
      element('polygon', { class: 'shape', points: points.map((p) => p.join(',')).join(' ') }, group);
    } else if (kind === 'module') {
      element('rect', { class: 'shape', x, y, width: w, height: h, rx: 2 }, group);
      element('rect', { class: 'shape', x: x + 3, y: y + 3, width: w - 6, height: h - 6, rx: 2 }, group);
    } else {
      element('rect', { class: 'shape', x, y, width: w, height: h, rx: 5 }, group);
    }
  }

  function paint(group, action) {
    const colours = data.actions[action];
    if (!colours) return;
    for (const shape of group.querySelectorAll('.shape')) shape.style.fill = colours.fill;
  }

  function subtitle(node) {
    const kind = node.type || KINDS.find(([id]) => id === node.kind)[1];
    return node.action ? kind + ' \u00b7 ' + node.action : kind;
  }

  function draw_nodes() {
    const layer = document.getElementById('nodes');
    nodes.forEach((node, id) => {
      const group = element('g', { class: 'node kind-' + node.kind, 'data-id': id, 'data-address': node.address });
      draw_shape(group, node.kind, node.x, node.y, node.width, node.height);
      if (node.action) paint(group, node.action);
      const label = element('text', { class: 'label', x: node.x + 10, y: node.y + 17 }, group);
      label.textContent = fit_text(node.address, node.width);
      const sub = element('text', { class: 'subtitle', x: node.x + 10, y: node.y + 32 }, group);
      sub.textContent = fit_text(subtitle(node), node.width);
      element('title', {}, group).textContent = node.address;
      node.group = group;
      node.edges = [];
      layer.appendChild(group);
    });
  }

  // Each edge from the top of a node up to the bottom of what it depends on.
  function draw_edges() {
    const layer = document.getElementById('edges');
    nodes.forEach((node) => {
      for (const id of node.dependencies) {
        const to = nodes[id];
        const x1 = node.x + node.width / 2;
        const y1 = node.y;
        const x2 = to.x + to.width / 2;
        const y2 = to.y + to.height;
        const bend = Math.max(24, (y1 - y2) / 2);
        const d = `M ${x1} ${y1} C ${x1} ${y1 - bend} ${x2} ${y2 + bend} ${x2} ${y2}`;
        const edge = element('path', { class: 'edge', d }, layer);
        node.edges.push(edge);
        to.edges.push(edge);
      }
    });
  }

  function draw_legend() {
    const legend = document.getElementById('legend');
    const kinds = html('div', undefined, legend);
    html('h4', 'Kind', kinds);
    const list = html('ul', undefined, kinds);
    for (const [kind, label] of KINDS) {
      const item = html('li', undefined, list);
      const swatch = element('svg', { viewBox: '0 0 30 16', class: 'kind-' + kind }, item);
      draw_shape(swatch, kind, 1, 1, 28, 14);
      html('span', label, item);
    }
    if (!data.plan) return;
    const actions = html('div', undefined, legend);
    html('h4', 'Planned action', actions);
    const actionList = html('ul', undefined, actions);
    for (const [action, colours] of Object.entries(data.actions)) {
      const item = html('li', undefined, actionList);
      const swatch = html('span', undefined, item, 'swatch');
      swatch.style.background = colours.fill;
      swatch.style.borderColor = colours.border;
      html('span', action, item);
    }
  }

  // --- pan and zoom ------------------------------------------------------------------------
  function apply_view() {
    viewport.setAttribute('transform', `translate(${view.x} ${view.y}) scale(${view.k})`);
  }

  // The width of the canvas that the panel, when open, leaves visible.
  function room() {
    const box = canvas.getBoundingClientRect();
    return panel.hidden ? box.width : box.width - panel.getBoundingClientRect().width;
  }

  // The whole drawing in view, above the legend and beside the panel.
  function fit() {
    const margin = 24;
    const height = document.getElementById('legend').getBoundingClientRect().top -
      canvas.getBoundingClientRect().top;
    const k = Math.min((room() - 2 * margin) / Math.max(data.width, 1),
      (height - 2 * margin) / Math.max(data.height, 1), 1.5);
    view.k = Math.max(k, 0.02);
    view.x = (room() - data.width * view.k) / 2;
    view.y = Math.max(margin, (height - data.height * view.k) / 2);
    apply_view();
  }

  // Moves the view so that `node` is in the middle, zoomed in enough to read it.
  function center_on(node) {
    const box = canvas.getBoundingClientRect();
    view.k = Math.max(view.k, 0.8);
    view.x = room() / 2 - (node.x + node.width / 2) * view.k;
    view.y = box.height / 2 - (node.y + node.height / 2) * view.k;
    apply_view();
  }

  canvas.addEventListener('wheel', (event) => {
    event.preventDefault();
    const box = canvas.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    const k = Math.min(4, Math.max(0.02, view.k * Math.exp(-event.deltaY * 0.0015)));
    view.x = px - ((px - view.x) * k) / view.k;
    view.y = py - ((py - view.y) * k) / view.k;
    view.k = k;
    apply_view();
  }, { passive: false });

  let drag = null;
  canvas.addEventListener('pointerdown', (event) => {
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, moved: false };
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) canvas.setPointerCapture(event.pointerId);
    drag.moved = true;
    canvas.classList.add('dragging');
    view.x = drag.vx + dx;
    view.y = drag.vy + dy;
    apply_view();
  });
  canvas.addEventListener('pointerup', (event) => {
    const dragged = drag && drag.moved;
    drag = null;
    canvas.classList.remove('dragging');
    if (dragged) return;
    const group = event.target.closest('.node');
    if (group) select(nodes[Number(group.dataset.id)], false);
  });

  // --- the panel of the selected node -------------------------------------------------------
  function fact(list, name, value) {
    if (value === undefined || value === '') return;
    html('dt', name, list);
    html('dd', value, list);
  }

  function node_links(list, ids) {
    list.replaceChildren();
    if (ids.length === 0) html('li', 'nothing', list, 'none');
    for (const id of ids) {
      const button = html('button', nodes[id].address, html('li', undefined, list));
      button.type = 'button';
      button.addEventListener('click', () => select(nodes[id], true));
    }
  }

  function action_badge(parent, action) {
    const badge = html('span', action, parent, 'action');
    const colours = data.actions[action];
    if (colours) {
      badge.style.background = colours.fill;
      badge.style.borderColor = colours.border;
    }
    return badge;
  }

  function value_text(value) {
    return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 2);
  }

  // Each instance's planned values, one attribute a row; masked values show as such.
  function show_instances(node) {
    const box = document.getElementById('panel-values');
    box.replaceChildren();
    if (!node.instances) return;
    html('h3', 'Planned values', box);
    if (node.instances.length === 0) html('p', 'No instance in the plan.', box, 'none');
    for (const instance of node.instances) {
      const title = html('h4', instance.address + ' ', box);
      action_badge(title, instance.action);
      const table = html('table', undefined, box, 'values');
      const values = instance.values;
      if (values === null || typeof values !== 'object' || Array.isArray(values)) {
        const row = html('tr', undefined, table);
        html('td', '(value)', row);
        html('td', MASKS.includes(values) ? values : value_text(values), row, MASKS.includes(values) ? 'masked' : '');
        continue;
      }
      for (const [key, value] of Object.entries(values)) {
        const row = html('tr', undefined, table);
        html('td', key, row);
        const masked = MASKS.includes(value);
        html('td', masked ? value : value_text(value), row, masked ? 'masked' : '');
      }
    }
  }

  function show_panel(node) {
    document.getElementById('panel-address').textContent = node.address;
    const facts = document.getElementById('panel-facts');
    facts.replaceChildren();
    fact(facts, 'kind', KINDS.find(([id]) => id === node.kind)[1]);
    fact(facts, 'type', node.type);
    fact(facts, 'provider', node.provider);
    fact(facts, 'declared at', node.declared);
    if (data.plan && (node.kind === 'resource' || node.kind === 'data')) {
      html('dt', 'planned action', facts);
      action_badge(html('dd', undefined, facts), node.action || 'not in the plan');
    }
    node_links(document.getElementById('panel-dependencies'), node.dependencies);
    node_links(document.getElementById('panel-dependents'), node.dependents);
    show_instances(node);
    panel.hidden = false;
  }

  function clear_selection() {
    if (!selected) return;
    selected.group.classList.remove('selected');
    for (const edge of selected.edges) edge.classList.remove('hot');
    for (const id of selected.dependencies.concat(selected.dependents)) nodes[id].group.classList.remove('near');
    selected = null;
  }

  function select(node, center) {
    clear_selection();
    selected = node;
    node.group.classList.add('selected');
    for (const edge of node.edges) {
      edge.classList.add('hot');
      edge.parentNode.appendChild(edge); // drawn over the other edges
    }
    for (const id of node.dependencies.concat(node.dependents)) nodes[id].group.classList.add('near');
    show_panel(node);
    if (center) center_on(node);
  }

  function close_panel() {
    clear_selection();
    panel.hidden = true;
  }

  // --- search -------------------------------------------------------------------------------
  let matches = [];
  let match_index = -1;

  function run_search() {
    const query = search.value.trim().toLowerCase();
    matches = [];
    match_index = -1;
    for (const node of nodes) {
      const hit = query !== '' &&
        (node.address.toLowerCase().includes(query) || (node.type || '').toLowerCase().includes(query));
      node.group.classList.toggle('match', hit);
      node.group.classList.toggle('dim', query !== '' && !hit);
      if (hit) matches.push(node);
    }
    for (const edge of document.querySelectorAll('.edge')) edge.classList.toggle('faint', query !== '');
    document.getElementById('matches').textContent =
      query === '' ? '' : matches.length === 1 ? '1 match' : `${matches.length} matches`;
  }

  search.addEventListener('input', run_search);
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || matches.length === 0) return;
    match_index = (match_index + 1) % matches.length;
    select(matches[match_index], true);
  });

  document.getElementById('fit').addEventListener('click', fit);
  document.getElementById('close').addEventListener('click', close_panel);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close_panel();
  });
  window.addEventListener('resize', fit);

  document.getElementById('title').textContent = data.title ? 'plinth graph: ' + data.title : 'plinth graph';
  document.title = document.getElementById('title').textContent;
  const edge_count = nodes.reduce((sum, node) => sum + node.dependencies.length, 0);
  document.getElementById('summary').textContent =
    `${nodes.length} nodes, ${edge_count} edges` + (data.plan ? ', coloured by the saved plan' : '');
  draw_nodes();
  draw_edges();
  draw_legend();
  fit();
})();
