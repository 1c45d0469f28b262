/*
 * Styrregistret web interface. Plain JavaScript, no dependencies.
 * Every value from the API or the user is put into the page as text (text nodes / textContent),
 * never as HTML, so markup in stored text is always shown as written.
 */
(function () {
  'use strict';

  var AUTH_KEY = 'styrregistret.auth';
  var USER_KEY = 'styrregistret.user';
  var DISTRICTS = ['Berga', 'Ryd', 'Skäggetorp'];
  var LEVELS = [
    ['POLITICAL', 'Politisk'], ['STRATEGIC', 'Strategisk'], ['TACTICAL', 'Taktisk'],
    ['OPERATIONAL', 'Operativ'], ['REGIONAL', 'Regional'], ['ADVISORY', 'Rådgivande']
  ];
  var STATUS = { ACTIVE: 'Aktiv', DISSOLVED: 'Avvecklad', REPLACED: 'Ersatt' };
  var SCOPE = { MUNICIPALITY: 'Kommunen', DISTRICT: 'Stadsdel', COUNTY: 'Länet' };
  var PICTURES = { CURRENT_STATE: 'Nulägesbild', TARGET: 'Målbild', ACTION_PLAN: 'Handlingsplan' };
  var PROGRESS = { PLANNED: 'Planerad', STARTED: 'Påbörjad', ONGOING: 'Pågående', DONE: 'Genomförd', COMPLETED: 'Genomförd', WITHDRAWN: 'Återtagen' };
  var FIELDS = {
    name: 'Namn', shortName: 'Kortnamn', level: 'Nivå', scope: 'Omfattning', status: 'Status', mandate: 'Uppdrag',
    convener: 'Sammankallande', meetingFrequency: 'Mötesfrekvens', supportingResources: 'Stödresurser',
    members: 'Ledamöter', reportsTo: 'Rapporterar till', predecessors: 'Föregångare', successors: 'Efterträdare',
    establishedBy: 'Inrättad genom', note: 'Anmärkning', areaTeam: 'Områdesteam'
  };
  var CHANGE_TYPES = {
    GovernanceBodyEstablished: 'Inrättat', GovernanceBodyAmended: 'Ändrat', GovernanceBodyDissolved: 'Avvecklat',
    GovernanceBodyReplaced: 'Ersatt', GovernanceBodySucceeded: 'Efterträder', EstablishingDecisionRescinded: 'Inrättandebeslut upphävt',
    MemberAppointed: 'Ledamot tillsatt', MemberRemoved: 'Ledamot entledigad', ReportingLineSet: 'Rapporteringsväg satt',
    AreaTeamEstablished: 'Områdesteam inrättat', FunctionTransferred: 'Funktion flyttad'
  };
  var ENTRY_TYPES = {
    FRAME_OPENED: 'Budgetram', FRAME_EXTENDED: 'Utökad ram', GRANT_REGISTERED: 'Bidrag', ALLOCATION: 'Anslag',
    DISTRIBUTED_ON: 'Fördelat vidare', DISTRIBUTION: 'Fördelning', REVERSAL: 'Återföring', REFERRAL: 'Remitterat',
    REFERRAL_SETTLED: 'Remiss avgjord'
  };

  var state = {
    head: null,          // the chart's revision when the page loaded
    chart: null,         // the chart shown
    bodies: {},          // id -> body in the chart shown
    selectedBody: null,
    auditPage: 0,
    district: 'Berga',
    budgetYears: null
  };

  // ---------- DOM helpers: text only ----------

  function el(tag, attrs) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key.indexOf('on') === 0) node.addEventListener(key.substring(2), value);
      else if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    });
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function svg(tag, attrs) {
    var node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    for (var i = 2; i < arguments.length; i++) {
      if (arguments[i] !== null && arguments[i] !== undefined) {
        node.appendChild(arguments[i] instanceof Node ? arguments[i] : document.createTextNode(String(arguments[i])));
      }
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function $(id) { return document.getElementById(id); }

  function table(caption, headers, rows, className) {
    return el('table', { class: className || 'data' },
      el('caption', null, caption),
      el('thead', null, el('tr', null, headers.map(function (h) { return el('th', { scope: 'col' }, h); }))),
      el('tbody', null, rows.length ? rows : el('tr', null, el('td', { colspan: headers.length, class: 'empty' }, 'Inga rader.'))));
  }

  function row() {
    var cells = Array.prototype.slice.call(arguments);
    return el('tr', null, cells.map(function (c, i) {
      if (c && c.nodeType === 1 && (c.tagName === 'TD' || c.tagName === 'TH')) return c;
      return el('td', null, c);
    }));
  }

  function num(value) {
    return el('td', { class: 'num' }, value);
  }

  // ---------- formatting ----------

  function decisionText(d) {
    if (!d) return '–';
    var date = d.decisionDate || '';
    if (d.datePrecision === 'MONTH') date = date.substring(0, 7);
    if (d.datePrecision === 'YEAR') date = date.substring(0, 4);
    var parts = [];
    if (d.caseNumber) parts.push(d.caseNumber);
    if (d.paragraph) parts.push(d.paragraph);
    parts.push('(' + [d.decidedBy, date].filter(Boolean).join(' ') + ')');
    return parts.join(' ');
  }

  function groupDigits(n) {
    var negative = n < 0;
    var s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    return (negative ? '−' : '') + s;
  }

  function tkr(sek) {
    if (sek === null || sek === undefined) return '–';
    return groupDigits(Math.round(sek / 1000)) + ' tkr';
  }

  // registration times in Swedish local time (the log keeps UTC), e.g. "2026-12-02 07:30"
  var LOCAL_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit' });
  function dateTime(iso) {
    if (!iso) return '–';
    var at = new Date(iso);
    return isNaN(at.getTime()) ? iso : LOCAL_TIME.format(at);
  }

  /** "1 händelse", "3 händelser". */
  function count(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function bodyName(id) {
    var b = state.bodies[id];
    return b ? b.name : id;
  }

  // ---------- API ----------

  // Each view keeps only the answer to its latest request: a slow older answer never overwrites a newer one.
  var tickets = {};
  function ticket(name) {
    var mine = tickets[name] = (tickets[name] || 0) + 1;
    return function () { return tickets[name] === mine; };
  }

  function authHeader() {
    return sessionStorage.getItem(AUTH_KEY);
  }

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  function api(path) {
    var headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    var auth = authHeader();
    if (auth) headers.Authorization = auth;
    return fetch(path, { headers: headers, credentials: 'omit', cache: 'no-store' }).then(function (response) {
      if (response.ok) {
        var type = response.headers.get('Content-Type') || '';
        return type.indexOf('json') >= 0 ? response.json() : response.blob();
      }
      return response.text().then(function (body) {
        var detail = '';
        try { detail = JSON.parse(body).detail || ''; } catch (e) { detail = ''; }
        throw new ApiError(response.status, detail);
      });
    });
  }

  function showError(error, where) {
    var text;
    if (error instanceof ApiError) {
      if (error.status === 401) {
        text = 'Inloggningen godtogs inte (401). Kontrollera användarnamn och lösenord och logga in igen.';
        logout(text);
        return;
      } else if (error.status === 403) {
        text = 'Din roll ger inte rätt att se ' + (where || 'detta') + ' (403).';
      } else {
        text = 'Frågan misslyckades (' + error.status + ')' + (error.message ? ': ' + error.message : '.');
      }
    } else {
      text = 'Kunde inte nå registret: ' + (error && error.message ? error.message : String(error));
    }
    showMessage(text, 'error');
  }

  function showMessage(text, kind) {
    var box = $('message');
    box.textContent = text;
    box.className = 'message ' + (kind || 'info');
    box.hidden = !text;
  }

  function download(link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      var headers = { 'X-Requested-With': 'XMLHttpRequest' };
      if (authHeader()) headers.Authorization = authHeader();
      fetch(link.getAttribute('href'), { headers: headers, credentials: 'omit' }).then(function (response) {
        if (!response.ok) throw new ApiError(response.status, '');
        return response.blob();
      }).then(function (blob) {
        var url = URL.createObjectURL(blob);
        var a = el('a', { href: url, download: link.getAttribute('data-filename') || 'export.csv' });
        document.body.appendChild(a);
        a.click();
        document.body.removeChild(a);
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      }).catch(function (e) { showError(e, 'filen'); });
    });
  }

  // ---------- login ----------

  function login(event) {
    event.preventDefault();
    var user = $('login-user').value.trim();
    var password = $('login-password').value;
    var encoded = btoa(unescape(encodeURIComponent(user + ':' + password)));
    sessionStorage.setItem(AUTH_KEY, 'Basic ' + encoded);
    sessionStorage.setItem(USER_KEY, user);
    api('/api/org-chart').then(function () {
      $('login-password').value = '';
      showMessage('', 'info');
      enter();
    }).catch(function (e) {
      sessionStorage.removeItem(AUTH_KEY);
      sessionStorage.removeItem(USER_KEY);
      if (e instanceof ApiError && e.status === 401) {
        showMessage('Fel användarnamn eller lösenord (401).', 'error');
      } else {
        showError(e);
      }
    });
  }

  function logout(reason) {
    sessionStorage.removeItem(AUTH_KEY);
    sessionStorage.removeItem(USER_KEY);
    state.head = null;
    state.mayAudit = undefined;
    $('session').hidden = true;
    $('tabs').hidden = true;
    showView('login');
    showMessage(typeof reason === 'string' ? reason : 'Du är utloggad.', typeof reason === 'string' ? 'error' : 'info');
    $('login-user').focus();
  }

  function enter() {
    $('session-user').textContent = 'Inloggad som ' + (sessionStorage.getItem(USER_KEY) || '');
    $('session').hidden = false;
    $('tabs').hidden = false;
    // a reader sees no audit links it cannot open: ask once whether this login may read the audit trail
    api('/api/audit-trail?size=1').then(function () { return true; }, function (e) {
      return !(e instanceof ApiError && (e.status === 401 || e.status === 403));
    }).then(function (mayAudit) {
      state.mayAudit = mayAudit;
      $('tab-revisionslogg').parentNode.hidden = !mayAudit;
      route();
    });
  }

  /** A log position: a link to its revision page for those who may open it, plain text for the rest. */
  function revisionRef(revision, label) {
    return state.mayAudit === false
      ? el('span', { class: 'revision-ref' }, label)
      : el('a', { href: '#/revision/' + revision }, label);
  }

  // ---------- routing ----------

  function showView(name) {
    Array.prototype.forEach.call(document.querySelectorAll('.view'), function (v) {
      v.hidden = v.id !== 'view-' + name;
    });
    Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (t) {
      var current = t.getAttribute('data-view') === name || (name === 'revision' && t.getAttribute('data-view') === 'revisionslogg');
      if (current) t.setAttribute('aria-current', 'page'); else t.removeAttribute('aria-current');
    });
  }

  function route() {
    if (!authHeader()) { logout(''); showMessage('', 'info'); return; }
    var parts = (location.hash || '#/org').replace(/^#\/?/, '').split('/').map(decodeURIComponent);
    var view = parts[0] || 'org';
    showMessage('', 'info');
    switch (view) {
      case 'tidslinje': showView('tidslinje'); loadTimeline(); break;
      case 'budget': showView('budget'); loadBudget(); break;
      case 'revisionslogg': showView('revisionslogg'); loadAudit(); break;
      case 'revision': showView('revision'); loadRevision(parts[1]); break;
      case 'stadsdelar': showView('stadsdelar'); loadDistrict(parts[1] || state.district); break;
      default: showView('org'); loadOrg(); break;
    }
  }

  function go(hash) {
    if (location.hash === hash) route(); else location.hash = hash;
  }

  // ---------- 1. organisation chart ----------

  function loadOrg() {
    if (state.head === null) {
      api('/api/org-chart').then(function (chart) {
        state.head = chart.revision;
        var slider = $('rev-slider');
        slider.max = String(chart.revision);
        slider.value = String(chart.revision);
        describeSlider();
        renderChart(chart);
      }).catch(function (e) { showError(e, 'organisationsschemat'); });
    } else {
      fetchChart();
    }
  }

  /** A screen reader hears what the slider's position means, not a bare number. */
  function describeSlider() {
    var slider = $('rev-slider');
    slider.setAttribute('aria-valuetext', 'Ändring nr ' + slider.value + ' av ' + slider.max +
      (slider.value === slider.max ? ' (nuläget)' : ''));
  }

  var chartTimer = null;
  function scheduleChart() {
    $('rev-output').textContent = $('rev-slider').value;
    describeSlider();
    clearTimeout(chartTimer);
    chartTimer = setTimeout(fetchChart, 200);
  }

  var chartRequest = 0;
  function fetchChart() {
    var ticket = ++chartRequest;
    var query = '?asOfRevision=' + encodeURIComponent($('rev-slider').value);
    var date = $('as-of-date').value;
    if (date) query += '&asOfDate=' + encodeURIComponent(date);
    api('/api/org-chart' + query).then(function (chart) {
      if (ticket === chartRequest) renderChart(chart); // an older answer arriving late is dropped
    }).catch(function (e) { showError(e, 'organisationsschemat'); });
  }

  function renderChart(chart) {
    state.chart = chart;
    state.bodies = {};
    chart.levels.forEach(function (level) {
      level.bodies.forEach(function (b) { state.bodies[b.id] = b; });
    });
    $('rev-output').textContent = String(chart.revision);
    var dateShown = $('as-of-date').value ? chart.asOfDate : chart.asOfDate + ' (i dag)';
    $('org-status').textContent = 'Visar revision ' + chart.revision + ' av ' + state.head +
      ', beslut som gäller per ' + dateShown + '.';
    var container = clear($('org-chart'));
    var count = Object.keys(state.bodies).length;
    if (!count) {
      container.appendChild(el('p', { class: 'empty' }, 'Inga organ var inrättade vid denna revision och detta datum.'));
      return;
    }
    var lines = svg('svg', { class: 'lines', 'aria-hidden': 'true', focusable: 'false' });
    container.appendChild(lines);
    var byLevel = {};
    chart.levels.forEach(function (l) { byLevel[l.level] = l; });
    LEVELS.forEach(function (pair) {
      var level = byLevel[pair[0]];
      if (!level || !level.bodies.length) return;
      var general = level.bodies.filter(function (b) { return !(b.scope && b.scope.kind === 'DISTRICT'); });
      var local = level.bodies.filter(function (b) { return b.scope && b.scope.kind === 'DISTRICT'; });
      var row = el('div', { class: 'level-bodies' }, general.map(bodyBox));
      var districts = {};
      local.forEach(function (b) { (districts[b.scope.district] = districts[b.scope.district] || []).push(b); });
      Object.keys(districts).sort(function (a, b) { return a.localeCompare(b, 'sv'); }).forEach(function (d) {
        row.appendChild(el('div', { class: 'district-group', role: 'group', 'aria-label': 'Stadsdel ' + d },
          el('p', { class: 'district-label' }, 'Stadsdel ' + d), districts[d].map(bodyBox)));
      });
      container.appendChild(el('section', { class: 'level level-' + pair[0].toLowerCase(), 'aria-label': 'Nivå: ' + (level.displayName || pair[1]) },
        el('h3', { class: 'level-name' }, level.displayName || pair[1]), row));
    });
    drawLines();
    if (state.selectedBody && state.bodies[state.selectedBody]) showDetail(state.selectedBody, false);
    else if (state.selectedBody) $('body-detail').hidden = true;
  }

  function bodyBox(b) {
    var meta = [];
    if (b.shortName) meta.push(b.shortName);
    if (b.scope && b.scope.kind === 'DISTRICT' && b.scope.district) meta.push(b.scope.district);
    else if (b.scope && b.scope.kind === 'COUNTY') meta.push('Länet');
    if (b.status && b.status !== 'ACTIVE') meta.push(STATUS[b.status] || b.status);
    var reports = b.reportsTo ? 'Rapporterar till ' + bodyName(b.reportsTo) : null;
    return el('button', {
      type: 'button', class: 'body-box status-' + String(b.status || '').toLowerCase(), 'data-id': b.id,
      'aria-pressed': state.selectedBody === b.id ? 'true' : 'false',
      onclick: function () { showDetail(b.id, true); }
    },
    el('span', { class: 'body-name' }, b.name),
    meta.length ? el('span', { class: 'body-meta' }, meta.join(' · ')) : null,
    reports ? el('span', { class: 'body-reports' }, '↑ ' + reports) : null);
  }

  function drawLines() {
    var container = $('org-chart');
    var lines = container.querySelector('svg.lines');
    if (!lines) return;
    while (lines.firstChild) lines.removeChild(lines.firstChild);
    var box = container.getBoundingClientRect();
    lines.setAttribute('width', String(container.scrollWidth));
    lines.setAttribute('height', String(container.scrollHeight));
    lines.appendChild(svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }))));
    Object.keys(state.bodies).forEach(function (id) {
      var b = state.bodies[id];
      var links = [];
      if (b.reportsTo && state.bodies[b.reportsTo]) links.push([b.reportsTo, 'report']);
      (b.predecessors || []).forEach(function (p) { if (state.bodies[p]) links.push([p, 'lineage']); });
      links.forEach(function (link) {
        var from = container.querySelector('.body-box[data-id="' + cssEscape(id) + '"]');
        var to = container.querySelector('.body-box[data-id="' + cssEscape(link[0]) + '"]');
        if (!from || !to) return;
        var a = from.getBoundingClientRect();
        var c = to.getBoundingClientRect();
        var x1 = a.left + a.width / 2 - box.left + container.scrollLeft;
        var y1 = a.top - box.top + container.scrollTop;
        var x2 = c.left + c.width / 2 - box.left + container.scrollLeft;
        var y2 = c.bottom - box.top + container.scrollTop;
        if (c.top > a.bottom) { y1 = a.bottom - box.top; y2 = c.top - box.top; }
        var mid = (y1 + y2) / 2;
        lines.appendChild(svg('path', {
          d: 'M' + x1 + ',' + y1 + ' C' + x1 + ',' + mid + ' ' + x2 + ',' + mid + ' ' + x2 + ',' + y2,
          class: 'line line-' + link[1], 'marker-end': 'url(#arrow)'
        }));
      });
    });
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
  }

  function showDetail(id, focus) {
    state.selectedBody = id;
    Array.prototype.forEach.call(document.querySelectorAll('.body-box'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-id') === id ? 'true' : 'false');
    });
    var panel = $('body-detail');
    panel.hidden = false;
    if (!panel.firstChild) panel.appendChild(el('p', { class: 'status' }, 'Hämtar …'));
    api('/api/governance-bodies/' + encodeURIComponent(id)).then(function (details) {
      if (state.selectedBody !== id) return;
      // keep the focus in the panel when it is redrawn (the chart moved to another revision)
      var keepFocus = focus || panel.contains(document.activeElement);
      renderDetail(panel, state.bodies[id] || details.current, details);
      if (keepFocus) $('detail-heading').focus();
    }).catch(function (e) { clear(panel); showError(e, 'organet'); });
  }

  function renderDetail(panel, body, details) {
    clear(panel);
    panel.appendChild(el('div', { class: 'detail-head' },
      el('h3', { id: 'detail-heading', tabindex: '-1' }, body.name),
      el('button', { type: 'button', class: 'close', 'aria-label': 'Stäng detaljerna', onclick: function () {
        var id = state.selectedBody;
        state.selectedBody = null;
        panel.hidden = true;
        var box = document.querySelector('.body-box[data-id="' + cssEscape(id) + '"]');
        if (box) { box.setAttribute('aria-pressed', 'false'); box.focus(); }
      } }, '×')));
    var dl = el('dl', { class: 'facts' });
    function fact(label, value) {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) value = '–';
      dl.appendChild(el('dt', null, label));
      dl.appendChild(el('dd', null, value));
    }
    fact('Kortnamn', body.shortName);
    fact('Nivå', levelName(body.level));
    fact('Omfattning', body.scope ? (SCOPE[body.scope.kind] || body.scope.kind) + (body.scope.district ? ' ' + body.scope.district : '') : null);
    fact('Status', STATUS[body.status] || body.status);
    fact('Sammankallande', body.convener);
    fact('Mötesfrekvens', body.meetingFrequency);
    fact('Rapporterar till', body.reportsTo ? bodyName(body.reportsTo) : null);
    fact('Stödresurser', (body.supportingResources || []).join(', '));
    fact('Gäller från', body.effectiveFrom);
    fact('Beslut bakom denna version', decisionText(body.decision));
    fact('Inrättat genom', decisionText(body.establishedBy));
    if (body.rescindedDecision) fact('Upphävt inrättandebeslut', decisionText(body.rescindedDecision));
    if (body.note) fact('Anmärkning', body.note);
    panel.appendChild(dl);

    panel.appendChild(el('h4', null, 'Uppdrag'));
    panel.appendChild((body.mandate || []).length
      ? el('ul', null, body.mandate.map(function (m) { return el('li', null, m); }))
      : el('p', { class: 'empty' }, 'Inget uppdrag registrerat.'));

    panel.appendChild(el('h4', null, 'Ledamöter'));
    panel.appendChild((body.members || []).length
      ? el('ul', null, body.members.map(function (m) { return el('li', null, m.role + (m.holder ? ': ' + m.holder : '')); }))
      : el('p', { class: 'empty' }, 'Inga ledamöter registrerade.'));

    if (body.areaTeam) {
      var t = body.areaTeam;
      panel.appendChild(el('h4', null, 'Områdesteam'));
      var tdl = el('dl', { class: 'facts' });
      [['Stadsdel', t.district], ['Värdorganisation', t.hostOrganisation], ['Beställande nämnd', t.commissioningCommittee],
        ['Teamledare', t.teamLeaders], ['Trygghetsvärdar', t.safetyWardens], ['Syfte', t.purpose]].forEach(function (p) {
        tdl.appendChild(el('dt', null, p[0]));
        tdl.appendChild(el('dd', null, p[1] === null || p[1] === undefined || p[1] === '' ? '–' : String(p[1])));
      });
      panel.appendChild(tdl);
    }

    panel.appendChild(el('h4', null, 'Föregångare och efterträdare'));
    var lineage = el('ul', { class: 'lineage' });
    (details.predecessors || []).forEach(function (p) { lineage.appendChild(el('li', null, 'Föregångare: ' + (p.name || p.id))); });
    (details.successors || []).forEach(function (s) { lineage.appendChild(el('li', null, 'Efterträdare: ' + (s.name || s.id))); });
    panel.appendChild(lineage.childNodes.length ? lineage : el('p', { class: 'empty' }, 'Inga föregångare eller efterträdare.'));

    var rows = (details.history || []).map(function (h) {
      var changes = (h.changes || []).map(function (c) {
        return el('li', null, (FIELDS[c.field] || c.field) + ': ' + (c.before === null || c.before === undefined ? '–' : c.before) +
          ' → ' + (c.after === null || c.after === undefined ? '–' : c.after));
      });
      return row(
        el('td', null, revisionRef(h.revision, String(h.revision))),
        CHANGE_TYPES[h.changeType] || h.changeType,
        h.effectiveDate || '–',
        decisionText(h.decision),
        changes.length ? el('ul', { class: 'changes' }, changes) : '–');
    });
    panel.appendChild(table('Historik och beslut för ' + body.name,
      ['Rev.', 'Ändring', 'Gäller från', 'Beslut', 'Ändrade uppgifter'], rows, 'data history'));
  }

  function levelName(level) {
    for (var i = 0; i < LEVELS.length; i++) if (LEVELS[i][0] === level) return LEVELS[i][1];
    return level || '–';
  }

  // ---------- 2. timeline ----------

  var knownBodies = null;

  function loadTimeline() {
    var params = [];
    var district = $('tl-district').value;
    var body = $('tl-body').value;
    if ($('tl-from').value) params.push('from=' + encodeURIComponent($('tl-from').value));
    if ($('tl-to').value) params.push('to=' + encodeURIComponent($('tl-to').value));
    if (district) params.push('district=' + encodeURIComponent(district));
    if (body) params.push('bodyId=' + encodeURIComponent(body));
    var target = $('timeline');
    var current = ticket('timeline');
    var first = knownBodies ? Promise.resolve() : api('/api/timeline').then(function (all) {
      knownBodies = {};
      all.entries.forEach(function (e) { (e.affectedBodies || []).forEach(function (b) { knownBodies[b.id] = b.name || b.id; }); });
      var select = $('tl-body');
      Object.keys(knownBodies).sort(function (a, b) { return knownBodies[a].localeCompare(knownBodies[b], 'sv'); })
        .forEach(function (id) { select.appendChild(el('option', { value: id }, knownBodies[id])); });
    });
    first.then(function () {
      return api('/api/timeline' + (params.length ? '?' + params.join('&') : ''));
    }).then(function (tl) {
      if (current()) renderTimeline(target, tl);
    }).catch(function (e) { showError(e, 'tidslinjen'); });
  }

  function renderTimeline(target, tl) {
    clear(target);
    var what = [];
    if (tl.district) what.push('stadsdel ' + tl.district);
    if (tl.bodyId) what.push('organ ' + (knownBodies && knownBodies[tl.bodyId] || tl.bodyId));
    target.appendChild(el('p', { class: 'status' }, count(tl.entries.length, 'händelse', 'händelser') + (what.length ? ' för ' + what.join(', ') : '') +
      ', revision ' + tl.revision + '.'));
    var list = el('ol', { class: 'timeline' });
    var year = null;
    tl.entries.forEach(function (e) {
      var y = (e.effectiveDate || '').substring(0, 4);
      if (y !== year) { year = y; list.appendChild(el('li', { class: 'year' }, el('h3', null, y || 'Utan datum'))); }
      list.appendChild(el('li', { class: 'event' },
        el('time', { datetime: e.effectiveDate }, e.effectiveDate || '–'),
        el('div', { class: 'event-body' },
          el('p', { class: 'summary' }, e.summary || e.eventType),
          el('p', { class: 'meta' }, 'Beslut: ' + decisionText(e.decision) + ' · ',
            revisionRef(e.revision, 'ändring nr ' + e.revision)),
          (e.affectedBodies || []).length ? el('p', { class: 'meta' }, 'Organ: ' + e.affectedBodies.map(function (b) { return b.name || b.id; }).join(', ')) : null)));
    });
    target.appendChild(tl.entries.length ? list : el('p', { class: 'empty' }, 'Inga händelser matchar filtret.'));
  }

  // ---------- 3. budget ----------

  function loadBudget() {
    var current = ticket('budget');
    var years = state.budgetYears ? Promise.resolve(state.budgetYears) : api('/api/budget/summary').then(function (all) {
      var set = {};
      (all.byYear || []).forEach(function (y) { set[y.key] = true; });
      (all.frames || []).forEach(function (f) { set[f.fiscalYear] = true; });
      (all.openReferrals || []).forEach(function (r) { set[r.fiscalYear] = true; });
      state.budgetYears = Object.keys(set).sort();
      var select = clear($('budget-year'));
      state.budgetYears.forEach(function (y) { select.appendChild(el('option', { value: y }, y)); });
      var withMoney = (all.byYear || []).map(function (y) { return y.key; }).sort();
      select.value = withMoney.length ? withMoney[withMoney.length - 1] : (state.budgetYears[0] || '');
      return state.budgetYears;
    });
    years.then(function () {
      var year = $('budget-year').value;
      var q = year ? '?fiscalYear=' + encodeURIComponent(year) : '';
      $('budget-csv').setAttribute('href', '/api/budget/ledger.csv' + q);
      $('budget-csv').setAttribute('data-filename', 'budgetreskontra' + (year ? '-' + year : '') + '.csv');
      return Promise.all([api('/api/budget/summary' + q), api('/api/budget/ledger' + q)]);
    }).then(function (answers) {
      if (current()) renderBudget(clear($('budget')), answers[0], answers[1]);
    }).catch(function (e) { showError(e, 'budgeten'); });
  }

  function renderBudget(target, summary, ledger) {
    var year = summary.fiscalYear ? 'budgetåret ' + summary.fiscalYear : 'alla år';
    target.appendChild(el('p', { class: 'total' }, 'Fördelat till mottagare ' + year + ': ',
      el('strong', { id: 'budget-total' }, summary.totalTkr || tkr(summary.totalSek)), ' (revision ' + summary.revision + ')'));

    var charts = el('div', { class: 'charts' });
    charts.appendChild(barChart('Per mottagare', summary.byRecipient || []));
    charts.appendChild(barChart('Per finansieringskälla', summary.bySource || []));
    target.appendChild(charts);

    var grid = el('div', { class: 'budget-grid' });
    grid.appendChild(table('Summa per mottagare', ['Mottagare', 'Belopp'],
      (summary.byRecipient || []).map(function (t) { return row(t.label, num(t.amountTkr)); })));
    grid.appendChild(table('Summa per stadsdel', ['Stadsdel', 'Belopp'],
      (summary.byDistrict || []).map(function (t) { return row(t.label, num(t.amountTkr)); })));
    grid.appendChild(table('Summa per finansieringskälla', ['Källa', 'Belopp'],
      (summary.bySource || []).map(function (t) { return row(t.label, num(t.amountTkr)); })));
    target.appendChild(grid);
    if (!(summary.byDistrict || []).length) {
      target.appendChild(el('p', { class: 'note' }, 'Inga belopp är registrerade per stadsdel för ' + year + '; inget belopp räknas fram som registret inte har.'));
    }

    target.appendChild(table('Budgetramar och vad som återstår', ['Nämnd', 'År', 'Ursprunglig ram', 'Utökning', 'Fördelat', 'Återstår'],
      (summary.frames || []).map(function (f) {
        return row(f.committee, String(f.fiscalYear), num(tkr(f.openedSek)), num(tkr(f.extendedSek)), num(tkr(f.allocatedSek)),
          el('td', { class: 'num remaining' }, f.remainingTkr || tkr(f.remainingSek)));
      })));

    target.appendChild(table('Öppna remitterade ärenden', ['År', 'Ärende', 'Remitterat till', 'Mottagare', 'Uppskattat belopp', 'Beslut'],
      (summary.openReferrals || []).map(function (r) {
        return row(String(r.fiscalYear), r.subject, r.referredTo || '–', r.recipientName || '–', num(tkr(r.estimatedAmountSek)), decisionText(r.decision));
      })));

    target.appendChild(table('Reskontra ' + year, ['Rev.', 'Gäller från', 'Typ', 'Källa', 'Mottagare', 'Stadsdel', 'Ändamål', 'Belopp', 'Saldo', 'Beslut'],
      (ledger.entries || []).map(function (e) {
        return row(
          el('td', null, revisionRef(e.revision, String(e.revision))),
          e.effectiveDate || '–', ENTRY_TYPES[e.entryType] || e.entryType, e.sourceName || '–', e.recipientName || '–',
          e.district || '–', e.purpose || '–', num(e.amountTkr || tkr(e.amountSek)), num(e.runningBalanceTkr || tkr(e.runningBalanceSek)),
          decisionText(e.decision));
      }), 'data ledger'));
  }

  function barChart(title, totals) {
    var figure = el('figure', { class: 'chart' });
    var barHeight = 26, gap = 10, labelWidth = 380, barWidth = 280, valueWidth = 90;
    var width = labelWidth + barWidth + valueWidth;
    var height = Math.max(1, totals.length) * (barHeight + gap) + gap;
    var max = totals.reduce(function (m, t) { return Math.max(m, Math.abs(t.amountSek)); }, 0) || 1;
    var titleId = 'chart-' + Math.random().toString(36).substring(2);
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: '100%', role: 'img', 'aria-labelledby': titleId, class: 'bars' },
      svg('title', { id: titleId }, title + ': ' + totals.map(function (t) { return t.label + ' ' + t.amountTkr; }).join(', ')));
    totals.forEach(function (t, i) {
      var y = gap + i * (barHeight + gap);
      var w = Math.max(2, Math.round(Math.abs(t.amountSek) / max * barWidth));
      var label = t.label.length > 44 ? t.label.substring(0, 42) + '…' : t.label;
      chart.appendChild(svg('text', { x: labelWidth - 8, y: y + barHeight * 0.68, 'text-anchor': 'end', class: 'bar-label' }, label));
      chart.appendChild(svg('rect', { x: labelWidth, y: y, width: w, height: barHeight, rx: 3, class: 'bar' }));
      chart.appendChild(svg('text', { x: labelWidth + w + 6, y: y + barHeight * 0.68, class: 'bar-value' }, t.amountTkr || tkr(t.amountSek)));
    });
    if (!totals.length) chart.appendChild(svg('text', { x: 10, y: 24, class: 'bar-label' }, 'Inga belopp'));
    figure.appendChild(chart);
    figure.appendChild(el('figcaption', null, title + ' (tkr)'));
    return figure;
  }

  // ---------- 4. audit trail ----------

  function auditQuery(withPage) {
    var form = $('audit-filters');
    var params = [];
    ['fromRevision', 'toRevision', 'recordedFrom', 'recordedTo', 'effectiveFrom', 'effectiveTo', 'bodyId', 'caseNumber', 'eventType', 'recordedBy']
      .forEach(function (name) {
        var v = form.elements[name].value.trim();
        if (v) params.push(name + '=' + encodeURIComponent(v));
      });
    if (withPage) {
      params.push('page=' + state.auditPage);
      params.push('size=' + encodeURIComponent(form.elements.size.value));
    }
    return params.length ? '?' + params.join('&') : '';
  }

  function loadAudit() {
    $('audit-csv').setAttribute('href', '/api/audit-trail.csv' + auditQuery(false));
    $('audit-csv').setAttribute('data-filename', 'revisionslogg.csv');
    var target = $('audit');
    var current = ticket('audit');
    api('/api/audit-trail/verification').then(function (v) {
      var p = clear($('audit-verification'));
      p.className = 'verification ' + (v.status === 'INTACT' ? 'ok' : v.status === 'ALTERED' ? 'broken' : 'pending');
      p.appendChild(document.createTextNode(v.status === 'INTACT'
        ? '✓ Loggen är obruten: varje händelse till och med revision ' + v.checkedUpTo + ' stämmer med revisionsloggen (' + v.treeSize + ' blad).'
        : v.status === 'ALTERED'
          ? '✗ Loggen har ändrats vid revision ' + v.firstMismatch + (v.detail ? ': ' + v.detail : '.')
          : '… Kontrollerad till och med revision ' + v.checkedUpTo + '; revision ' + v.uncheckedFrom + '–' + v.logHead + ' är ännu inte inlästa.'));
    }).catch(function (e) {
      var p = clear($('audit-verification'));
      p.className = 'verification broken';
      p.textContent = e instanceof ApiError && e.status === 403 ? 'Loggen kan bara kontrolleras av revisor eller registrator.' : 'Kunde inte kontrollera loggen.';
    });
    api('/api/audit-trail' + auditQuery(true)).then(function (page) {
      if (current()) renderAudit(clear(target), page);
    }).catch(function (e) {
      clear(target);
      if (e instanceof ApiError && e.status === 403) {
        showMessage('Din roll ger inte rätt att se revisionsloggen (403). Den kräver rollen revisor, registrator eller administratör.', 'error');
      } else showError(e, 'revisionsloggen');
    });
  }

  function renderAudit(target, page) {
    var from = page.total ? page.page * page.size + 1 : 0;
    var to = Math.min(page.total, (page.page + 1) * page.size);
    target.appendChild(el('p', { class: 'status', id: 'audit-count' }, page.total
      ? 'Visar ' + from + '–' + to + ' av ' + count(page.total, 'händelse', 'händelser') + ' (ändring nr ' + page.revision + ').'
      : 'Inga händelser matchar filtret (ändring nr ' + page.revision + ').'));
    target.appendChild(table('Händelser i registret', ['Revision', 'Registrerad', 'Av', 'Gäller från', 'Beslut', 'Händelsetyp', 'Sammanfattning'],
      page.entries.map(function (e) {
        return row(
          el('td', null, el('a', { href: '#/revision/' + e.revision, 'aria-label': 'Revision ' + e.revision + ': visa beslut och ändring' }, String(e.revision))),
          dateTime(e.recordedAt), e.recordedBy || '–', e.effectiveDate || '–', decisionText(e.decision),
          CHANGE_TYPES[e.eventType] || e.eventType, e.summary || '–');
      }), 'data audit'));
    var pager = el('div', { class: 'pager' });
    pager.appendChild(el('button', { type: 'button', disabled: page.page === 0, onclick: function () { state.auditPage--; loadAudit(); } }, '← Föregående'));
    pager.appendChild(el('button', { type: 'button', disabled: to >= page.total, onclick: function () { state.auditPage++; loadAudit(); } }, 'Nästa →'));
    target.appendChild(pager);
  }

  function loadRevision(revision) {
    var target = clear($('revision'));
    var current = ticket('revision');
    $('revision-heading').textContent = 'Revision ' + revision;
    api('/api/audit-trail/' + encodeURIComponent(revision)).then(function (record) {
      if (!current()) return undefined;
      var e = record.entry;
      var dl = el('dl', { class: 'facts' });
      [['Händelse', e.summary], ['Händelsetyp', (CHANGE_TYPES[e.eventType] || e.eventType) + ' (' + e.eventType + ')'],
        ['Beslut', decisionText(e.decision)], ['Gäller från', e.effectiveDate], ['Registrerad', dateTime(e.recordedAt)],
        ['Registrerad av', e.recordedBy], ['Aggregat', (e.aggregateType || '') + ' ' + (e.aggregateId || '')],
        ['Berör', (e.affectedIds || []).join(', ')], ['Stadsdel', e.district], ['Korrelations-id', e.correlationId]]
        .forEach(function (p) {
          dl.appendChild(el('dt', null, p[0]));
          dl.appendChild(el('dd', null, p[1] === null || p[1] === undefined || p[1] === '' ? '–' : String(p[1])));
        });
      target.appendChild(dl);
      target.appendChild(el('h3', null, 'Innehåll'));
      target.appendChild(el('pre', { class: 'payload' }, JSON.stringify(e.payload, null, 2)));
      var n = Number(revision);
      if (n > 0) {
        return api('/api/revisions/' + (n - 1) + '/diff/' + n).then(function (diff) {
          target.appendChild(el('h3', null, 'Förändring i organisationen jämfört med revision ' + (n - 1)));
          var items = el('ul', { class: 'diff' });
          (diff.added || []).forEach(function (b) { items.appendChild(el('li', null, 'Tillkom: ' + (b.name || b.id))); });
          (diff.ended || []).forEach(function (b) { items.appendChild(el('li', null, 'Upphörde: ' + (b.name || b.id))); });
          (diff.changed || []).forEach(function (c) {
            (c.changes || []).forEach(function (f) {
              items.appendChild(el('li', null, (c.name || c.bodyId) + ' – ' + (FIELDS[f.field] || f.field) + ': ' +
                (f.before === null ? '–' : f.before) + ' → ' + (f.after === null ? '–' : f.after)));
            });
          });
          (diff.membersIn || []).forEach(function (m) { items.appendChild(el('li', null, 'Ny ledamot i ' + (m.bodyName || m.bodyId) + ': ' + m.role + (m.holder ? ' (' + m.holder + ')' : ''))); });
          (diff.membersOut || []).forEach(function (m) { items.appendChild(el('li', null, 'Lämnade ' + (m.bodyName || m.bodyId) + ': ' + m.role + (m.holder ? ' (' + m.holder + ')' : ''))); });
          target.appendChild(items.childNodes.length ? items : el('p', { class: 'empty' }, 'Ingen förändring i organisationsschemat.'));
        }).catch(function () { /* the diff is an extra; the entry is shown */ });
      }
    }).catch(function (e) { showError(e, 'revisionen'); });
  }

  // ---------- 5. districts ----------

  function loadDistrict(name) {
    if (DISTRICTS.indexOf(name) < 0) name = 'Berga';
    state.district = name;
    Array.prototype.forEach.call(document.querySelectorAll('.district-button'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-district') === name ? 'true' : 'false');
    });
    var target = $('district');
    var current = ticket('district');
    Promise.all([
      api('/api/districts/' + encodeURIComponent(name)),
      api('/api/timeline?district=' + encodeURIComponent(name)),
      api('/api/budget/ledger')
    ]).then(function (answers) {
      var view = answers[0];
      var areaTeam = view.areaTeam ? api('/api/governance-bodies/' + encodeURIComponent(view.areaTeam.id)).catch(function () { return null; }) : Promise.resolve(null);
      return areaTeam.then(function (team) {
        if (current()) renderDistrict(clear(target), view, answers[1], answers[2], team);
      });
    }).catch(function (e) { showError(e, 'stadsdelen'); });
  }

  function renderDistrict(target, view, timeline, ledger, team) {
    target.appendChild(el('h3', { id: 'district-name' }, 'Stadsdel ' + view.district));
    target.appendChild(el('p', { class: 'status' }, 'Revision ' + view.revision + '.'));

    target.appendChild(el('h4', null, 'Områdesteam'));
    if (view.areaTeam) {
      var card = el('div', { class: 'card' }, el('p', { class: 'card-title' }, view.areaTeam.name));
      var t = team && team.current && team.current.areaTeam;
      var dl = el('dl', { class: 'facts' });
      var facts = [['Inrättat', view.areaTeam.effectiveFrom]];
      if (t) {
        facts.push(['Värdorganisation', t.hostOrganisation], ['Beställande nämnd', t.commissioningCommittee],
          ['Teamledare', t.teamLeaders], ['Trygghetsvärdar', t.safetyWardens], ['Syfte', t.purpose]);
      }
      if (team && team.current) facts.push(['Beslut', decisionText(team.current.decision)]);
      facts.forEach(function (p) {
        dl.appendChild(el('dt', null, p[0]));
        dl.appendChild(el('dd', null, p[1] === null || p[1] === undefined || p[1] === '' ? '–' : String(p[1])));
      });
      card.appendChild(dl);
      target.appendChild(card);
    } else {
      target.appendChild(el('p', { class: 'empty' }, 'Inget områdesteam registrerat.'));
    }

    target.appendChild(table('Organ i stadsdelen', ['Organ', 'Nivå', 'Gäller från'],
      (view.bodies || []).map(function (b) { return row(b.name, levelName(b.level), b.effectiveFrom || '–'); })));

    target.appendChild(table('Åtgärder som berör stadsdelen', ['Åtgärd', 'Handlingsplan', 'Utvecklingsområde', 'Status', 'Statusdatum'],
      (view.actions || []).map(function (a) {
        return row(a.title, a.planTitle, String(a.developmentArea), PROGRESS[a.status] || a.status, a.statusDate || '–');
      })));

    var money = (ledger.entries || []).filter(function (e) { return e.district === view.district; });
    target.appendChild(table('Medel per år', ['År', 'Belopp', 'Källor'],
      (view.allocationsPerYear || []).map(function (y) {
        return row(String(y.year), num(groupDigits(Math.round(Number(y.amountTkr))) + ' tkr'), (y.sources || []).join(', '));
      })));
    if (!(view.allocationsPerYear || []).length && !money.length) {
      target.appendChild(el('p', { class: 'note' }, 'Inga medel är registrerade direkt på stadsdelen.'));
    }

    target.appendChild(el('h4', null, 'Lägesbilder'));
    var pictures = el('div');
    (view.pictures || []).forEach(function (p) {
      pictures.appendChild(el('div', { class: 'card' },
        el('p', { class: 'card-title' }, (p.displayName || PICTURES[p.kind] || p.kind) + ', version ' + p.version),
        el('p', { class: 'picture-text' }, p.text || ''),
        el('p', { class: 'meta' }, 'Gäller från ' + (p.effectiveFrom || '–') + ' · Beslut: ' + decisionText(p.decision))));
    });
    if ((view.picturesNotYetRecorded || []).length) {
      pictures.appendChild(el('p', { class: 'note' }, 'Ännu inte registrerat: ' +
        view.picturesNotYetRecorded.map(function (k) { return PICTURES[k] || k; }).join(', ') + '.'));
    }
    target.appendChild(pictures);

    target.appendChild(table('Händelser i stadsdelen', ['Gäller från', 'Händelse', 'Beslut'],
      (timeline.entries || []).map(function (e) { return row(e.effectiveDate || '–', e.summary || e.eventType, decisionText(e.decision)); })));
  }

  // ---------- wiring ----------

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', function () { logout(); });
    // Escape closes the body's panel, as its × button does
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape' || $('body-detail').hidden) return;
      var close = $('body-detail').querySelector('.close');
      if (close) close.click();
    });
    Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (tab) {
      tab.addEventListener('click', function () { go('#/' + tab.getAttribute('data-view')); });
    });
    $('rev-slider').addEventListener('input', scheduleChart);
    $('rev-slider').addEventListener('change', scheduleChart);
    $('as-of-date').addEventListener('change', fetchChart);
    $('org-controls').addEventListener('submit', function (e) { e.preventDefault(); fetchChart(); });
    $('org-now').addEventListener('click', function () {
      $('as-of-date').value = '';
      if (state.head !== null) $('rev-slider').value = String(state.head);
      state.head = null;
      loadOrg();
    });
    $('timeline-filters').addEventListener('submit', function (e) { e.preventDefault(); loadTimeline(); });
    $('tl-district').addEventListener('change', loadTimeline);
    $('tl-body').addEventListener('change', loadTimeline);
    $('budget-controls').addEventListener('submit', function (e) { e.preventDefault(); });
    $('budget-year').addEventListener('change', loadBudget);
    $('audit-filters').addEventListener('submit', function (e) { e.preventDefault(); state.auditPage = 0; loadAudit(); });
    $('audit-filters').addEventListener('reset', function () { setTimeout(function () { state.auditPage = 0; loadAudit(); }, 0); });
    Array.prototype.forEach.call(document.querySelectorAll('.district-button'), function (b) {
      b.addEventListener('click', function () { go('#/stadsdelar/' + encodeURIComponent(b.getAttribute('data-district'))); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('.print-button'), function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
    download($('budget-csv'));
    download($('audit-csv'));
    window.addEventListener('hashchange', route);
    var resizeTimer = null;
    var redraw = function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(drawLines, 50); };
    window.addEventListener('resize', redraw);
    // the chart's boxes move when the detail panel opens or closes: draw the lines again
    if (window.ResizeObserver) new ResizeObserver(redraw).observe($('org-chart'));
    if (authHeader()) enter(); else { showView('login'); }
  });
})();
