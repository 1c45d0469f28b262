/*
 * Styrregistret web interface. Plain JavaScript, no dependencies.
 * Every value from the API or the user is put into the page as text (text nodes / textContent),
 * never as HTML, so markup in stored text is always shown as written.
 * The view and its settings live in the address (#/vy?namn=värde): a bookmark, a shared link or a
 * reload shows the same view.
 */
(function () {
  'use strict';

  var AUTH_KEY = 'styrregistret.auth';
  var USER_KEY = 'styrregistret.user';
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
    establishedBy: 'Inrättad genom', note: 'Anmärkning', areaTeam: 'Områdesteam', rescindedDecision: 'Upphävt inrättandebeslut',
    decision: 'Beslut', effectiveFrom: 'Gäller från', effectiveTo: 'Gäller till', district: 'Stadsdel', description: 'Beskrivning',
    teamLeaders: 'Teamledare', safetyWardens: 'Trygghetsvärdar', hostOrganisation: 'Värdorganisation',
    commissioningCommittee: 'Beställande nämnd', purpose: 'Syfte', recipient: 'Mottagare', recipientName: 'Mottagare',
    source: 'Källa för medlen', sourceName: 'Källa för medlen', amountSek: 'Belopp', caseNumber: 'Diarienummer',
    paragraph: 'Paragraf', decisionDate: 'Beslutsdatum', decidedBy: 'Beslutsfattare', effectiveDate: 'Gäller från',
    entry: 'Hela uppgiften', title: 'Titel', parties: 'Parter', fiscalYear: 'Budgetår', committee: 'Nämnd',
    role: 'Roll', holder: 'Innehavare', text: 'Text', kind: 'Slag', function: 'Funktion', subject: 'Ärende',
    estimatedAmountSek: 'Uppskattat belopp', referredTo: 'Hänskjutet till', developmentArea: 'Utvecklingsområde',
    replacements: 'Ersättningar', establishments: 'Inrättanden', rescissions: 'Upphävanden', dissolutions: 'Avvecklingar',
    functionId: 'Funktion', fromOrganisation: 'Från organisation', toOrganisation: 'Till organisation', actions: 'Åtgärder'
  };
  // where an entry comes from: the kind of document, whether its decision is known to be adopted, how sure each fact is
  var CERTAINTY = { INFERRED: 'Härlett', ASSUMED: 'Antaget', STATED: 'Står i källan' };
  var DOCUMENT_KINDS = { ADOPTED_DECISION: 'Protokollfört beslut', DELEGATION_DECISION: 'Delegationsbeslut',
    PROPOSAL: 'Förslag (tjänsteskrivelse)', AGREEMENT: 'Överenskommelse', ANNOUNCEMENT: 'Meddelande' };
  var DECISION_STATUS = { ADOPTED: 'Beslutat', PROPOSED: 'Förslag – antagande framgår inte',
    ADOPTION_DATE_UNKNOWN: 'Beslutat, datum okänt' };
  var ONLY_STATED = 'bara-kallor';
  // the Swedish name and kind of every event type; the server's typeLabel/kind win when it sends them
  var EVENT_TYPES = {
    GovernanceBodyEstablished: ['Organ inrättat', 'bodies'], GovernanceBodyAmended: ['Organ ändrat', 'bodies'],
    GovernanceBodyDissolved: ['Organ avvecklat', 'bodies'], GovernanceBodyReplaced: ['Organ ersatt', 'bodies'],
    GovernanceBodySucceeded: ['Organ tar över efter ett annat', 'bodies'],
    EstablishingDecisionRescinded: ['Inrättandebeslut upphävt', 'bodies'], ReportingLineSet: ['Rapporteringsväg ändrad', 'bodies'],
    AreaTeamEstablished: ['Områdesteam inrättat', 'bodies'], FunctionTransferred: ['Funktion flyttad', 'bodies'],
    MemberAppointed: ['Ledamot utsedd', 'members'], MemberRemoved: ['Ledamot entledigad', 'members'],
    AgreementRecorded: ['Överenskommelse registrerad', 'agreements'],
    ActionPlanApproved: ['Handlingsplan antagen', 'plans'], DistrictPictureRecorded: ['Lägesbild registrerad', 'plans'],
    ActionAdded: ['Åtgärd tillagd', 'actions'], ActionLinkedToBody: ['Åtgärd kopplad till organ', 'actions'],
    ActionProgressReported: ['Lägesrapport för åtgärd', 'actions'], ActionReopened: ['Åtgärd återöppnad', 'actions'],
    ActionRevised: ['Åtgärd ändrad', 'actions'], ActionWithdrawn: ['Åtgärd återtagen', 'actions'],
    BudgetFrameOpened: ['Budgetram beslutad', 'money'], BudgetFrameExtended: ['Budgetram utökad', 'money'],
    BudgetAllocated: ['Medel anvisade', 'money'], AllocationDistributed: ['Medel fördelade vidare', 'money'],
    AllocationReversed: ['Anvisning återförd', 'money'], GrantRegistered: ['Statsbidrag registrerat', 'money'],
    FinancingReferred: ['Finansiering hänskjuten', 'money'], ReferralSettled: ['Hänskjutet ärende avgjort', 'money']
  };
  var KINDS = { bodies: 'Organ', members: 'Ledamöter', agreements: 'Överenskommelser', plans: 'Handlingsplaner',
    actions: 'Åtgärder', money: 'Medel' };
  var ENTRY_TYPES = {
    FRAME_OPENED: 'Budgetram', FRAME_EXTENDED: 'Utökad ram', GRANT_REGISTERED: 'Statsbidrag', ALLOCATION: 'Anvisade medel',
    DISTRIBUTED_ON: 'Fördelat vidare (avgår)', DISTRIBUTION: 'Fördelning', REVERSAL: 'Återföring', REFERRAL: 'Hänskjutet',
    REFERRAL_SETTLED: 'Hänskjutet ärende avgjort'
  };

  var state = {
    head: null,          // the log's revision when the page loaded (the chart's head)
    chart: null,         // the chart shown
    bodies: {},          // id -> body in the chart shown
    points: null,        // the decisions' dates in time order: the chart's time axis
    selectedBody: null,
    district: null,      // the district shown (the registered districts come from GET /api/districts)
    budgetYears: null,
    eventTypes: null,    // [{type,label,kind}]
    knownBodies: {},     // id -> name, every body the page has seen
    onlyStated: false,   // show only what the sources state (onlyStated=true on the API calls; bara-kallor=ja in the address)
    params: {},          // the current view's settings, as in the address
    lastParams: {}       // each view's settings when it was last left
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

  /** A table in a wrapper that scrolls sideways on its own if it must, so the page never does; each cell
   *  carries its column's name (data-label) for the stacked layout on phones. */
  function table(caption, headers, rows, className, foot) {
    var t = el('table', { class: className || 'data' },
      el('caption', null, caption),
      el('thead', null, el('tr', null, headers.map(function (h) { return el('th', { scope: 'col' }, h); }))),
      el('tbody', null, rows.length ? rows : el('tr', null, el('td', { colspan: headers.length, class: 'empty' }, 'Inga rader.'))),
      foot && rows.length ? el('tfoot', null, foot) : null);
    Array.prototype.forEach.call(t.querySelectorAll('tbody tr, tfoot tr'), function (tr) {
      var column = 0;
      Array.prototype.forEach.call(tr.children, function (cell) {
        var span = Number(cell.getAttribute('colspan') || 1);
        if (span === 1 && headers[column] && cell.tagName === 'TD') cell.setAttribute('data-label', headers[column]);
        column += span;
      });
    });
    return el('div', { class: 'table-wrap' }, t);
  }

  /** A table wider than its place scrolls on its own; a keyboard user can then reach and scroll it. */
  function markScrollables(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll('.table-wrap'), function (w) {
      var t = w.querySelector('table');
      if (w.scrollWidth > w.clientWidth + 1) {
        w.setAttribute('tabindex', '0');
        w.setAttribute('role', 'region');
        w.setAttribute('aria-label', (t && t.caption ? t.caption.textContent : 'Tabell') + ' (rullas i sidled)');
      } else {
        w.removeAttribute('tabindex');
        w.removeAttribute('role');
        w.removeAttribute('aria-label');
      }
    });
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

  /** A decision's date as precisely as the source gives it: "2020-01-20", "januari 2020", "okänt, efter 2021-03-02". */
  function decisionDateText(d) {
    if (!d) return '';
    if (d.dateText) return d.dateText;
    var date = d.decisionDate || '';
    if (d.datePrecision === 'MONTH') return monthText(date);
    if (d.datePrecision === 'YEAR') return date.substring(0, 4);
    if (d.datePrecision === 'AFTER') return 'okänt, efter ' + date;
    if (d.datePrecision === 'BEFORE') return 'okänt, före ' + date;
    return date;
  }

  var MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
  function monthText(iso) {
    var m = /^(\d{4})-(\d{2})/.exec(iso || '');
    return m ? MONTHS[Number(m[2]) - 1] + ' ' + m[1] : (iso || '');
  }

  /** An entry's effective date as precisely as known (effectiveDateText), never a made-up day. */
  function entryDate(e, field) {
    var f = field || 'effectiveDate';
    if (!e) return '–';
    return e[f + 'Text'] || formatDate(e[f]);
  }

  /** A date shown with its ISO form for machines; a vague one may wrap. */
  function dateCell(e, field) {
    var f = field || 'effectiveDate';
    var text = entryDate(e, f);
    return el('td', { class: 'date' + (text.length > 10 ? ' date-vague' : '') }, text);
  }

  /** The server's wording of a decision with its date as precisely as known ("2020-01" reads "januari 2020"). */
  function serverDecisionText(e) {
    var d = e.decision;
    if (!e.decisionText) return decisionText(d);
    if (d && d.dateAsKnown && d.dateText && e.decisionText.indexOf(d.dateAsKnown) >= 0) {
      // a date known only as a bound reads "Kommunstyrelsen, okänt, efter 2021-03-02"
      return /^okänt/.test(d.dateText) ? e.decisionText.replace(' ' + d.dateAsKnown, ', ' + d.dateText).replace(d.dateAsKnown, d.dateText)
        : e.decisionText.replace(d.dateAsKnown, d.dateText);
    }
    return e.decisionText;
  }

  function decisionText(d) {
    if (!d) return '–';
    var date = decisionDateText(d);
    var parts = [];
    if (d.caseNumber) parts.push(d.caseNumber);
    if (d.paragraph) parts.push(d.paragraph);
    var who = [d.decidedBy, date].filter(Boolean).join(/^okänt/.test(date) ? ', ' : ' ');
    if (!parts.length) return who || '–';
    parts.push('(' + who + ')');
    return parts.join(' ');
  }

  var NBSP = '\u00a0';
  function groupDigits(n) {
    var negative = n < 0;
    var s = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    return (negative ? '−' : '') + s;
  }

  function tkr(sek) {
    if (sek === null || sek === undefined) return '–';
    return groupDigits(Math.round(sek / 1000)) + NBSP + 'tkr';
  }

  /** The server's "1 234 tkr" with non-breaking spaces, so an amount never wraps. */
  function amount(text, sek) {
    return text ? String(text).replace(/ /g, NBSP) : tkr(sek);
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
    return b ? b.name : (state.knownBodies[id] || id);
  }

  // ---------- provenance: where an entry comes from, and how sure the register is of it ----------

  function fieldName(field) {
    if (!field) return '–';
    if (FIELDS[field]) return FIELDS[field];
    // "replacements[0].successors" reads as its last name
    var last = String(field).replace(/\[\d+\]/g, '').split('.').pop();
    return FIELDS[last] || humanise(last);
  }

  function certaintyText(fact) {
    return fact.certaintyText || CERTAINTY[fact.certainty] || fact.certainty || '';
  }

  /** A visible word beside a value that is not in the sources: "härlett" or "antaget", the reasoning as its title. */
  function certaintyMark(fact) {
    var word = certaintyText(fact).toLowerCase();
    return el('sup', { class: 'certainty-mark certainty-' + String(fact.certainty || '').toLowerCase(),
      title: word + (fact.reasoning ? ': ' + fact.reasoning : '') },
      word, el('span', { class: 'visually-hidden' }, fact.reasoning ? ' (' + fact.reasoning + ')' : ''));
  }

  /** The facts of an entry or a body that are inferred or assumed, by field: the entry's own or the body's state's. */
  function uncertainFacts(entry) {
    if (!entry) return [];
    if (Array.isArray(entry.uncertainFacts)) return entry.uncertainFacts;
    // a body's state is built from many entries: only its uncertainFacts speak for it
    if (entry.establishedBy !== undefined) return [];
    var facts = entry.provenance && entry.provenance.facts;
    return (facts || []).filter(function (f) { return f && f.certainty && f.certainty !== 'STATED'; });
  }

  /** The uncertain fact of that field (a request's "areaTeam.teamLeaders" or "teamLeaders" alike), if any. */
  function uncertainFact(entry, field) {
    var list = uncertainFacts(entry);
    for (var i = 0; i < list.length; i++) {
      var f = String(list[i].field || '');
      if (f === field || f.split('.').pop() === field) return list[i];
    }
    return null;
  }

  /** A value and, when the register inferred or assumed it, its mark. */
  function markedValue(entry, field, value) {
    var fact = uncertainFact(entry, field);
    return fact ? el('span', null, value, ' ', certaintyMark(fact)) : value;
  }

  /** What the sources say about a value a view leaves out because it is not stated in them. */
  function withheldFact(entry, field) {
    var list = (entry && entry.withheld) || [];
    for (var i = 0; i < list.length; i++) {
      var f = String(list[i].field || '');
      if (f === field || f.split('.').pop() === field) return list[i];
    }
    return null;
  }

  /** Badges for a decision not known to be adopted, and the kind of document it rests on. */
  function decisionBadges(d) {
    if (!d) return null;
    var out = [];
    if (d.status === 'PROPOSED') {
      out.push(el('span', { class: 'badge badge-proposal', title: d.statusText || DECISION_STATUS.PROPOSED },
        'Förslag', el('span', { class: 'visually-hidden' }, ': ' + (d.statusText || DECISION_STATUS.PROPOSED))));
    } else if (d.status === 'ADOPTION_DATE_UNKNOWN') {
      out.push(el('span', { class: 'badge badge-date-unknown', title: d.statusText || DECISION_STATUS.ADOPTION_DATE_UNKNOWN },
        'Datum okänt', el('span', { class: 'visually-hidden' }, ': ' + (d.statusText || DECISION_STATUS.ADOPTION_DATE_UNKNOWN))));
    }
    if (d.documentKind) {
      out.push(el('span', { class: 'doc-kind' }, d.documentKindText || DOCUMENT_KINDS[d.documentKind] || d.documentKind));
    }
    return out.length ? el('span', { class: 'decision-badges' }, out.map(function (b, i) { return [i ? ' ' : '', b]; })) : null;
  }

  /** A decision as text with its badges. */
  function decisionNode(d, text) {
    var badges = decisionBadges(d);
    return badges ? el('span', { class: 'decision' }, text || decisionText(d), ' ', badges) : (text || decisionText(d));
  }

  function hasSources(entry) {
    var p = entry && entry.provenance;
    return !!(p && ((p.citations || []).length || (p.facts || []).length || (p.discrepancies || []).length ||
      p.documentKind || p.status)) || !!(entry && (entry.withheld || []).length);
  }

  /** A cited passage: document, Dnr, its date, section, and the quoted words. */
  function citationNode(c, tag) {
    if (!c) return null;
    var head = [c.document || 'Dokument utan titel'];
    if (c.registrationNumber) head.push('Dnr ' + c.registrationNumber);
    if (c.documentDate) head.push('daterat ' + formatDate(c.documentDate));
    if (c.section) head.push(c.section);
    return el(tag || 'div', { class: 'citation' },
      el('p', { class: 'citation-source' }, head.join(', ')),
      c.passage ? el('blockquote', { class: 'passage' }, '”' + c.passage + '”') : null);
  }

  /**
   * The "Källor" of an entry: each cited passage, each fact the register inferred or assumed with its
   * reasoning, each discrepancy between the sources with both passages and what the register records.
   */
  function sourcesNode(entry, label) {
    var p = (entry && entry.provenance) || {};
    var d = (entry && entry.decision) || {};
    var box = el('div', { class: 'sources' });
    if (label) box.appendChild(el('p', { class: 'sources-label' }, label));
    var kind = d.documentKindText || DOCUMENT_KINDS[p.documentKind];
    var status = d.statusText || DECISION_STATUS[p.status];
    if (kind || status) {
      box.appendChild(el('p', { class: 'sources-status' }, [kind ? 'Underlag: ' + kind : null, status ? 'Status: ' + status : null]
        .filter(Boolean).join(' · ')));
    }
    var citations = p.citations || [];
    if (citations.length) {
      box.appendChild(el('ol', { class: 'citations' }, citations.map(function (c) { return citationNode(c, 'li'); })));
    } else {
      box.appendChild(el('p', { class: 'note' }, 'Inga citerade källor registrerade.'));
    }
    var facts = (p.facts || []).filter(function (f) { return f && f.certainty && f.certainty !== 'STATED'; });
    if (facts.length) {
      box.appendChild(el('p', { class: 'sources-sub' }, 'Uppgifter som inte står ordagrant i källorna'));
      box.appendChild(el('ul', { class: 'uncertain-facts' }, facts.map(function (f) {
        var withheld = withheldFact(entry, f.field);
        return el('li', null, el('span', { class: 'certainty-tag certainty-' + f.certainty.toLowerCase() }, certaintyText(f)), ' ',
          el('strong', null, fieldName(f.field)), f.reasoning ? ': ' + f.reasoning : '',
          typeof f.citation === 'number' && citations[f.citation] ? ' (utgår från källa ' + (f.citation + 1) + ')' : '',
          withheld ? el('span', { class: 'withheld-note' }, ' – utelämnat i denna vy') : null);
      })));
    }
    var discrepancies = p.discrepancies || [];
    if (discrepancies.length) {
      box.appendChild(el('p', { class: 'sources-sub' }, 'Motstridiga uppgifter i källorna'));
      box.appendChild(el('ul', { class: 'discrepancies' }, discrepancies.map(function (x) {
        return el('li', { class: 'discrepancy' },
          el('p', null, el('strong', null, x.summary || 'Källorna är oense'),
            (x.fields || []).length ? ' (' + x.fields.map(fieldName).join(', ') + ')' : ''),
          x.passage ? el('div', { class: 'discrepancy-side' }, el('p', { class: 'side-label' }, 'Det ena stället:'), citationNode(x.passage)) : null,
          x.other ? el('div', { class: 'discrepancy-side' }, el('p', { class: 'side-label' }, 'Det andra stället:'), citationNode(x.other)) : null,
          x.resolution ? el('p', { class: 'resolution' }, 'Registret: ' + x.resolution) : null);
      })));
    }
    var withheldOnly = ((entry && entry.withheld) || []).filter(function (w) {
      return !facts.some(function (f) { return f.field === w.field; });
    });
    if (withheldOnly.length) {
      box.appendChild(el('p', { class: 'withheld-note' }, 'Utelämnat eftersom det inte står i källorna: ' +
        withheldOnly.map(function (w) { return fieldName(w.field) + ' (' + certaintyText(w).toLowerCase() + ')'; }).join(', ')));
    }
    return box;
  }

  /** The sources folded away under "Källor", for a row or an item among many. */
  function sourcesDetails(entry) {
    if (!hasSources(entry)) return null;
    var p = entry.provenance || {};
    var n = (p.citations || []).length;
    var extra = [];
    if (n) extra.push(count(n, 'citat', 'citat'));
    var uncertain = (p.facts || []).filter(function (f) { return f && f.certainty && f.certainty !== 'STATED'; }).length;
    if (uncertain) extra.push(count(uncertain, 'härledd eller antagen uppgift', 'härledda eller antagna uppgifter'));
    if ((p.discrepancies || []).length) extra.push('motstridiga uppgifter');
    return el('details', { class: 'sources-details' },
      el('summary', null, 'Källor' + (extra.length ? ' (' + extra.join(', ') + ')' : '')), sourcesNode(entry));
  }

  /** The API path with onlyStated=true when the view shows only what the sources state. */
  function stated(path) {
    if (!state.onlyStated) return path;
    return path + (path.indexOf('?') >= 0 ? '&' : '?') + 'onlyStated=true';
  }

  /** A link within the page that keeps the "only what the sources state" setting. */
  function keepStated(hash) {
    if (!state.onlyStated || hash.indexOf(ONLY_STATED + '=') >= 0) return hash;
    return hash + (hash.indexOf('?') >= 0 ? '&' : '?') + ONLY_STATED + '=ja';
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
        saveBlob(blob, link.getAttribute('data-filename') || 'export.csv');
      }).catch(function (e) { showError(e, 'filen'); });
    });
  }

  /** Offers a file to the browser as a download. */
  function saveBlob(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el('a', { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  }

  // ---------- login ----------

  function login(event) {
    event.preventDefault();
    var user = $('login-user').value.trim();
    var password = $('login-password').value;
    var encoded = btoa(unescape(encodeURIComponent(user + ':' + password)));
    sessionStorage.setItem(AUTH_KEY, 'Basic ' + encoded);
    sessionStorage.setItem(USER_KEY, user);
    // only whether the credentials hold: one body, not the whole chart (hundreds of bodies, over half a megabyte)
    api('/api/org-chart?size=1').then(function () {
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
    // nothing the previous login was shown stays in the page for the next one
    ['org-chart', 'timeline', 'budget', 'audit', 'revision', 'district'].forEach(function (id) { if ($(id)) clear($(id)); });
    if ($('body-detail')) { clear($('body-detail')); $('body-detail').hidden = true; }
    $('session').hidden = true;
    $('tabs').hidden = true;
    $('source-filter').hidden = true;
    showView('login');
    showMessage(typeof reason === 'string' ? reason : 'Du är utloggad.', typeof reason === 'string' ? 'error' : 'info');
    $('login-user').focus();
  }

  function enter() {
    var who = clear($('session-user'));
    who.appendChild(el('span', { class: 'session-label' }, 'Inloggad som '));
    who.appendChild(document.createTextNode(sessionStorage.getItem(USER_KEY) || ''));
    $('session').hidden = false;
    $('tabs').hidden = false;
    $('source-filter').hidden = false;
    // a reader sees no audit links it cannot open: ask once whether this login may read the audit trail
    api('/api/audit-trail?size=1').then(function () { return true; }, function (e) {
      return !(e instanceof ApiError && (e.status === 401 || e.status === 403));
    }).then(function (mayAudit) {
      state.mayAudit = mayAudit;
      $('tab-revisionslogg').parentNode.hidden = !mayAudit;
      loadEventTypes();
      route();
    });
  }

  /** A log position: a link to its revision page for those who may open it, plain text for the rest. */
  function revisionRef(revision, label) {
    return state.mayAudit === false
      ? el('span', { class: 'revision-ref' }, label)
      : el('a', { href: keepStated('#/revision/' + revision), class: 'revision-ref' }, label);
  }

  // ---------- event types: Swedish labels ----------

  function typeLabel(e) {
    if (e.typeLabel) return e.typeLabel;
    var t = e.eventType || e.type;
    if (state.eventTypes) {
      for (var i = 0; i < state.eventTypes.length; i++) if (state.eventTypes[i].type === t) return state.eventTypes[i].label;
    }
    return EVENT_TYPES[t] ? EVENT_TYPES[t][0] : humanise(t);
  }

  function kindOf(e) {
    if (e.kind) return e.kind;
    var t = EVENT_TYPES[e.eventType || e.type];
    return t ? t[1] : '';
  }

  /** An unknown type's name, at least not as a class name: "SomethingHappened" → "Something happened". */
  function humanise(t) {
    if (!t) return 'Händelse';
    var words = String(t).replace(/([a-zåäö])([A-ZÅÄÖ])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.substring(1);
  }

  /** The server's summary; its generic "Händelse SomeEventType för …" read as Swedish from the payload instead. */
  function summaryOf(e) {
    var s = e.summary || '';
    var generic = e.eventType && s.indexOf('Händelse ' + e.eventType) === 0;
    if (s && !generic) return s;
    var p = e.payload || {};
    var what = p.title || p.name || p.subject || p.purpose || p.function || p.text || '';
    var parts = [typeLabel(e)];
    if (what) parts.push('«' + String(what).substring(0, 160) + '»');
    if (typeof p.amountSek === 'number') parts.push(tkr(p.amountSek));
    if (p.recipientName || p.committee) parts.push('till ' + (p.recipientName || p.committee));
    if (p.district) parts.push('(' + p.district + ')');
    if (!what && (e.affectedBodies || []).length) parts.push('– ' + e.affectedBodies.map(function (b) { return b.name || b.id; }).join(', '));
    return parts.join(' ');
  }

  function loadEventTypes() {
    if (state.eventTypes) return Promise.resolve(state.eventTypes);
    return api('/api/audit/event-types').then(function (types) {
      state.eventTypes = Array.isArray(types) ? types : null;
    }).catch(function () { state.eventTypes = null; }).then(function () {
      var list = clear($('af-event-types'));
      var types = state.eventTypes || Object.keys(EVENT_TYPES).map(function (t) {
        return { type: t, label: EVENT_TYPES[t][0], kind: EVENT_TYPES[t][1] };
      });
      types.slice().sort(function (a, b) { return a.label.localeCompare(b.label, 'sv'); })
        .forEach(function (t) { list.appendChild(el('option', { value: t.label })); });
      return types;
    });
  }

  /** What a person typed as event type: a Swedish label (any case) becomes the type, anything else goes as typed. */
  function eventTypeFor(text) {
    var q = text.trim().toLowerCase();
    if (!q) return '';
    var types = state.eventTypes || [];
    for (var i = 0; i < types.length; i++) if (types[i].label.toLowerCase() === q) return types[i].type;
    var keys = Object.keys(EVENT_TYPES);
    for (var j = 0; j < keys.length; j++) if (EVENT_TYPES[keys[j]][0].toLowerCase() === q) return keys[j];
    return text.trim();
  }

  /** What a person typed as body: a name or short name (any case) becomes its id, anything else goes as typed. */
  function bodyIdFor(text) {
    var q = text.trim().toLowerCase();
    if (!q) return '';
    var ids = Object.keys(state.knownBodies);
    for (var i = 0; i < ids.length; i++) {
      if (ids[i].toLowerCase() === q || state.knownBodies[ids[i]].toLowerCase() === q) return ids[i];
    }
    var shorts = Object.keys(state.shortNames || {});
    for (var j = 0; j < shorts.length; j++) if (shorts[j].toLowerCase() === q) return state.shortNames[shorts[j]];
    return text.trim();
  }

  /** Every body the page has seen, as suggestions for the body filters. */
  function rememberBodies(list) {
    var changed = false;
    state.shortNames = state.shortNames || {};
    list.forEach(function (b) {
      if (!b || !b.id) return;
      if (state.knownBodies[b.id] !== (b.name || b.id)) { state.knownBodies[b.id] = b.name || b.id; changed = true; }
      if (b.shortName) state.shortNames[b.shortName] = b.id;
    });
    if (!changed) return;
    var names = Object.keys(state.knownBodies).map(function (id) { return state.knownBodies[id]; })
      .concat(Object.keys(state.shortNames))
      .sort(function (a, b) { return a.localeCompare(b, 'sv'); })
      .filter(function (n, i, all) { return i === 0 || all[i - 1] !== n; });
    ['af-body-names', 'tl-body-names'].forEach(function (id) {
      var dl = clear($(id));
      names.forEach(function (n) { dl.appendChild(el('option', { value: n })); });
    });
  }

  function loadAllBodies() {
    if (state.allBodiesLoaded) return Promise.resolve();
    return api('/api/timeline').then(function (all) {
      state.allBodiesLoaded = true;
      var list = [];
      (all.entries || []).forEach(function (e) { (e.affectedBodies || []).forEach(function (b) { list.push(b); }); });
      rememberBodies(list);
      if (!state.points) state.points = decisionPoints(all.entries || []);
    }).catch(function () { /* suggestions are an extra */ });
  }

  // ---------- routing: the view and its settings in the address ----------

  function parseHash() {
    var hash = (location.hash || '#/org').replace(/^#\/?/, '');
    var q = hash.indexOf('?');
    var path = (q >= 0 ? hash.substring(0, q) : hash).split('/').map(function (p) {
      try { return decodeURIComponent(p); } catch (e) { return p; }
    });
    var params = {};
    if (q >= 0) {
      hash.substring(q + 1).split('&').forEach(function (pair) {
        if (!pair) return;
        var i = pair.indexOf('=');
        var k = i >= 0 ? pair.substring(0, i) : pair;
        var v = i >= 0 ? pair.substring(i + 1) : '';
        try { params[decodeURIComponent(k)] = decodeURIComponent(v.replace(/\+/g, ' ')); } catch (e) { params[k] = v; }
      });
    }
    return { view: path[0] || 'org', sub: path[1], params: params };
  }

  function hashFor(view, sub, params) {
    var keys = Object.keys(params || {}).filter(function (k) { return params[k] !== '' && params[k] !== null && params[k] !== undefined; });
    return '#/' + view + (sub ? '/' + encodeURIComponent(sub) : '') +
      (keys.length ? '?' + keys.map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&') : '');
  }

  /** Changes the current view's settings: the address changes, and the view follows the address. */
  function setParams(changes, replace) {
    var current = parseHash();
    var params = {};
    Object.keys(current.params).forEach(function (k) { params[k] = current.params[k]; });
    Object.keys(changes).forEach(function (k) { params[k] = changes[k]; });
    var hash = hashFor(current.view, current.sub, params);
    if (hash === location.hash) { route(); return; }
    if (replace) location.replace(hash); else location.hash = hash;
  }

  function showView(name) {
    Array.prototype.forEach.call(document.querySelectorAll('.view'), function (v) {
      v.hidden = v.id !== 'view-' + name;
    });
    Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (t) {
      var current = t.getAttribute('data-view') === name || (name === 'revision' && t.getAttribute('data-view') === 'revisionslogg');
      if (current) t.setAttribute('aria-current', 'page'); else t.removeAttribute('aria-current');
    });
    document.body.setAttribute('data-view', name);
    syncSheet();
  }

  var TITLES = { org: 'Organisationsschema', tidslinje: 'Tidslinje', budget: 'Budget', revisionslogg: 'Revisionslogg',
    revision: 'Ändring', stadsdelar: 'Stadsdelar' };

  function route() {
    if (!authHeader()) { logout(''); showMessage('', 'info'); return; }
    var where = parseHash();
    var view = TITLES[where.view] ? where.view : 'org';
    state.params = where.params;
    state.onlyStated = where.params[ONLY_STATED] === 'ja';
    $('only-stated').checked = state.onlyStated;
    document.body.classList.toggle('only-stated', state.onlyStated);
    state.lastParams[view] = { sub: where.sub, params: where.params };
    showMessage('', 'info');
    document.title = TITLES[view] + ' – Styrregistret';
    switch (view) {
      case 'tidslinje': showView('tidslinje'); loadTimeline(where.params); break;
      case 'budget': showView('budget'); loadBudget(where.params); break;
      case 'revisionslogg': showView('revisionslogg'); loadAudit(where.params); break;
      case 'revision': showView('revision'); loadRevision(where.sub); break;
      case 'stadsdelar': showView('stadsdelar'); loadDistrict(where.sub || state.district); break;
      default: showView('org'); loadOrg(where.params); break;
    }
  }

  /** A tab brings back the view as it was left. */
  function goToView(view) {
    var last = state.lastParams[view];
    var params = {};
    if (last) Object.keys(last.params).forEach(function (k) { params[k] = last.params[k]; });
    // the "only what the sources state" setting goes with the reader from view to view
    params[ONLY_STATED] = state.onlyStated ? 'ja' : '';
    var hash = hashFor(view, last ? last.sub : null, params);
    if (location.hash === hash) route(); else location.hash = hash;
  }

  function go(hash) {
    if (location.hash === hash) route(); else location.hash = hash;
  }
  // ---------- 1. organisation chart ----------

  /** The decisions' dates in time order, each with what happened that day: the ticks of the time axis. */
  function decisionPoints(entries) {
    var byDate = {};
    entries.forEach(function (e) {
      if (!e.effectiveDate) return;
      var p = byDate[e.effectiveDate] = byDate[e.effectiveDate] || { date: e.effectiveDate, summaries: [], revision: 0 };
      p.summaries.push(summaryOf(e));
      p.revision = Math.max(p.revision, e.revision || 0);
    });
    return Object.keys(byDate).sort().map(function (d) { return byDate[d]; });
  }

  function loadOrg(params) {
    // the newest request wins from its start: an older one still fetching the head never draws over it
    var current = ticket('chart');
    var head = state.head !== null ? Promise.resolve() : api('/api/org-chart').then(function (chart) {
      state.head = chart.revision;
      rememberBodies(chartBodies(chart));
    });
    var points = state.points ? Promise.resolve() : api('/api/timeline').then(function (tl) {
      state.points = decisionPoints(tl.entries || []);
      var list = [];
      (tl.entries || []).forEach(function (e) { (e.affectedBodies || []).forEach(function (b) { list.push(b); }); });
      rememberBodies(list);
    }).catch(function () { state.points = []; });
    Promise.all([head, points]).then(function () {
      if (!current()) return;
      setOrgControls(params);
      fetchChart(params, current);
    }).catch(function (e) { showError(e, 'organisationsschemat'); });
  }

  function chartBodies(chart) {
    var list = [];
    (chart.levels || []).forEach(function (l) { (l.bodies || []).forEach(function (b) { list.push(b); }); });
    return list;
  }

  /** The slider's position for a date: the last decision on or before it; past the last decision: "i dag". */
  function pointIndex(date) {
    var points = state.points || [];
    if (!date) return points.length;
    var index = 0;
    for (var i = 0; i < points.length; i++) if (points[i].date <= date) index = i;
    return index;
  }

  function setOrgControls(params) {
    var points = state.points || [];
    var slider = $('rev-slider');
    slider.max = String(points.length);
    slider.value = String(pointIndex(params.datum));
    $('as-of-date').value = params.datum || '';
    $('rev-number').value = params.nr || '';
    $('rev-number').max = String(state.head || 0);
    $('compare-date').value = params.jamfor || '';
    $('compare-stop').hidden = !params.jamfor;
    describeSlider(params);
    drawAxis();
  }

  function pointText(index, params) {
    var points = state.points || [];
    if (index >= points.length) {
      return 'Senaste läget' + (params && params.nr ? '' : ' (i dag)') + ', ' + count(points.length, 'beslutsdatum', 'beslutsdatum') + ' i registret';
    }
    var p = points[index];
    var exact = !params || !params.datum || params.datum === p.date;
    return (exact ? '' : 'Per ' + formatDate(params.datum) + ', senaste beslut ') + formatDate(p.date) + ': ' + p.summaries[0] +
      (p.summaries.length > 1 ? ' (och ' + (p.summaries.length - 1) + ' till)' : '');
  }

  /** A screen reader hears what the slider's position means, not a bare number. */
  function describeSlider(params) {
    var slider = $('rev-slider');
    var index = Number(slider.value);
    var text = pointText(index, params || state.params);
    $('rev-output').textContent = text;
    slider.setAttribute('aria-valuetext', text.length > 140 ? text.substring(0, 138) + '…' : text);
  }

  /** Ticks at the decisions, the year under the first decision of each year where there is room for it. */
  function drawAxis() {
    var axis = clear($('time-axis'));
    var points = state.points || [];
    var n = points.length;
    if (!n) return;
    var width = axis.clientWidth || 600;
    var room = 40;   // px between two year labels
    var endRoom = 56; // px the right-aligned "i dag" takes from the end
    var lastYear = null;
    var lastLabelPx = -1000;
    points.forEach(function (p, i) {
      var at = i / n * 100;
      var tick = el('span', { class: 'tick', title: p.date });
      tick.style.left = at + '%';
      axis.appendChild(tick);
      var year = p.date.substring(0, 4);
      var px = at / 100 * width;
      if (year !== lastYear && px - lastLabelPx >= room && px <= width - endRoom) {
        var label = el('span', { class: 'tick-label' }, year);
        label.style.left = at + '%';
        axis.appendChild(label);
        lastLabelPx = px;
      }
      lastYear = year;
    });
    var now = el('span', { class: 'tick tick-now' });
    now.style.left = '100%';
    axis.appendChild(now);
    var end = el('span', { class: 'tick-label tick-label-end' }, 'i dag');
    end.style.left = '100%';
    axis.appendChild(end);
  }

  var sliderTimer = null;
  function sliderMoved() {
    var index = Number($('rev-slider').value);
    var points = state.points || [];
    var date = index < points.length ? points[index].date : '';
    describeSlider({ datum: date });
    clearTimeout(sliderTimer);
    sliderTimer = setTimeout(function () { setParams({ datum: date, nr: '' }, true); }, 250);
  }

  function step(delta) {
    var slider = $('rev-slider');
    var value = Math.max(0, Math.min(Number(slider.max), Number(slider.value) + delta));
    slider.value = String(value);
    var points = state.points || [];
    setParams({ datum: value < points.length ? points[value].date : '', nr: '' });
  }

  function chartQuery(params) {
    var q = [];
    if (params.nr) q.push('asOfRevision=' + encodeURIComponent(params.nr));
    if (params.datum) q.push('asOfDate=' + encodeURIComponent(params.datum));
    return q.length ? '?' + q.join('&') : '';
  }

  function fetchChart(params, current) {
    var main = api(stated('/api/org-chart' + chartQuery(params)));
    var other = params.jamfor ? api(stated('/api/org-chart?asOfDate=' + encodeURIComponent(params.jamfor) +
      (params.nr ? '&asOfRevision=' + encodeURIComponent(params.nr) : ''))) : Promise.resolve(null);
    Promise.all([main, other]).then(function (answers) {
      if (!current()) return; // an older answer arriving late is dropped
      renderChart(answers[0], params);
      if (answers[1]) renderCompare(answers[1], answers[0], params);
      else { $('org-compare').hidden = true; $('org-layout').hidden = false; }
      syncSheet();
      if (params.sok) markFound(params.sok);
    }).catch(function (e) { showError(e, 'organisationsschemat'); });
  }

  function orgStatusText(chart, params) {
    var when = params.datum ? formatDate(chart.asOfDate) : formatDate(chart.asOfDate) + ' (i dag)';
    var as = params.nr ? 'som registret visade vid ändring nr ' + chart.revision : 'enligt registret till och med ändring nr ' + chart.revision;
    var page = chart.total > (chart.page + 1) * chart.size ? ' Schemat visar de ' + chart.size + ' första av ' + chart.total + ' organ.' : '';
    return 'Organisationen per ' + when + ', ' + as + ' (senaste ändring: nr ' + state.head + ').' + page;
  }

  function levelIndexes(chart) {
    var order = {};
    var i = 0;
    LEVELS.forEach(function (pair) {
      var level = (chart.levels || []).filter(function (l) { return l.level === pair[0]; })[0];
      if (level && level.bodies.length) order[pair[0]] = i++;
    });
    return order;
  }

  function renderChart(chart, params) {
    state.chart = chart;
    state.bodies = {};
    chartBodies(chart).forEach(function (b) { state.bodies[b.id] = b; });
    rememberBodies(chartBodies(chart));
    var names = clear($('org-body-names'));
    chartBodies(chart).map(function (b) { return b.name; }).sort(function (a, b) { return a.localeCompare(b, 'sv'); })
      .forEach(function (n) { names.appendChild(el('option', { value: n })); });
    $('org-status').textContent = orgStatusText(chart, params);
    var container = clear($('org-chart'));
    if (!Object.keys(state.bodies).length) {
      container.appendChild(el('p', { class: 'empty' }, 'Inga organ var inrättade vid denna tidpunkt.'));
      $('body-detail').hidden = true;
      return;
    }
    var lines = svg('svg', { class: 'lines', 'aria-hidden': 'true', focusable: 'false' });
    container.appendChild(lines);
    var order = levelIndexes(chart);
    var byLevel = {};
    chart.levels.forEach(function (l) { byLevel[l.level] = l; });
    LEVELS.forEach(function (pair) {
      var level = byLevel[pair[0]];
      if (!level || !level.bodies.length) return;
      var general = level.bodies.filter(function (b) { return !(b.scope && b.scope.kind === 'DISTRICT'); });
      var local = level.bodies.filter(function (b) { return b.scope && b.scope.kind === 'DISTRICT'; });
      var box = function (b) { return bodyBox(b, order); };
      var row = el('div', { class: 'level-bodies' }, general.map(box));
      var districts = {};
      local.forEach(function (b) { (districts[b.scope.district] = districts[b.scope.district] || []).push(b); });
      Object.keys(districts).sort(function (a, b) { return a.localeCompare(b, 'sv'); }).forEach(function (d) {
        row.appendChild(el('div', { class: 'district-group', role: 'group', 'aria-label': 'Stadsdel ' + d },
          el('p', { class: 'district-label' }, 'Stadsdel ' + d), districts[d].map(box)));
      });
      container.appendChild(el('section', { class: 'level level-' + pair[0].toLowerCase(), 'data-level': pair[0],
        'aria-label': 'Nivå: ' + (level.displayName || pair[1]) },
        el('h3', { class: 'level-name' }, level.displayName || pair[1]), row));
    });
    drawLines();
    var selected = params.organ;
    state.selectedBody = selected || null;
    if (selected && state.bodies[selected]) showDetail(selected, false);
    else {
      $('body-detail').hidden = true;
      if (selected) showMessage('Organet «' + bodyName(selected) + '» fanns inte i organisationen vid denna tidpunkt.', 'info');
    }
  }

  function reportInfo(b, order) {
    if (!b.reportsTo) return { text: 'Ingen registrerad rapporteringsväg', kind: 'none' };
    var target = state.bodies[b.reportsTo];
    var name = bodyName(b.reportsTo);
    if (!target) return { text: 'Rapporterar till: ' + name + ' (finns inte i schemat vid denna tidpunkt)', kind: 'missing' };
    var skip = order[b.level] - order[target.level] > 1;
    return { text: 'Rapporterar till: ' + name + (skip ? ' (förbi en nivå)' : ''), kind: skip ? 'skip' : 'report' };
  }

  function bodyBox(b, order) {
    var meta = [];
    if (b.shortName) meta.push(b.shortName);
    if (b.scope && b.scope.kind === 'DISTRICT' && b.scope.district) meta.push(b.scope.district);
    else if (b.scope && b.scope.kind === 'COUNTY') meta.push('Länet');
    if (b.status && b.status !== 'ACTIVE') meta.push(STATUS[b.status] || b.status);
    var reports = reportInfo(b, order || levelIndexes(state.chart));
    var marks = boxMarks(b);
    return el('button', {
      type: 'button', class: 'body-box status-' + String(b.status || '').toLowerCase() + ' reports-' + reports.kind +
        (marks ? ' has-marks' : ''),
      'data-id': b.id, 'aria-pressed': state.selectedBody === b.id ? 'true' : 'false',
      onclick: function () { openBody(b.id); }
    },
    el('span', { class: 'body-name' }, b.name),
    meta.length ? el('span', { class: 'body-meta' }, meta.join(' · ')) : null,
    el('span', { class: 'body-reports' }, (reports.kind === 'none' ? '○ ' : '↑ ') + reports.text),
    marks);
  }

  /** A box's marks: its decision only proposed, or facts of the body the register inferred or assumed. */
  function boxMarks(b) {
    var marks = [];
    var d = b.decision || {};
    if (d.status === 'PROPOSED') marks.push(el('span', { class: 'badge badge-proposal', title: d.statusText || DECISION_STATUS.PROPOSED }, 'Förslag'));
    else if (d.status === 'ADOPTION_DATE_UNKNOWN') marks.push(el('span', { class: 'badge badge-date-unknown', title: d.statusText }, 'Datum okänt'));
    var facts = b.uncertainFacts || [];
    if (facts.length) {
      var kinds = {};
      facts.forEach(function (f) { kinds[certaintyText(f).toLowerCase()] = true; });
      marks.push(el('span', { class: 'box-uncertain', title: facts.map(function (f) {
        return fieldName(f.field) + ': ' + certaintyText(f).toLowerCase() + (f.reasoning ? ' – ' + f.reasoning : '');
      }).join('\n') }, '◇ ' + Object.keys(kinds).join('/') + ': ' + facts.map(function (f) { return fieldName(f.field); }).join(', ')));
    }
    return marks.length ? el('span', { class: 'body-marks' }, marks.map(function (m, i) { return [i ? ' ' : '', m]; })) : null;
  }

  function openBody(id) {
    pendingFocus = true;
    if (state.params.organ === id) showDetail(id, true);
    else setParams({ organ: id });
  }

  /**
   * Reporting lines drawn around the boxes: up from the box to the gap above its level, along the gap,
   * then up to the body it reports to. A line that passes a level runs in the chart's left margin
   * instead of behind the boxes of the levels between (dashed, in its own lane).
   */
  function drawLines() {
    var container = $('org-chart');
    var lines = container.querySelector('svg.lines');
    if (!lines) return;
    while (lines.firstChild) lines.removeChild(lines.firstChild);
    var box = container.getBoundingClientRect();
    lines.setAttribute('width', String(container.scrollWidth));
    lines.setAttribute('height', String(container.scrollHeight));
    lines.appendChild(svg('defs', {},
      svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
        svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' })),
      svg('marker', { id: 'arrow-skip', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' },
        svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head arrow-skip' }))));
    var sections = Array.prototype.slice.call(container.querySelectorAll('section.level'));
    var rect = function (node) {
      var r = node.getBoundingClientRect();
      return { left: r.left - box.left, right: r.right - box.left, top: r.top - box.top, bottom: r.bottom - box.top,
        cx: r.left - box.left + r.width / 2 };
    };
    var lane = 0;
    var gapOffset = {};
    Object.keys(state.bodies).forEach(function (id) {
      var b = state.bodies[id];
      var links = [];
      if (b.reportsTo && state.bodies[b.reportsTo]) links.push([b.reportsTo, 'report']);
      (b.predecessors || []).forEach(function (p) { if (state.bodies[p]) links.push([p, 'lineage']); });
      links.forEach(function (link) {
        var fromBox = container.querySelector('.body-box[data-id="' + cssEscape(id) + '"]');
        var toBox = container.querySelector('.body-box[data-id="' + cssEscape(link[0]) + '"]');
        if (!fromBox || !toBox) return;
        var fs = fromBox.closest('section.level');
        var ts = toBox.closest('section.level');
        var fi = sections.indexOf(fs);
        var ti = sections.indexOf(ts);
        var a = rect(fromBox);
        var c = rect(toBox);
        var fsr = rect(fs);
        var tsr = rect(ts);
        var key = fi + ':' + ti;
        var off = gapOffset[key] = (gapOffset[key] === undefined ? 0 : gapOffset[key] + 4);
        var d;
        var kind = link[1];
        if (ti < fi) { // up
          var yOut = fsr.top - 10 + off % 12;
          if (fi - ti === 1) {
            d = 'M' + a.cx + ',' + a.top + ' V' + yOut + ' H' + c.cx + ' V' + c.bottom;
          } else {
            var x = 6 + (lane++ % 4) * 6;
            var yIn = tsr.bottom + 10 - off % 12;
            d = 'M' + a.cx + ',' + a.top + ' V' + yOut + ' H' + x + ' V' + yIn + ' H' + c.cx + ' V' + c.bottom;
            if (kind === 'report') kind = 'skip';
          }
        } else if (ti === fi) { // same level: over the top
          var yTop = fsr.top - 10 + off % 12;
          d = 'M' + a.cx + ',' + a.top + ' V' + yTop + ' H' + c.cx + ' V' + c.top;
        } else { // down
          var yDown = fsr.bottom + 10 + off % 12;
          if (ti - fi === 1) {
            d = 'M' + a.cx + ',' + a.bottom + ' V' + yDown + ' H' + c.cx + ' V' + c.top;
          } else {
            var x2 = 6 + (lane++ % 4) * 6;
            var yIn2 = tsr.top - 10;
            d = 'M' + a.cx + ',' + a.bottom + ' V' + yDown + ' H' + x2 + ' V' + yIn2 + ' H' + c.cx + ' V' + c.top;
            if (kind === 'report') kind = 'skip';
          }
        }
        lines.appendChild(svg('path', { d: d, class: 'line line-' + kind, 'data-from': id, 'data-to': link[0],
          'marker-end': kind === 'skip' ? 'url(#arrow-skip)' : 'url(#arrow)' }));
      });
    });
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
  }

  var pendingFocus = false;

  /** On a phone the open panel is a sheet over the page, which then does not scroll beneath it. */
  function syncSheet() {
    var open = document.body.getAttribute('data-view') === 'org' && !$('body-detail').hidden && !$('org-layout').hidden;
    document.body.classList.toggle('sheet-open', open);
  }

  function showDetail(id, focus) {
    state.selectedBody = id;
    Array.prototype.forEach.call(document.querySelectorAll('.body-box'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-id') === id ? 'true' : 'false');
    });
    var panel = $('body-detail');
    panel.hidden = false;
    syncSheet();
    if (!panel.firstChild) panel.appendChild(el('p', { class: 'status' }, 'Hämtar …'));
    var wantFocus = focus || pendingFocus;
    pendingFocus = false;
    api(stated('/api/governance-bodies/' + encodeURIComponent(id))).then(function (details) {
      if (state.selectedBody !== id) return;
      // keep the focus in the panel when it is redrawn (the chart moved to another point in time)
      var keepFocus = wantFocus || panel.contains(document.activeElement);
      renderDetail(panel, state.bodies[id] || details.current, details);
      markScrollables(panel);
      if (keepFocus) $('detail-heading').focus();
    }).catch(function (e) { clear(panel); showError(e, 'organet'); });
  }

  function closeDetail() {
    var id = state.selectedBody;
    state.selectedBody = null;
    $('body-detail').hidden = true;
    syncSheet();
    var box = document.querySelector('.body-box[data-id="' + cssEscape(id) + '"]');
    if (box) { box.setAttribute('aria-pressed', 'false'); box.focus(); }
    var params = parseHash().params;
    if (params.organ) {
      // the address follows without drawing the chart again, so the focus stays on the box
      delete params.organ;
      history.replaceState(null, '', hashFor('org', null, params));
      state.params = params;
      state.lastParams.org = { params: params };
    }
  }

  /** One changed field: the server's Swedish wording (label, before, after) when it sends it, else the page's. */
  function changeItem(c, prefix) {
    var text = c.label
      ? c.label + ': ' + (c.before === null || c.before === undefined || c.before === '' ? '–' : c.before) + ' → ' +
        (c.after === null || c.after === undefined || c.after === '' ? '–' : c.after)
      : (FIELDS[c.field] || humanise(c.field)) + ': ' + valueText(c.field, c.before) + ' → ' + valueText(c.field, c.after);
    return el('li', null, (typeof prefix === 'string' ? prefix : '') + text);
  }

  /** A field's value as the officials read it: codes in Swedish. */
  function valueText(field, value) {
    if (value === null || value === undefined || value === '') return '–';
    var v = String(value);
    if (field === 'status') return STATUS[v] || v;
    if (field === 'level') return levelName(v);
    if (field === 'reportsTo') return bodyName(v);
    if (field === 'scope') return SCOPE[v] || v;
    if (/^[\[{]/.test(v)) {
      try { return structured(JSON.parse(v)); } catch (e) { return v; }
    }
    return v;
  }

  /** A structured value (a decision, members, a scope) in words, never as JSON. */
  function structured(value) {
    if (value === null || value === undefined) return '–';
    if (Array.isArray(value)) return value.length ? value.map(structured).join(', ') : '–';
    if (typeof value !== 'object') return String(value);
    if (value.decidedBy || value.decisionDate) return decisionText(value);
    if (value.role) return value.role + (value.holder ? ' (' + value.holder + ')' : '');
    if (value.kind && SCOPE[value.kind]) return SCOPE[value.kind] + (value.district ? ' ' + value.district : '');
    if (value.name) return value.name;
    return Object.keys(value).filter(function (k) { return value[k] !== null && value[k] !== ''; })
      .map(function (k) { return (FIELDS[k] || humanise(k)) + ': ' + structured(value[k]); }).join('; ');
  }

  function renderDetail(panel, body, details) {
    clear(panel);
    // the body's state as the chart shows it, with the facts of it the register inferred or assumed
    var whole = uncertainFact(body, 'entry');
    panel.appendChild(el('div', { class: 'detail-head' },
      el('h3', { id: 'detail-heading', tabindex: '-1' }, body.name, whole ? [' ', certaintyMark(whole)] : null),
      el('button', { type: 'button', class: 'close', 'aria-label': 'Stäng detaljerna', onclick: closeDetail }, '×')));
    if (whole) {
      panel.appendChild(el('p', { class: 'uncertain-note' }, certaintyText(whole) + ': organets inrättande står inte som sådant i källorna' +
        (whole.reasoning ? ' – ' + whole.reasoning : '') + '.'));
    }
    var dl = el('dl', { class: 'facts' });
    function fact(label, value, field) {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) {
        value = field && withheldFact(body, field) ? '– (utelämnat: står inte i källorna)' : '–';
      }
      dl.appendChild(el('dt', null, label));
      dl.appendChild(el('dd', null, field ? markedValue(body, field, value) : value));
    }
    fact('Kortnamn', body.shortName, 'shortName');
    fact('Nivå', levelName(body.level), 'level');
    fact('Omfattning', body.scope ? (SCOPE[body.scope.kind] || body.scope.kind) + (body.scope.district ? ' ' + body.scope.district : '') : null, 'scope');
    fact('Status', STATUS[body.status] || body.status);
    fact('Rapporterar till', body.reportsTo ? bodyName(body.reportsTo) : 'Ingen registrerad rapporteringsväg', 'reportsTo');
    var reporting = Object.keys(state.bodies).filter(function (k) { return state.bodies[k].reportsTo === body.id; })
      .map(function (k) { return state.bodies[k].name; });
    fact('Rapporterar hit', reporting.join('; '));
    fact('Sammankallande', body.convener, 'convener');
    fact('Mötesfrekvens', body.meetingFrequency, 'meetingFrequency');
    fact('Stödresurser', (body.supportingResources || []).join(', '), 'supportingResources');
    fact('Gäller från', entryDate(body, 'effectiveFrom'));
    fact('Beslut bakom denna version', decisionNode(body.decision));
    fact('Inrättat genom', decisionText(body.establishedBy));
    if (body.rescindedDecision) fact('Upphävt inrättandebeslut', decisionText(body.rescindedDecision));
    if (body.note) fact('Anmärkning', body.note);
    panel.appendChild(dl);

    panel.appendChild(el('h4', null, 'Uppdrag'));
    var mandateMark = uncertainFact(body, 'mandate');
    panel.appendChild((body.mandate || []).length
      ? el('ul', null, body.mandate.map(function (m) { return el('li', null, m); }),
        mandateMark ? el('li', { class: 'uncertain-note' }, certaintyMark(mandateMark)) : null)
      : el('p', { class: 'empty' }, withheldFact(body, 'mandate') ? 'Utelämnat: står inte i källorna.' : 'Inget uppdrag registrerat.'));

    panel.appendChild(el('h4', null, 'Ledamöter'));
    var membersMark = uncertainFact(body, 'members') || uncertainFact(body, 'role') || uncertainFact(body, 'holder');
    panel.appendChild((body.members || []).length
      ? el('ul', null, body.members.map(function (m) {
        return el('li', null, m.role + (m.holder ? ': ' + m.holder : ''), membersMark ? [' ', certaintyMark(membersMark)] : null);
      }))
      : el('p', { class: 'empty' }, 'Inga ledamöter registrerade.'));

    if (body.areaTeam) {
      var t = body.areaTeam;
      panel.appendChild(el('h4', null, 'Områdesteam'));
      var tdl = el('dl', { class: 'facts' });
      [['Stadsdel', t.district, 'district'], ['Värdorganisation', t.hostOrganisation, 'hostOrganisation'],
        ['Beställande nämnd', t.commissioningCommittee, 'commissioningCommittee'],
        ['Teamledare', t.teamLeaders, 'teamLeaders'], ['Trygghetsvärdar', t.safetyWardens, 'safetyWardens'],
        ['Syfte', t.purpose, 'purpose']].forEach(function (p) {
        var missing = p[1] === null || p[1] === undefined || p[1] === '';
        tdl.appendChild(el('dt', null, p[0]));
        tdl.appendChild(el('dd', { 'data-field': p[2] }, missing
          ? (withheldFact(body, p[2]) ? '– (utelämnat: står inte i källorna)' : '–')
          : markedValue(body, p[2], String(p[1]))));
      });
      panel.appendChild(tdl);
    }

    panel.appendChild(el('h4', null, 'Föregångare och efterträdare'));
    var lineage = el('ul', { class: 'lineage' });
    (details.predecessors || []).forEach(function (p) { lineage.appendChild(el('li', null, 'Föregångare: ' + (p.name || p.id))); });
    (details.successors || []).forEach(function (s) { lineage.appendChild(el('li', null, 'Efterträdare: ' + (s.name || s.id))); });
    panel.appendChild(lineage.childNodes.length ? lineage : el('p', { class: 'empty' }, 'Inga föregångare eller efterträdare.'));

    var rows = (details.history || []).map(function (h) {
      var changes = (h.labelledChanges || h.changes || []).map(function (c) {
        var item = changeItem(c);
        var f = c.field && uncertainFact(h, c.field);
        if (f) item.appendChild(el('span', null, ' ', certaintyMark(f)));
        return item;
      });
      var note = historyNote(h);
      var whole = uncertainFact(h, 'entry');
      return row(
        el('td', null, revisionRef(h.revision, 'nr ' + h.revision)),
        el('td', { class: h.correctedInRevision ? 'superseded' : null }, typeLabel({ eventType: h.changeType, typeLabel: h.typeLabel }),
          whole ? [' ', certaintyMark(whole)] : null,
          note ? el('span', { class: 'clock-note' }, note) : null,
          hasSources(h) ? el('a', { class: 'sources-link', href: '#sources-' + h.revision,
            onclick: function (ev) { ev.preventDefault(); var t = $('sources-' + h.revision); if (t) { t.scrollIntoView({ block: 'nearest' }); t.focus(); } } },
          'Källor') : null),
        dateCell(h),
        decisionNode(h.decision),
        changes.length ? el('ul', { class: 'changes' }, changes) : '–');
    });
    panel.appendChild(table('Historik och beslut för ' + body.name,
      ['Ändring', 'Vad', 'Gäller från', 'Beslut', 'Ändrade uppgifter'], rows, 'data history'));

    // where each entry comes from: the cited passages, what the register inferred or assumed, discrepancies
    var withSources = (details.history || []).filter(hasSources);
    panel.appendChild(el('h4', { id: 'detail-sources' }, 'Källor'));
    if (!withSources.length) {
      panel.appendChild(el('p', { class: 'empty' }, 'Inga källor är registrerade för organets ändringar.'));
    } else {
      panel.appendChild(el('ol', { class: 'sources-list' }, withSources.map(function (h) {
        return el('li', { id: 'sources-' + h.revision, tabindex: '-1', class: 'sources-item' },
          sourcesNode(h, 'Ändring nr ' + h.revision + ': ' + typeLabel({ eventType: h.changeType, typeLabel: h.typeLabel }) +
            ', gäller från ' + entryDate(h) + ' · Beslut: ' + decisionText(h.decision)));
      })));
    }
  }

  // both clocks in words: an entry learned late, corrected or annulled later, or correcting another
  function historyNote(h) {
    var notes = [];
    if (h.recordedLate) notes.push('registrerad ' + formatDate((h.recordedAt || '').substring(0, 10)) + ', gällande från ' + entryDate(h));
    if (h.correctsRevision) notes.push('rättelse av ändring nr ' + h.correctsRevision);
    if (h.correctedInRevision) notes.push((h.annulled ? 'struken' : 'rättad') + ' i ändring nr ' + h.correctedInRevision + (h.correctionReason ? ': ' + h.correctionReason : ''));
    return notes.join('; ');
  }

  function clockNote(e) {
    return e && e.clocks && e.clocks.note ? el('p', { class: 'meta clock-note' }, e.clocks.note) : null;
  }

  function levelName(level) {
    for (var i = 0; i < LEVELS.length; i++) if (LEVELS[i][0] === level) return LEVELS[i][1];
    return level || '–';
  }

  // search: a name, short name or part of one; the body is opened and shown
  function searchBody(q) {
    var query = q.trim().toLowerCase();
    if (!query) return;
    var ids = Object.keys(state.bodies);
    var exact = ids.filter(function (id) {
      var b = state.bodies[id];
      return b.name.toLowerCase() === query || (b.shortName || '').toLowerCase() === query || id === query;
    });
    var partial = exact.length ? exact : ids.filter(function (id) {
      var b = state.bodies[id];
      return (b.name + ' ' + (b.shortName || '')).toLowerCase().indexOf(query) >= 0;
    });
    if (!partial.length) {
      showMessage('Inget organ i schemat per ' + formatDate(state.chart.asOfDate) + ' matchar «' + q.trim() + '».', 'info');
      return;
    }
    pendingFocus = true;
    setParams({ organ: partial[0], sok: q.trim() });
  }

  function markFound(q) {
    Array.prototype.forEach.call(document.querySelectorAll('.body-box.found'), function (b) { b.classList.remove('found'); });
    var id = state.params.organ;
    var box = id && document.querySelector('#org-chart .body-box[data-id="' + cssEscape(id) + '"]');
    if (!box) return;
    box.classList.add('found');
    if (box.scrollIntoView) box.scrollIntoView({ block: 'center' });
    var others = Object.keys(state.bodies).filter(function (k) {
      return (state.bodies[k].name + ' ' + (state.bodies[k].shortName || '')).toLowerCase().indexOf(q.toLowerCase()) >= 0;
    }).length;
    $('org-status').textContent = orgStatusText(state.chart, state.params) + ' Sökning «' + q + '»: ' +
      count(Math.max(others, 1), 'träff', 'träffar') + ', visar ' + state.bodies[id].name + '.';
  }

  // ---------- comparing two points in time ----------

  function compareFields(b) {
    return {
      name: b.name, shortName: b.shortName || '', level: levelName(b.level), status: STATUS[b.status] || b.status,
      reportsTo: b.reportsTo ? bodyName(b.reportsTo) : '–', convener: b.convener || '', meetingFrequency: b.meetingFrequency || '',
      members: (b.members || []).map(function (m) { return m.role + (m.holder ? ' (' + m.holder + ')' : ''); }).join(', '),
      mandate: String((b.mandate || []).length) + ' punkter'
    };
  }

  function diffCharts(older, newer) {
    var a = {};
    var b = {};
    chartBodies(older).forEach(function (x) { a[x.id] = x; });
    chartBodies(newer).forEach(function (x) { b[x.id] = x; });
    var result = { added: [], ended: [], changed: [], marks: {} };
    Object.keys(b).forEach(function (id) {
      if (!a[id]) { result.added.push(b[id]); result.marks[id] = 'added'; }
    });
    Object.keys(a).forEach(function (id) {
      if (!b[id]) { result.ended.push(a[id]); result.marks[id] = 'ended'; return; }
      var fa = compareFields(a[id]);
      var fb = compareFields(b[id]);
      var changes = Object.keys(fa).filter(function (f) { return fa[f] !== fb[f]; })
        .map(function (f) { return { field: f, before: fa[f], after: fb[f] }; });
      if (changes.length) { result.changed.push({ body: b[id], changes: changes }); result.marks[id] = 'changed'; }
    });
    return result;
  }

  var MARKS = { added: 'Tillkommit', ended: 'Upphört', changed: 'Ändrat' };

  function renderCompare(other, main, params) {
    var older = other.asOfDate <= main.asOfDate ? other : main;
    var newer = older === other ? main : other;
    var diff = diffCharts(older, newer);
    var target = clear($('org-compare'));
    $('org-layout').hidden = true;
    target.hidden = false;
    target.appendChild(el('h3', { id: 'compare-heading' }, 'Jämförelse: ' + formatDate(older.asOfDate) + ' och ' + formatDate(newer.asOfDate)));
    var summary = el('ul', { class: 'compare-summary', id: 'compare-summary' });
    diff.added.forEach(function (b) { summary.appendChild(el('li', { class: 'sum-added' }, el('strong', null, 'Tillkommit: '), b.name)); });
    diff.ended.forEach(function (b) { summary.appendChild(el('li', { class: 'sum-ended' }, el('strong', null, 'Upphört: '), b.name)); });
    diff.changed.forEach(function (c) {
      summary.appendChild(el('li', { class: 'sum-changed' }, el('strong', null, 'Ändrat: '), c.body.name + ' – ' +
        c.changes.map(function (f) { return (FIELDS[f.field] || f.field) + ': ' + (f.before || '–') + ' → ' + (f.after || '–'); }).join('; ')));
    });
    target.appendChild(summary.childNodes.length ? summary : el('p', { class: 'empty' }, 'Ingen skillnad i organisationen mellan tidpunkterna.'));
    var columns = el('div', { class: 'compare-columns' });
    [older, newer].forEach(function (chart, i) {
      var col = el('section', { class: 'compare-col', 'aria-label': 'Organisationen per ' + formatDate(chart.asOfDate) },
        el('h4', null, (i === 0 ? 'Före: ' : 'Efter: ') + 'per ' + formatDate(chart.asOfDate)));
      LEVELS.forEach(function (pair) {
        var level = (chart.levels || []).filter(function (l) { return l.level === pair[0]; })[0];
        if (!level || !level.bodies.length) return;
        col.appendChild(el('div', { class: 'cmp-level level-' + pair[0].toLowerCase() },
          el('p', { class: 'cmp-level-name' }, level.displayName || pair[1]),
          el('ul', { class: 'cmp-bodies' }, level.bodies.map(function (b) {
            var mark = diff.marks[b.id];
            var show = mark && !(mark === 'added' && i === 0) && !(mark === 'ended' && i === 1) ? mark : null;
            return el('li', { class: 'cmp-body' + (show ? ' cmp-' + show : ''), 'data-id': b.id },
              show ? el('span', { class: 'cmp-badge' }, MARKS[show]) : null, b.name);
          }))));
      });
      columns.appendChild(col);
    });
    target.appendChild(columns);
  }

  // ---------- export and print ----------

  function exportName(ext) {
    return 'organisationsschema-' + (state.chart ? state.chart.asOfDate : 'i-dag') + '-andring-' + (state.chart ? state.chart.revision : 0) + '.' + ext;
  }

  function headerText() {
    var chart = state.chart;
    return {
      title: 'Styrregistret – Organisationsschema per ' + formatDate(chart.asOfDate),
      sub: 'Enligt registret till och med ändring nr ' + chart.revision + ' · Utskrivet ' + dateTime(new Date().toISOString()) +
        ' av ' + (sessionStorage.getItem(USER_KEY) || '–')
    };
  }

  var SVG_COLOURS = { political: '#e8f0fb', strategic: '#eaf5ee', tactical: '#fdf3e4', operational: '#f3edf9', regional: '#eef3f4', advisory: '#f7f0ee' };

  function wrapText(text, max) {
    var lines = [];
    var line = '';
    String(text).split(/\s+/).forEach(function (word) {
      if (line && (line + ' ' + word).length > max) { lines.push(line); line = word; } else line = line ? line + ' ' + word : word;
    });
    if (line) lines.push(line);
    return lines;
  }

  function escapeXml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  /** The chart as it is drawn on the screen, as a standalone SVG document with a header. */
  function chartSvg() {
    var container = $('org-chart');
    var box = container.getBoundingClientRect();
    var head = 64;
    var width = Math.ceil(container.scrollWidth);
    var height = Math.ceil(container.scrollHeight) + head;
    var h = headerText();
    var out = [];
    out.push('<svg xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + height + '" viewBox="0 0 ' + width + ' ' + height +
      '" font-family="Segoe UI, Roboto, Helvetica, Arial, sans-serif">');
    out.push('<title>' + escapeXml(h.title) + '</title>');
    out.push('<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">' +
      '<path d="M0,0 L10,5 L0,10 z" fill="#3d4a57"/></marker><marker id="s" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"' +
      ' markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8a3b00"/></marker></defs>');
    out.push('<rect width="100%" height="100%" fill="#ffffff"/>');
    out.push('<text x="8" y="24" font-size="18" font-weight="700" fill="#1b1f24">' + escapeXml(h.title) + '</text>');
    out.push('<text x="8" y="46" font-size="12" fill="#4a5560">' + escapeXml(h.sub) + '</text>');
    out.push('<g transform="translate(0,' + head + ')">');
    Array.prototype.forEach.call(container.querySelectorAll('section.level'), function (s) {
      var r = s.getBoundingClientRect();
      var level = (s.getAttribute('data-level') || '').toLowerCase();
      out.push('<rect x="' + (r.left - box.left) + '" y="' + (r.top - box.top) + '" width="' + r.width + '" height="' + r.height +
        '" rx="6" fill="' + (SVG_COLOURS[level] || '#f3f3f3') + '"/>');
      var name = s.querySelector('.level-name');
      var nr = name.getBoundingClientRect();
      out.push('<text x="' + (nr.left - box.left) + '" y="' + (nr.top - box.top + 16) + '" font-size="15" fill="#4a5560">' + escapeXml(name.textContent) + '</text>');
    });
    Array.prototype.forEach.call(container.querySelectorAll('.district-group'), function (g) {
      var r = g.getBoundingClientRect();
      out.push('<rect x="' + (r.left - box.left) + '" y="' + (r.top - box.top) + '" width="' + r.width + '" height="' + r.height +
        '" rx="6" fill="none" stroke="#6b7580" stroke-dasharray="4 3"/>');
      out.push('<text x="' + (r.left - box.left + 8) + '" y="' + (r.top - box.top + 16) + '" font-size="12" font-weight="600" fill="#4a5560">' +
        escapeXml(g.querySelector('.district-label').textContent) + '</text>');
    });
    Array.prototype.forEach.call(container.querySelectorAll('svg.lines path.line'), function (p) {
      var skip = p.classList.contains('line-skip');
      var lineage = p.classList.contains('line-lineage');
      out.push('<path d="' + p.getAttribute('d') + '" fill="none" stroke="' + (skip ? '#8a3b00' : lineage ? '#6b7580' : '#3d4a57') +
        '" stroke-width="2"' + (skip ? ' stroke-dasharray="8 4" marker-end="url(#s)"' : lineage ? ' stroke-dasharray="2 4" marker-end="url(#a)"' : ' marker-end="url(#a)"') + '/>');
    });
    Array.prototype.forEach.call(container.querySelectorAll('.body-box'), function (b) {
      var r = b.getBoundingClientRect();
      var x = r.left - box.left;
      var y = r.top - box.top;
      var ended = /status-(replaced|dissolved)/.test(b.className);
      out.push('<rect x="' + x + '" y="' + y + '" width="' + r.width + '" height="' + r.height + '" rx="6" fill="#ffffff" stroke="' +
        (b.classList.contains('found') || b.getAttribute('aria-pressed') === 'true' ? '#005a9c' : '#3d4a57') + '" stroke-width="2"' +
        (ended ? ' stroke-dasharray="6 3"' : '') + '/>');
      var max = Math.max(12, Math.floor((r.width - 16) / 8.2));
      var ty = y + 18;
      wrapText(b.querySelector('.body-name').textContent, max).forEach(function (line) {
        if (ty < y + r.height - 4) out.push('<text x="' + (x + 8) + '" y="' + ty + '" font-size="13" font-weight="600" fill="#1b1f24">' + escapeXml(line) + '</text>');
        ty += 16;
      });
      Array.prototype.forEach.call(b.querySelectorAll('.body-meta, .body-reports, .body-marks'), function (m) {
        wrapText(m.textContent, Math.floor(max * 1.1)).forEach(function (line) {
          if (ty < y + r.height - 2) out.push('<text x="' + (x + 8) + '" y="' + ty + '" font-size="11.5" fill="#4a5560">' + escapeXml(line) + '</text>');
          ty += 14;
        });
      });
    });
    out.push('</g></svg>');
    return out.join('\n');
  }

  function exportSvg() {
    if (!state.chart) return;
    var text = chartSvg();
    saveBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), exportName('svg'));
    showMessage('Schemat har laddats ner som ' + exportName('svg') + '.', 'info');
  }

  function exportPng() {
    if (!state.chart) return;
    var text = chartSvg();
    var image = new Image();
    image.onload = function () {
      var scale = 2;
      var canvas = document.createElement('canvas');
      canvas.width = image.width * scale;
      canvas.height = image.height * scale;
      var g = canvas.getContext('2d');
      g.scale(scale, scale);
      g.drawImage(image, 0, 0);
      canvas.toBlob(function (blob) {
        saveBlob(blob, exportName('png'));
        showMessage('Schemat har laddats ner som ' + exportName('png') + '.', 'info');
      }, 'image/png');
    };
    image.onerror = function () { showMessage('Kunde inte rita schemat som PNG.', 'error'); };
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
  }

  function fillPrintHeader() {
    var target = $('org-print-header');
    if (!state.chart) return;
    var h = headerText();
    clear(target);
    target.appendChild(el('p', { class: 'print-title' }, h.title));
    target.appendChild(el('p', { class: 'print-sub' }, h.sub));
    target.hidden = false;
  }
  // ---------- 2. timeline ----------

  function loadTimeline(params) {
    $('tl-kind').value = params.typ || '';
    $('tl-district').value = params.stadsdel || '';
    registeredDistricts().then(function (names) {
      fillDistrictChoices(names);
      $('tl-district').value = params.stadsdel || '';
    }).catch(function () { /* the filter keeps the choices it has */ });
    $('tl-body').value = params.organ || '';
    $('tl-from').value = params.fran || '';
    $('tl-to').value = params.till || '';
    var target = $('timeline');
    var current = ticket('timeline');
    loadAllBodies().then(function () {
      var q = [];
      if (params.fran) q.push('from=' + encodeURIComponent(params.fran));
      if (params.till) q.push('to=' + encodeURIComponent(params.till));
      if (params.stadsdel) q.push('district=' + encodeURIComponent(params.stadsdel));
      if (params.organ) q.push('bodyId=' + encodeURIComponent(bodyIdFor(params.organ)));
      if (params.typ) q.push('kind=' + encodeURIComponent(params.typ));
      return api(stated('/api/timeline' + (q.length ? '?' + q.join('&') : '')));
    }).then(function (tl) {
      if (current()) renderTimeline(target, tl, params);
    }).catch(function (e) { showError(e, 'tidslinjen'); });
  }

  function timelineFilter() {
    setParams({ typ: $('tl-kind').value, stadsdel: $('tl-district').value, organ: $('tl-body').value.trim(),
      fran: $('tl-from').value, till: $('tl-to').value });
  }

  function renderTimeline(target, tl, params) {
    clear(target);
    // a server that does not filter by kind yet: the page filters what it was given
    var entries = (tl.entries || []).filter(function (e) { return !params.typ || kindOf(e) === params.typ; });
    var what = [];
    if (params.typ) what.push((KINDS[params.typ] || params.typ).toLowerCase());
    if (tl.district || params.stadsdel) what.push('stadsdel ' + (tl.district || params.stadsdel));
    if (params.organ) what.push('organ ' + bodyName(bodyIdFor(params.organ)));
    if (params.fran || params.till) what.push('gäller ' + (params.fran ? 'från ' + params.fran + ' ' : '') + (params.till ? 'till ' + params.till : ''));
    target.appendChild(el('p', { class: 'status', id: 'timeline-count' }, count(entries.length, 'händelse', 'händelser') +
      (what.length ? ' för ' + what.join(', ') : '') + ', enligt registret till och med ändring nr ' + tl.revision + '.'));
    var list = el('ol', { class: 'timeline' });
    var year = null;
    entries.forEach(function (e) {
      var y = (e.effectiveDate || '').substring(0, 4);
      if (y !== year) { year = y; list.appendChild(el('li', { class: 'year' }, el('h3', null, y || 'Utan datum'))); }
      var kind = kindOf(e);
      var whole = uncertainFact(e, 'entry');
      var when = entryDate(e);
      list.appendChild(el('li', { class: 'event kind-' + (kind || 'other') + (e.decision && e.decision.status ? ' status-' + e.decision.status.toLowerCase() : ''),
        'data-kind': kind, 'data-revision': e.revision },
        el('time', { datetime: e.effectiveDateAsKnown || e.effectiveDate, class: when.length > 10 ? 'date-vague' : null }, when),
        el('div', { class: 'event-body' },
          el('p', { class: 'event-type' }, el('span', { class: 'kind-tag' }, KINDS[kind] || 'Övrigt'), ' ', el('span', { class: 'type-label' }, typeLabel(e)),
            decisionBadges(e.decision) ? [' ', decisionBadges(e.decision)] : null, whole ? [' ', certaintyMark(whole)] : null),
          el('p', { class: 'summary' }, summaryOf(e)),
          clockNote(e),
          el('p', { class: 'meta' }, 'Beslut: ' + serverDecisionText(e) + ' · ', revisionRef(e.revision, 'ändring nr ' + e.revision)),
          sourcesDetails(e),
          (e.affectedBodies || []).length ? el('p', { class: 'meta' }, 'Organ: ' + e.affectedBodies.map(function (b) { return b.name || b.id; }).join(', ')) : null)));
    });
    target.appendChild(entries.length ? list : el('p', { class: 'empty' }, 'Inga händelser matchar filtret.'));
  }

  // ---------- 3. budget ----------

  function loadBudget(params) {
    var current = ticket('budget');
    var years = state.budgetYears ? Promise.resolve(state.budgetYears) : api('/api/budget/summary').then(function (all) {
      var set = {};
      (all.byYear || []).forEach(function (y) { set[y.key] = true; });
      (all.frames || []).forEach(function (f) { set[f.fiscalYear] = true; });
      (all.openReferrals || []).forEach(function (r) { set[r.fiscalYear] = true; });
      state.budgetYears = Object.keys(set).sort();
      var withMoney = (all.byYear || []).map(function (y) { return y.key; }).sort();
      state.defaultYear = withMoney.length ? withMoney[withMoney.length - 1] : (state.budgetYears[0] || '');
      var select = clear($('budget-year'));
      state.budgetYears.forEach(function (y) { select.appendChild(el('option', { value: y }, y)); });
      select.appendChild(el('option', { value: 'alla' }, 'Alla år, sida vid sida'));
      return state.budgetYears;
    });
    years.then(function () {
      var year = params.ar || state.defaultYear || '';
      $('budget-year').value = year;
      $('budget-date').value = params.datum || '';
      var q = [];
      if (year && year !== 'alla') q.push('fiscalYear=' + encodeURIComponent(year));
      if (params.datum) q.push('asOfDate=' + encodeURIComponent(params.datum));
      var query = q.length ? '?' + q.join('&') : '';
      $('budget-csv').setAttribute('href', '/api/budget/ledger.csv' + query);
      $('budget-csv').setAttribute('data-filename', 'huvudbok' + (year && year !== 'alla' ? '-' + year : '') + '.csv');
      var asOf = params.datum ? '?asOfDate=' + encodeURIComponent(params.datum) : '';
      var perYear = state.budgetYears.map(function (y) {
        return api(stated('/api/budget/summary?fiscalYear=' + encodeURIComponent(y) + (params.datum ? '&asOfDate=' + encodeURIComponent(params.datum) : '')));
      });
      return Promise.all([api(stated('/api/budget/summary' + query)), api(stated('/api/budget/ledger' + query)), Promise.all(perYear),
        api(stated('/api/budget/summary' + asOf))]);
    }).then(function (answers) {
      if (current()) { renderBudget(clear($('budget')), answers[0], answers[1], answers[2], params); markScrollables($('budget')); }
    }).catch(function (e) { showError(e, 'budgeten'); });
  }

  function sumSek(list, field) {
    return list.reduce(function (s, x) { return s + (Number(x[field]) || 0); }, 0);
  }

  function totalRow(label, cells) {
    return el('tr', { class: 'total-row' }, el('th', { scope: 'row' }, label), cells.map(function (c) { return el('td', { class: 'num' }, c); }));
  }

  function renderBudget(target, summary, ledger, perYear, params) {
    var year = summary.fiscalYear ? 'budgetåret ' + summary.fiscalYear : 'alla år';
    var asOf = params.datum ? formatDate(params.datum) : (summary.answeredOn ? formatDate(summary.answeredOn) + ' (i dag)' : 'i dag');
    target.appendChild(el('p', { class: 'as-of', id: 'budget-as-of' }, 'Per ' + asOf + ', enligt registret till och med ändring nr ' + summary.revision + '.'));
    target.appendChild(el('p', { class: 'total' }, 'Anvisat till mottagare ' + year + ': ',
      el('strong', { id: 'budget-total' }, amount(summary.totalTkr, summary.totalSek))));

    var charts = el('div', { class: 'charts' });
    charts.appendChild(barChart('Per mottagare', summary.byRecipient || []));
    charts.appendChild(barChart('Per finansieringskälla', summary.bySource || []));
    target.appendChild(charts);

    var grid = el('div', { class: 'budget-grid' });
    [['Summa per mottagare', 'Mottagare', summary.byRecipient], ['Summa per stadsdel', 'Stadsdel', summary.byDistrict],
      ['Summa per finansieringskälla', 'Källa', summary.bySource]].forEach(function (t) {
      var list = (t[2] || []).slice();
      if (!list.length && t[1] === 'Stadsdel') return;
      if (t[1] === 'Stadsdel' && summary.notSplitByDistrictSek) {
        list.push({ label: 'Inte fördelat på stadsdel (källorna anger ingen fördelning)', amountSek: summary.notSplitByDistrictSek,
          amountTkr: summary.notSplitByDistrictTkr });
      }
      grid.appendChild(table(t[0], [t[1], 'Belopp'], list.map(function (x) { return row(x.label, num(amount(x.amountTkr, x.amountSek))); }),
        'data', totalRow('Summa', [tkr(sumSek(list, 'amountSek'))])));
    });
    target.appendChild(grid);
    if (!(summary.byDistrict || []).length) {
      target.appendChild(el('p', { class: 'note' }, 'Huvudboken har inga belopp per stadsdel för ' + year + '; registret räknar inte fram en fördelning det inte har.'));
    }

    if ((summary.years || []).length) target.appendChild(yearsTable(summary.years));

    // years side by side: each recipient's money per year
    var years = state.budgetYears || [];
    var recipients = {};
    perYear.forEach(function (s, i) {
      (s.byRecipient || []).forEach(function (r) { (recipients[r.label] = recipients[r.label] || {})[years[i]] = r.amountSek; });
    });
    var names = Object.keys(recipients).sort(function (a, b) { return a.localeCompare(b, 'sv'); });
    target.appendChild(table('År för år: anvisat per mottagare (tkr)', ['Mottagare'].concat(years),
      names.map(function (n) {
        return row.apply(null, [n].concat(years.map(function (y) { return num(recipients[n][y] === undefined ? '–' : tkr(recipients[n][y])); })));
      }), 'data years', totalRow('Summa', perYear.map(function (s) { return amount(s.totalTkr, s.totalSek); }))));

    var frames = summary.frames || [];
    target.appendChild(table('Budgetramar: beslutat, anvisat och kvar', ['Nämnd', 'År', 'Beslutad ram', 'Utökning', 'Anvisat', 'Kvar att anvisa'],
      frames.map(function (f) {
        return row(f.committee, String(f.fiscalYear), num(tkr(f.openedSek)), num(tkr(f.extendedSek)), num(tkr(f.allocatedSek)),
          el('td', { class: 'num remaining' }, amount(f.remainingTkr, f.remainingSek)));
      }), 'data frames', el('tr', { class: 'total-row' }, el('th', { scope: 'row', colspan: 2 }, 'Summa'),
        [tkr(sumSek(frames, 'openedSek')), tkr(sumSek(frames, 'extendedSek')), tkr(sumSek(frames, 'allocatedSek')), tkr(sumSek(frames, 'remainingSek'))]
          .map(function (c) { return el('td', { class: 'num' }, c); }))));

    target.appendChild(table('Hänskjutna ärenden, ännu inte avgjorda (överlämnade för finansiering)',
      ['År', 'Ärende', 'Hänskjutet till', 'Mottagare', 'Uppskattat belopp', 'Beslut'],
      (summary.openReferrals || []).map(function (r) {
        return row(String(r.fiscalYear), r.subject, r.referredTo || '–', r.recipientName || '–', num(r.estimatedAmountSek === null || r.estimatedAmountSek === undefined ? 'okänt' : tkr(r.estimatedAmountSek)), decisionNode(r.decision));
      })));

    var entries = ledger.entries || [];
    var entryType = function (e) { return e.entryTypeLabel || ENTRY_TYPES[e.entryType] || humanise(e.entryType); };
    if (entries.length && entries[0].movedSek !== undefined) {
      // the server's columns, each meaning one thing (empty where it does not apply, "okänt" for an unknown estimate)
      var cell = function (sek, unknownText) { return num(sek === null || sek === undefined ? (unknownText || '') : tkr(sek)); };
      var t = ledger.totals || {};
      target.appendChild(table('Huvudbok: transaktioner ' + year, ['Ändring', 'Gäller från', 'Typ', 'Från (källa) / hänskjutet till', 'Till (mottagare)',
        'Stadsdel', 'Ändamål', 'Tillgängliggjort', 'Anvisat', 'Uppskattat', 'Anvisat hittills under året', 'Beslut'],
        entries.map(function (e) {
          return row(
            el('td', null, revisionRef(e.revision, 'nr ' + e.revision)),
            dateCell(e), entryType(e), ledgerValue(e, 'source', e.sourceName || e.referredTo), ledgerValue(e, 'recipient', e.recipientName),
            ledgerValue(e, 'district', e.district), ledgerValue(e, 'purpose', e.purpose), cell(e.availableSek), cell(e.movedSek),
            cell(e.estimatedSek, /REFERRAL$/.test(e.entryType || '') ? 'okänt' : ''), cell(e.allocatedToDateSek), ledgerDecision(e));
        }), 'data ledger', el('tr', { class: 'total-row' }, el('th', { scope: 'row', colspan: 7 }, 'Summa'),
          el('td', { class: 'num' }, tkr(t.availableSek || 0)), el('td', { class: 'num' }, tkr(t.movedSek || 0)),
          el('td', { class: 'num' }, (t.estimatedSek === null || t.estimatedSek === undefined ? '' : tkr(t.estimatedSek)) +
            (t.referralsWithoutEstimate ? ' (+ ' + t.referralsWithoutEstimate + ' okänt)' : '')),
          el('td', null, ''), el('td', null, ''))));
      if (ledger.total > (ledger.page + 1) * ledger.size) {
        // the answer is its first page; the totals row is the whole ledger's
        target.appendChild(el('p', { class: 'note' }, 'Huvudboken har ' + ledger.total + ' rader; här visas de ' + ledger.size +
          ' första, summaraden gäller alla. Hela huvudboken finns som CSV.'));
      }
      return;
    }
    target.appendChild(table('Huvudbok: transaktioner ' + year, ['Ändring', 'Gäller från', 'Typ', 'Från (källa)', 'Till (mottagare)', 'Stadsdel', 'Ändamål',
      'Belopp', 'Anvisat hittills', 'Beslut'],
      entries.map(function (e) {
        return row(
          el('td', null, revisionRef(e.revision, 'nr ' + e.revision)),
          dateCell(e), entryType(e), ledgerValue(e, 'source', e.sourceName), ledgerValue(e, 'recipient', e.recipientName),
          ledgerValue(e, 'district', e.district), ledgerValue(e, 'purpose', e.purpose), num(amount(e.amountTkr, e.amountSek)),
          num(amount(e.runningBalanceTkr, e.runningBalanceSek)), ledgerDecision(e));
      }), 'data ledger'));
  }

  /** A ledger row's value with its mark when inferred or assumed, or a note where "only what the sources state" left it out. */
  function ledgerValue(e, field, value) {
    var empty = value === null || value === undefined || value === '';
    if (empty) return withheldFact(e, field) ? el('td', { class: 'withheld-note' }, '– (utelämnat: står inte i källorna)') : '–';
    var fact = uncertainFact(e, field);
    return fact ? el('td', { class: 'marked', 'data-field': field }, value, ' ', certaintyMark(fact)) : value;
  }

  /** A ledger row's decision, with its badges and its sources folded away. */
  function ledgerDecision(e) {
    return el('td', { class: 'decision-cell' }, decisionNode(e.decision), sourcesDetails(e));
  }

  /** The server's years side by side: what was made available, moved, left and referred, one column per year. */
  function yearsTable(years) {
    var money = function (sek) { return sek === null || sek === undefined ? 'okänt' : tkr(sek); };
    var lines = [
      ['Budgetramar', 'framesSek'], ['Bidrag', 'grantsSek'], ['Tillgängligt', 'availableSek'], ['Anvisat till mottagare', 'allocatedSek'],
      ['varav från budgetramar', 'fromFramesSek'], ['varav från bidrag', 'fromGrantsSek'], ['varav från resursmedel', 'fromResourceFundsSek'],
      ['Kvar av ramarna', 'framesRemainingSek'], ['Inte fördelat på stadsdel', 'notSplitByDistrictSek']
    ];
    var rows = lines.map(function (l) {
      return row.apply(null, [el('th', { scope: 'row' }, l[0])].concat(years.map(function (y) { return num(money(y[l[1]])); })));
    });
    rows.push(row.apply(null, [el('th', { scope: 'row' }, 'Öppna hänskjutna ärenden')].concat(years.map(function (y) {
      var known = y.referredEstimatedSek === null || y.referredEstimatedSek === undefined ? '' : ', uppskattat ' + tkr(y.referredEstimatedSek);
      var unknown = y.referralsWithoutEstimate ? ', ' + y.referralsWithoutEstimate + ' utan uppskattning' : '';
      return num(String(y.openReferrals || 0) + known + unknown);
    }))));
    return table('År för år: medel per budgetår', ['Budgetår'].concat(years.map(function (y) { return String(y.fiscalYear); })), rows, 'data years');
  }

  /** Bars as HTML: the labels wrap and keep the page's text size at any width. */
  function barChart(title, totals) {
    var max = totals.reduce(function (m, t) { return Math.max(m, Math.abs(t.amountSek)); }, 0) || 1;
    var list = el('ul', { class: 'bars', 'aria-label': title });
    totals.forEach(function (t) {
      var bar = el('span', { class: 'bar' });
      bar.style.width = Math.max(1, Math.round(Math.abs(t.amountSek) / max * 100)) + '%';
      list.appendChild(el('li', { class: 'bar-row' },
        el('span', { class: 'bar-label' }, t.label),
        el('span', { class: 'bar-track' }, bar),
        el('span', { class: 'bar-value' }, amount(t.amountTkr, t.amountSek))));
    });
    if (!totals.length) list.appendChild(el('li', { class: 'empty' }, 'Inga belopp'));
    return el('figure', { class: 'chart' }, el('figcaption', null, title + ' (tkr)'), list);
  }

  // ---------- 4. audit trail ----------

  var AUDIT_FIELDS = [
    ['organ', 'af-body'], ['handelse', 'af-eventType'], ['diarienr', 'af-caseNumber'], ['galler-fran', 'af-effectiveFrom'],
    ['galler-till', 'af-effectiveTo'], ['reg-fran', 'af-recordedFrom'], ['reg-till', 'af-recordedTo'], ['av', 'af-recordedBy'],
    ['fran-nr', 'af-fromRevision'], ['till-nr', 'af-toRevision']
  ];

  /** The API's filter from the address's: names and Swedish labels as typed, resolved where the page knows them. */
  function auditQuery(params, withPage) {
    var map = {
      organ: ['bodyId', bodyIdFor], handelse: ['eventType', eventTypeFor], diarienr: ['caseNumber'], 'galler-fran': ['effectiveFrom'],
      'galler-till': ['effectiveTo'], 'reg-fran': ['recordedFrom'], 'reg-till': ['recordedTo'], av: ['recordedBy'],
      'fran-nr': ['fromRevision'], 'till-nr': ['toRevision']
    };
    var q = [];
    Object.keys(map).forEach(function (k) {
      var v = (params[k] || '').trim();
      if (!v) return;
      q.push(map[k][0] + '=' + encodeURIComponent(map[k][1] ? map[k][1](v) : v));
    });
    if (withPage) {
      q.push('page=' + (Number(params.sida || 1) - 1));
      q.push('size=' + encodeURIComponent(params.rader || '50'));
    }
    return q.length ? '?' + q.join('&') : '';
  }

  function auditFilter() {
    var changes = { sida: '', rader: $('af-size').value === '50' ? '' : $('af-size').value };
    AUDIT_FIELDS.forEach(function (f) { changes[f[0]] = $(f[1]).value.trim(); });
    setParams(changes);
  }

  function loadAudit(params) {
    AUDIT_FIELDS.forEach(function (f) { $(f[1]).value = params[f[0]] || ''; });
    // the less used filters are folded away unless one of them is in use
    if (AUDIT_FIELDS.slice(3).some(function (f) { return params[f[0]]; })) $('audit-more').open = true;
    $('af-size').value = params.rader || '50';
    var target = $('audit');
    var current = ticket('audit');
    Promise.all([loadEventTypes(), loadAllBodies()]).then(function () {
      $('audit-csv').setAttribute('href', '/api/audit-trail.csv' + auditQuery(params, false));
      $('audit-csv').setAttribute('data-filename', 'revisionslogg.csv');
      api('/api/audit-trail/verification').then(function (v) {
        var p = clear($('audit-verification'));
        p.className = 'verification ' + (v.status === 'INTACT' ? 'ok' : v.status === 'ALTERED' ? 'broken' : 'pending');
        p.appendChild(document.createTextNode(v.status === 'INTACT'
          ? '✓ Loggen är obruten: varje ändring till och med nr ' + v.checkedUpTo + ' stämmer med den signerade revisionsloggen (' + count(v.treeSize, 'post', 'poster') + ').'
          : v.status === 'ALTERED'
            ? '✗ Loggen har ändrats vid ändring nr ' + v.firstMismatch + (v.detail ? ': ' + v.detail : '.')
            : '… Kontrollerad till och med ändring nr ' + v.checkedUpTo + '; nr ' + v.uncheckedFrom + '–' + v.logHead + ' är ännu inte inlästa.'));
      }).catch(function (e) {
        var p = clear($('audit-verification'));
        p.className = 'verification broken';
        p.textContent = e instanceof ApiError && e.status === 403 ? 'Loggen kan bara kontrolleras av revisor eller registrator.' : 'Kunde inte kontrollera loggen.';
      });
      return api(stated('/api/audit-trail' + auditQuery(params, true)));
    }).then(function (page) {
      if (current()) { renderAudit(clear(target), page); markScrollables(target); }
    }).catch(function (e) {
      clear(target);
      if (e instanceof ApiError && e.status === 403) {
        showMessage('Din roll ger inte rätt att se revisionsloggen (403). Den kräver rollen revisor, registrator eller administratör.', 'error');
      } else showError(e, 'revisionsloggen');
    });
  }

  function renderAudit(target, page) {
    var from = page.page * page.size + 1;
    var to = Math.min(page.total, (page.page + 1) * page.size);
    target.appendChild(el('p', { class: 'status', id: 'audit-count' }, page.total
      ? (page.total <= page.size ? count(page.total, 'händelse', 'händelser')
        : 'Visar ' + from + '–' + to + ' av ' + count(page.total, 'händelse', 'händelser')) + ' (registret till och med ändring nr ' + page.revision + ').'
      : 'Inga händelser matchar filtret (registret till och med ändring nr ' + page.revision + ').'));
    if (!page.total) return;
    target.appendChild(table('Ändringar i registret', ['Ändring', 'Registrerad', 'Registrerad av', 'Gäller från', 'Beslut', 'Händelse', 'Vad som ändrades'],
      page.entries.map(function (e) {
        return row(
          el('td', null, el('a', { href: keepStated('#/revision/' + e.revision), 'aria-label': 'Ändring nr ' + e.revision + ': visa beslut och ändring' }, 'nr ' + e.revision)),
          el('td', { class: 'date' }, dateTime(e.recordedAt)), e.recordedBy || '–', dateCell(e),
          el('td', { class: 'decision-cell' }, decisionNode(e.decision, serverDecisionText(e))), el('td', { class: 'type-label' }, typeLabel(e)),
          el('td', null, summaryOf(e), uncertainFact(e, 'entry') ? [' ', certaintyMark(uncertainFact(e, 'entry'))] : null, clockNote(e), sourcesDetails(e)));
      }), 'data audit stack'));
    var pages = Math.ceil(page.total / page.size);
    if (pages > 1) {
      var pager = el('nav', { class: 'pager', 'aria-label': 'Sidor' });
      pager.appendChild(el('button', { type: 'button', disabled: page.page === 0, onclick: function () { setParams({ sida: String(page.page) }); } }, '← Föregående'));
      pager.appendChild(el('span', null, 'Sida ' + (page.page + 1) + ' av ' + pages));
      pager.appendChild(el('button', { type: 'button', disabled: to >= page.total, onclick: function () { setParams({ sida: String(page.page + 2) }); } }, 'Nästa →'));
      target.appendChild(pager);
    }
  }

  // ---------- a revision as a document ----------

  function decisionFacts(d) {
    if (!d) return [['Beslut', 'Inget beslut angivet']];
    var date = decisionDateText(d);
    if (d.datePrecision === 'MONTH') date += ' (endast månad känd)';
    if (d.datePrecision === 'YEAR') date += ' (endast år känt)';
    var facts = [['Beslutat av', d.decidedBy], ['Diarienummer', d.caseNumber || 'saknas i källan'], ['Paragraf', d.paragraph || '–'], ['Beslutsdatum', date]];
    if (d.status) facts.push(['Status', decisionBadges({ status: d.status, statusText: d.statusText }) ? el('span', null,
      decisionBadges({ status: d.status, statusText: d.statusText }), ' ', d.statusText || DECISION_STATUS[d.status]) : (d.statusText || DECISION_STATUS[d.status])]);
    if (d.documentKind) facts.push(['Underlag', d.documentKindText || DOCUMENT_KINDS[d.documentKind]]);
    return facts;
  }

  function factList(pairs, id) {
    var dl = el('dl', { class: 'facts', id: id || null });
    pairs.forEach(function (p) {
      dl.appendChild(el('dt', null, p[0]));
      dl.appendChild(el('dd', null, p[1] === null || p[1] === undefined || p[1] === '' ? '–' : (p[1] instanceof Node ? p[1] : String(p[1]))));
    });
    return dl;
  }

  function loadRevision(revision) {
    var target = clear($('revision'));
    var current = ticket('revision');
    var n = Number(revision);
    $('revision-heading').textContent = 'Ändring nr ' + revision;
    var back = state.lastParams.revisionslogg;
    $('revision-back').setAttribute('href', back ? hashFor('revisionslogg', null, back.params) : '#/revisionslogg');
    Promise.all([loadEventTypes(), loadAllBodies()]).then(function () {
      return api(stated('/api/audit-trail/' + encodeURIComponent(revision)));
    }).then(function (record) {
      if (!current()) return undefined;
      var e = record.entry;
      var doc = record.document || null; // the server's page in Swedish, when it sends one
      $('revision-heading').textContent = doc && doc.title ? doc.title : 'Ändring nr ' + e.revision + ': ' + typeLabel(e);
      target.appendChild(el('p', { class: 'lead', id: 'revision-summary' }, doc && doc.summary ? doc.summary : summaryOf(e)));
      var changes = el('section', { class: 'doc-section', 'aria-labelledby': 'rev-what' }, el('h3', { id: 'rev-what' }, 'Vad som ändrades'));
      target.appendChild(changes);
      target.appendChild(el('section', { class: 'doc-section', 'aria-labelledby': 'rev-decision' }, el('h3', { id: 'rev-decision' }, 'Genom vilket beslut'),
        factList(decisionFacts(e.decision).concat([['Gäller från', entryDate(e)]]), 'revision-decision')));
      target.appendChild(el('section', { class: 'doc-section', 'aria-labelledby': 'rev-sources', id: 'revision-sources' },
        el('h3', { id: 'rev-sources' }, 'Källor'),
        hasSources(e) ? sourcesNode(e) : el('p', { class: 'empty' }, 'Inga källor är registrerade för denna ändring.')));
      var affected = (e.affectedIds || []).filter(function (id) { return state.knownBodies[id]; });
      if (doc && doc.bodies) {
        doc.bodies.forEach(function (b) { if (b && b.id) state.knownBodies[b.id] = b.name || b.id; });
        affected = doc.bodies.map(function (b) { return b.id; });
      }
      target.appendChild(el('section', { class: 'doc-section', 'aria-labelledby': 'rev-who' }, el('h3', { id: 'rev-who' }, 'Vem registrerade och när'),
        factList([['Registrerad av', e.recordedBy], ['Registrerad', dateTime(e.recordedAt) + ' (svensk tid)'],
          ['Sen registrering eller rättelse', e.clocks && e.clocks.note ? e.clocks.note : '–'],
          ['Berör organ', affected.length ? el('span', null, affected.map(function (id, i) {
            var link = { datum: e.effectiveDate, organ: id };
            link[ONLY_STATED] = state.onlyStated ? 'ja' : '';
            return [i ? ', ' : '', el('a', { href: hashFor('org', null, link) }, state.knownBodies[id])];
          })) : '–'], ['Stadsdel', e.district]], 'revision-who')));
      var nav = el('nav', { class: 'pager', 'aria-label': 'Andra ändringar' });
      if (n > 1) nav.appendChild(el('a', { href: keepStated('#/revision/' + (n - 1)), class: 'button-link' }, '← Ändring nr ' + (n - 1)));
      if (state.head === null || n < state.head) nav.appendChild(el('a', { href: keepStated('#/revision/' + (n + 1)), class: 'button-link' }, 'Ändring nr ' + (n + 1) + ' →'));
      target.appendChild(nav);
      var raw = el('details', { class: 'raw', id: 'revision-raw' }, el('summary', null, 'Teknisk information för revisorer (händelsen som den lagrats)'),
        factList([['Händelsetyp', e.eventType], ['Objekt', (e.aggregateType || '') + ' ' + (e.aggregateId || '')],
          ['Berörda id', (e.affectedIds || []).join(', ')], ['Korrelations-id', e.correlationId], ['Spårnings-id', e.traceId]]),
        el('pre', { class: 'payload' }, JSON.stringify(e.payload, null, 2)));
      target.appendChild(raw);
      if (n > 0) {
        return api('/api/revisions/' + (n - 1) + '/diff/' + n).then(function (diff) {
          renderDiff(changes, diff, e, doc);
        }).catch(function () { renderDiff(changes, {}, e, doc); });
      }
      renderDiff(changes, {}, e, doc);
      return undefined;
    }).catch(function (e) { showError(e, 'ändringen'); });
  }

  function renderDiff(section, diff, e, doc) {
    var items = el('ul', { class: 'diff', id: 'revision-changes' });
    (diff.added || []).forEach(function (b) { items.appendChild(el('li', null, 'Nytt organ: ' + (b.name || b.id))); });
    (diff.ended || []).forEach(function (b) { items.appendChild(el('li', null, 'Organet upphörde: ' + (b.name || b.id))); });
    var own = (doc && doc.changes) || e.changes || [];
    own.forEach(function (c) {
      var item = changeItem(c);
      var f = c.field && uncertainFact(e, c.field);
      if (f) item.appendChild(el('span', null, ' ', certaintyMark(f)));
      items.appendChild(item);
    });
    if (!own.length) {
      (diff.changed || []).forEach(function (c) {
        (c.labelledChanges || c.changes || []).forEach(function (f) { items.appendChild(changeItem(f, (c.name || bodyName(c.bodyId)) + ' – ')); });
      });
    }
    if (!own.length) (diff.membersIn || []).forEach(function (m) { items.appendChild(el('li', null, 'Ny ledamot i ' + (m.bodyName || m.bodyId) + ': ' + m.role + (m.holder ? ' (' + m.holder + ')' : ''))); });
    if (!own.length) (diff.membersOut || []).forEach(function (m) { items.appendChild(el('li', null, 'Lämnade ' + (m.bodyName || m.bodyId) + ': ' + m.role + (m.holder ? ' (' + m.holder + ')' : ''))); });
    (diff.moneyMoved || []).forEach(function (m) {
      items.appendChild(el('li', null, (m.entryTypeLabel || ENTRY_TYPES[m.entryType] || humanise(m.entryType)) + ' ' + m.fiscalYear + ': ' + tkr(m.amountSek) +
        (m.source ? ' från ' + m.source : '') + (m.recipient ? ' till ' + m.recipient : '') + (m.district ? ' (' + m.district + ')' : '') +
        (m.purpose ? ' – ' + m.purpose : '')));
    });
    section.appendChild(items.childNodes.length ? items : el('p', null, summaryOf(e) + '. Organisationsschemat ändrades inte av denna ändring.'));
  }
  // ---------- 5. districts ----------

  /** The registered districts' names (GET /api/districts), fetched again each time they are asked for. */
  function registeredDistricts() {
    return api('/api/districts').then(function (answer) {
      return (answer.districts || []).map(function (d) { return d.name; });
    });
  }

  /** The district picker's buttons and the timeline's district choices, from the registered districts. */
  function fillDistrictChoices(names) {
    var select = $('tl-district');
    var keep = select.value;
    while (select.options.length > 1) select.remove(1);
    names.forEach(function (n) { select.appendChild(el('option', null, n)); });
    select.value = keep;
    var picker = document.querySelector('.district-picker');
    var print = picker.querySelector('.print-button');
    // the same districts as shown: the buttons stay (a button being clicked or read is not replaced under it)
    var shown = Array.prototype.map.call(picker.querySelectorAll('.district-button'), function (b) { return b.getAttribute('data-district'); });
    if (shown.join('\n') === names.join('\n')) return;
    Array.prototype.forEach.call(picker.querySelectorAll('.district-button'), function (b) { picker.removeChild(b); });
    names.forEach(function (n) {
      picker.insertBefore(el('button', {
        type: 'button', class: 'district-button', 'data-district': n,
        'aria-pressed': n === state.district ? 'true' : 'false',
        onclick: function () { go('#/stadsdelar/' + encodeURIComponent(n)); }
      }, n), print);
    });
  }

  function loadDistrict(name) {
    var target = $('district');
    registeredDistricts().then(function (names) {
      fillDistrictChoices(names);
      if (!names.length) {
        clear(target).appendChild(el('p', null, 'Registret har inga stadsdelar registrerade.'));
        return;
      }
      var wanted = (name || '').toLowerCase();
      showDistrict(names.filter(function (n) { return n.toLowerCase() === wanted; })[0] || names[0]);
    }).catch(function (e) { showError(e, 'stadsdelarna'); });
  }

  function showDistrict(name) {
    state.district = name;
    Array.prototype.forEach.call(document.querySelectorAll('.district-button'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-district') === name ? 'true' : 'false');
    });
    var target = $('district');
    var current = ticket('district');
    Promise.all([
      api(stated('/api/districts/' + encodeURIComponent(name))),
      api(stated('/api/timeline?district=' + encodeURIComponent(name))),
      api(stated('/api/budget/ledger?district=' + encodeURIComponent(name)))
    ]).then(function (answers) {
      var view = answers[0];
      var areaTeam = view.areaTeam ? api(stated('/api/governance-bodies/' + encodeURIComponent(view.areaTeam.id))).catch(function () { return null; }) : Promise.resolve(null);
      return areaTeam.then(function (team) {
        if (current()) { renderDistrict(clear(target), view, answers[1], answers[2], team); markScrollables(target); }
      });
    }).catch(function (e) { showError(e, 'stadsdelen'); });
  }

  function renderDistrict(target, view, timeline, ledger, team) {
    target.appendChild(el('h3', { id: 'district-name' }, 'Stadsdel ' + view.district));
    target.appendChild(el('p', { class: 'status' }, 'Enligt registret till och med ändring nr ' + view.revision + '.'));

    target.appendChild(el('h4', null, 'Områdesteam'));
    if (view.areaTeam) {
      var card = el('div', { class: 'card' }, el('p', { class: 'card-title' }, view.areaTeam.name));
      var t = team && team.current && team.current.areaTeam;
      var dl = el('dl', { class: 'facts' });
      var current = team && team.current;
      var facts = [['Inrättat', entryDate(view.areaTeam, 'effectiveFrom')]];
      if (t) {
        facts.push(['Värdorganisation', t.hostOrganisation, 'hostOrganisation'], ['Beställande nämnd', t.commissioningCommittee, 'commissioningCommittee'],
          ['Teamledare', t.teamLeaders, 'teamLeaders'], ['Trygghetsvärdar', t.safetyWardens, 'safetyWardens'], ['Syfte', t.purpose, 'purpose']);
      }
      if (current) facts.push(['Beslut', decisionNode(current.decision)]);
      facts.forEach(function (p) {
        var missing = p[1] === null || p[1] === undefined || p[1] === '';
        dl.appendChild(el('dt', null, p[0]));
        dl.appendChild(el('dd', null, missing
          ? (p[2] && withheldFact(current, p[2]) ? '– (utelämnat: står inte i källorna)' : '–')
          : p[1] instanceof Node ? p[1] : p[2] ? markedValue(current, p[2], String(p[1])) : String(p[1])));
      });
      card.appendChild(dl);
      target.appendChild(card);
    } else {
      target.appendChild(el('p', { class: 'empty' }, 'Inget områdesteam registrerat.'));
    }

    target.appendChild(table('Organ i stadsdelen', ['Organ', 'Nivå', 'Gäller från'],
      (view.bodies || []).map(function (b) { return row(b.name, levelName(b.level), dateCell(b, 'effectiveFrom')); })));

    target.appendChild(table('Åtgärder som berör stadsdelen', ['Åtgärd', 'Handlingsplan', 'Utvecklingsområde', 'Status', 'Statusdatum'],
      (view.actions || []).map(function (a) {
        return row(a.title, a.planTitle, String(a.developmentArea), PROGRESS[a.status] || a.status, a.statusDate || '–');
      })));

    var money = (ledger.entries || []).filter(function (e) { return e.district === view.district; });
    target.appendChild(table('Medel per år', ['År', 'Belopp', 'Källor'],
      (view.allocationsPerYear || []).map(function (y) {
        return row(String(y.year), num(groupDigits(Math.round(Number(y.amountTkr))) + NBSP + 'tkr'), (y.sources || []).join(', '));
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
        el('p', { class: 'meta' }, 'Gäller från ' + entryDate(p, 'effectiveFrom') + ' · Beslut: ', decisionNode(p.decision)),
        sourcesDetails(p)));
    });
    if ((view.picturesNotYetRecorded || []).length) {
      pictures.appendChild(el('p', { class: 'note' }, 'Ännu inte registrerat: ' +
        view.picturesNotYetRecorded.map(function (k) { return PICTURES[k] || k; }).join(', ') + '.'));
    }
    target.appendChild(pictures);

    target.appendChild(table('Händelser i stadsdelen', ['Gäller från', 'Händelse', 'Beslut'],
      (timeline.entries || []).map(function (e) {
        return row(dateCell(e), summaryOf(e), el('td', { class: 'decision-cell' }, decisionNode(e.decision), sourcesDetails(e)));
      }), 'data stack'));
  }

  /** Dates as the officials write them: 2020-01-20 (ISO 8601 is the Swedish standard form). */
  function formatDate(iso) {
    return iso ? String(iso).substring(0, 10) : '–';
  }

  // ---------- wiring ----------

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', function () { logout(); });
    // Escape closes the body's panel, as its × button does
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Escape' || $('body-detail').hidden) return;
      closeDetail();
    });
    Array.prototype.forEach.call(document.querySelectorAll('.tab'), function (tab) {
      tab.addEventListener('click', function () { goToView(tab.getAttribute('data-view')); });
    });
    // only what the sources state: the current view asks again with onlyStated=true, and the address keeps it
    $('only-stated').addEventListener('change', function () {
      var changes = {};
      changes[ONLY_STATED] = $('only-stated').checked ? 'ja' : '';
      setParams(changes);
    });
    // organisation chart: the time axis, a date, a log position
    $('rev-slider').addEventListener('input', sliderMoved);
    $('point-prev').addEventListener('click', function () { step(-1); });
    $('point-next').addEventListener('click', function () { step(1); });
    $('as-of-date').addEventListener('change', function () { setParams({ datum: $('as-of-date').value, nr: '' }); });
    $('rev-number').addEventListener('change', function () {
      var v = $('rev-number').value.trim();
      setParams({ nr: v && state.head !== null && Number(v) >= state.head ? '' : v });
    });
    $('org-controls').addEventListener('submit', function (e) { e.preventDefault(); });
    $('org-now').addEventListener('click', function () {
      state.head = null; // the register may have moved on since the page loaded
      setParams({ datum: '', nr: '', jamfor: '' });
    });
    $('org-search-form').addEventListener('submit', function (e) { e.preventDefault(); searchBody($('org-search').value); });
    $('org-compare-form').addEventListener('submit', function (e) {
      e.preventDefault();
      if ($('compare-date').value) setParams({ jamfor: $('compare-date').value });
    });
    $('compare-stop').addEventListener('click', function () { setParams({ jamfor: '' }); });
    $('export-svg').addEventListener('click', exportSvg);
    $('export-png').addEventListener('click', exportPng);
    $('org-print').addEventListener('click', function () { fillPrintHeader(); window.print(); });
    window.addEventListener('beforeprint', fillPrintHeader);
    // timeline
    $('timeline-filters').addEventListener('submit', function (e) { e.preventDefault(); timelineFilter(); });
    $('timeline-filters').addEventListener('reset', function () { setTimeout(timelineFilter, 0); });
    ['tl-kind', 'tl-district', 'tl-from', 'tl-to'].forEach(function (id) { $(id).addEventListener('change', timelineFilter); });
    $('tl-body').addEventListener('change', timelineFilter);
    // budget
    $('budget-controls').addEventListener('submit', function (e) { e.preventDefault(); });
    $('budget-year').addEventListener('change', function () { setParams({ ar: $('budget-year').value }); });
    $('budget-date').addEventListener('change', function () { setParams({ datum: $('budget-date').value }); });
    // audit trail
    $('audit-filters').addEventListener('submit', function (e) { e.preventDefault(); auditFilter(); });
    $('audit-filters').addEventListener('reset', function () { setTimeout(auditFilter, 0); });
    $('af-size').addEventListener('change', auditFilter);
    Array.prototype.forEach.call(document.querySelectorAll('.print-button'), function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
    download($('budget-csv'));
    download($('audit-csv'));
    window.addEventListener('hashchange', route);
    var resizeTimer = null;
    var redraw = function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(function () { drawLines(); drawAxis(); markScrollables(); }, 50); };
    window.addEventListener('resize', redraw);
    // the chart's boxes move when the detail panel opens or closes: draw the lines again
    if (window.ResizeObserver) new ResizeObserver(redraw).observe($('org-chart'));
    if (authHeader()) enter(); else { showView('login'); }
  });
})();
