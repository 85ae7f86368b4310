import Mustache

/// The pages' mustache templates, built into the program (it is installed as one file). Every
/// `{{value}}` is HTML-escaped by swift-mustache; no template uses the unescaped forms.
enum PageTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in [("header", header), ("footer", footer), ("login", login), ("dashboard", dashboard),
                             ("educators", educators), ("transcript", transcript), ("exceptions", exceptions),
                             ("approvals", approvals), ("problem", problem)] {
            try library.register(text, named: name)
        }
        return library
    }

    static let login = #"""
    {{>header}}
    <div class="login">
      <h1>Re-licensure hours</h1>
      <p class="lead">Log in to see your educators' clock hours.</p>
      {{#message}}<p class="notice bad">{{message}}</p>{{/message}}
      <form method="post" action="/login">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="login">Login</label>
        <input id="login" name="login" autocomplete="username" value="{{login}}" required autofocus>
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
        <button type="submit">Log in</button>
      </form>
    </div>
    {{>footer}}
    """#

    static let dashboard = #"""
    {{>header}}
    <h1>{{heading}}</h1>
    <p class="lead">{{educatorCount}} active educators · hours as of {{asOf}}</p>
    <div class="cards">
      {{#statuses}}<a class="card {{code}}" href="{{href}}"><div class="n">{{count}}</div><div class="l">{{label}}</div></a>{{/statuses}}
    </div>
    <p class="legend"><b>Ending short</b>: the license term ends within 90 days, or has ended, without the hours.
      <b>Behind</b>: a smaller share of the hours than of the term has gone by. Click a number to see who.</p>
    <h2>Hours credited in each of the last twelve months</h2>
    <div class="chart">
      <svg viewBox="0 0 {{chart.width}} {{chart.height}}" role="img" aria-label="Hours credited by month">
        <line x1="40" y1="{{chart.baseline}}" x2="{{chart.width}}" y2="{{chart.baseline}}" stroke="#9aa5b1"/>
        <text x="36" y="{{chart.topLabelY}}" text-anchor="end" font-size="11" fill="#5b6776">{{chart.maxLabel}}</text>
        <text x="36" y="{{chart.baseline}}" text-anchor="end" font-size="11" fill="#5b6776">0</text>
        {{#chart.bars}}
        <g><title>{{month}}: {{hours}} hours</title>
          <rect x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" fill="#1f5fa8" rx="2"/>
          {{#showValue}}<text x="{{labelX}}" y="{{valueY}}" text-anchor="middle" font-size="11" fill="#1d2733">{{hours}}</text>{{/showValue}}
          <text x="{{labelX}}" y="{{monthY}}" text-anchor="middle" font-size="11" fill="#5b6776">{{monthLabel}}</text>
        </g>
        {{/chart.bars}}
      </svg>
    </div>
    <h2>Most urgent</h2>
    {{^hasUrgent}}<p class="notice ok">Nobody is ending short or behind.</p>{{/hasUrgent}}
    {{#hasUrgent}}
    <table>
      <tr><th>Educator</th><th>School</th><th>Status</th><th>Term ends</th><th class="num">Hours this term (all)</th><th class="num">Still needed</th></tr>
      {{#urgent}}
      <tr><td><a href="{{href}}">{{name}}</a> <span class="muted small">{{id}}</span></td><td>{{school}}</td>
          <td><span class="badge {{statusCode}}">{{statusLabel}}</span></td><td class="date">{{termEnd}} <span class="muted small">{{daysLeft}}</span></td>
          <td class="num">{{total}}</td><td class="num">{{remaining}}</td></tr>
      {{/urgent}}
    </table>
    {{#moreUrgent}}<p>{{urgentTotal}} educators are ending short or behind; the {{urgentShown}} most urgent are shown. <a href="{{moreUrgentHref}}">See everyone who is behind</a></p>{{/moreUrgent}}
    {{/hasUrgent}}
    <p class="downloads small"><a href="/downloads/progress.csv">Download everyone's progress (CSV)</a><a href="/downloads/exceptions.csv">Download open exceptions (CSV)</a></p>
    {{>footer}}
    """#

    static let educators = #"""
    {{>header}}
    <h1>Educators</h1>
    <form class="search" method="get" action="/educators">
      <div><label for="q">Name, id or e-mail (any part)</label><input id="q" name="q" value="{{q}}" size="28"></div>
      <div><label for="status">Status</label><select id="status" name="status">
        {{#statusOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statusOptions}}
      </select></div>
      {{#showSchools}}<div><label for="school">School</label><select id="school" name="school">
        {{#schoolOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/schoolOptions}}
      </select></div>{{/showSchools}}
      <button type="submit">Search</button>
    </form>
    <p class="muted">{{summary}}</p>
    {{#hasRows}}
    <table>
      <tr><th>Educator</th><th>School</th><th>License</th><th>Term ends</th><th class="num">Badge hours</th><th class="num">PDMS hours</th><th class="num">Total</th><th class="num">Required</th><th class="num">Still needed</th><th>Status</th></tr>
      {{#rows}}
      <tr><td><a href="{{href}}">{{name}}</a> <span class="muted small">{{id}}</span></td><td>{{school}}</td><td>{{license}}</td>
          <td>{{termEnd}}</td><td class="num">{{credited}}</td><td class="num">{{other}}</td><td class="num">{{total}}</td><td class="num">{{required}}</td><td class="num">{{remaining}}</td>
          <td><span class="badge {{statusCode}}">{{statusLabel}}</span></td></tr>
      {{/rows}}
    </table>
    {{/hasRows}}
    <div class="pager">
      {{#previousHref}}<a href="{{previousHref}}">← Previous</a>{{/previousHref}}
      <span class="muted">{{pageLabel}}</span>
      {{#nextHref}}<a href="{{nextHref}}">Next →</a>{{/nextHref}}
    </div>
    <p class="downloads small"><a href="/downloads/progress.csv">Download everyone's progress (CSV)</a></p>
    {{>footer}}
    """#

    static let transcript = #"""
    {{>header}}
    <p class="small"><a href="/educators">← Educators</a></p>
    <h1>{{name}}</h1>
    <p class="lead">Educator {{id}} · district {{district}}{{#school}} · {{school}}{{/school}} · as of {{asOf}}</p>
    <div class="facts">
      <div><span class="muted small">Status</span><b><span class="badge {{statusCode}}">{{statusLabel}}</span></b></div>
      <div><span class="muted small">Badge hours this term</span><b id="credited-hours">{{credited}}</b></div>
      <div><span class="muted small">Other hours in PDMS</span><b id="other-hours">{{other}}</b><span class="small">{{otherFrom}}</span></div>
      <div><span class="muted small">Total this term</span><b id="total-hours">{{total}}</b></div>
      <div><span class="muted small">Required</span><b id="required-hours">{{required}}</b></div>
      <div><span class="muted small">Still needed</span><b id="remaining-hours">{{remaining}}</b></div>
      <div><span class="muted small">License</span><b>{{license}}</b><span class="small">{{term}}</span></div>
    </div>
    <h2>Awards</h2>
    {{^hasAwards}}<p class="muted">No awards on record.</p>{{/hasAwards}}
    {{#hasAwards}}
    <table>
      <tr><th>Awarded</th><th>Badge</th><th>Issuer</th><th>Outcome</th><th class="num">Hours</th><th>Why</th></tr>
      {{#awards}}
      <tr><td class="date">{{date}}</td><td>{{badge}}</td><td>{{issuer}}</td><td><span class="badge {{outcomeCode}}">{{outcomeLabel}}</span></td>
          <td class="num">{{hours}}</td><td>{{reason}}{{#note}} <span class="badge">{{note}}</span>{{/note}}{{#decided}}<span class="decided">{{decided}}</span>{{/decided}}</td></tr>
      {{/awards}}
    </table>
    {{/hasAwards}}
    {{#hasDecisions}}
    <h2>District decisions</h2>
    <table>
      <tr><th>Decided on</th><th>By</th><th>Badge</th><th>Decision</th><th class="num">Hours</th><th>Note</th></tr>
      {{#decisions}}<tr><td class="date">{{decidedOn}}</td><td>{{decidedBy}}</td><td>{{badge}}</td><td>{{verdict}}</td><td class="num">{{hours}}</td><td>{{note}}</td></tr>{{/decisions}}
    </table>
    {{/hasDecisions}}
    {{#hasLedger}}
    <h2>Ledger entries</h2>
    <table>
      <tr><th>Posted on</th><th>Badge</th><th>Entry</th><th class="num">Hours</th><th>Why</th><th>Recorded by</th></tr>
      {{#ledger}}<tr><td class="date">{{postedOn}}</td><td>{{badge}}</td><td>{{action}} ({{kind}})</td><td class="num">{{hours}}</td><td>{{reason}}</td><td>{{recordedBy}}</td></tr>{{/ledger}}
    </table>
    {{/hasLedger}}
    <p class="small"><a href="{{jsonHref}}">This transcript as JSON</a></p>
    {{>footer}}
    """#

    static let exceptions = #"""
    {{>header}}
    <h1>Open exceptions</h1>
    <p class="lead">Awards not credited and still open as of {{asOf}}, oldest first. Each says what to do.</p>
    {{^hasRows}}<p class="notice ok">No open exceptions.</p>{{/hasRows}}
    {{#hasRows}}
    <table>
      <tr><th class="num">Days open</th><th>Educator</th><th>Badge</th><th>Issuer</th><th>Outcome</th><th>Why</th><th>What to do</th></tr>
      {{#rows}}
      <tr><td class="num">{{daysOpen}}</td><td>{{#href}}<a href="{{href}}">{{educator}}</a> <span class="muted small">{{educatorID}}</span>{{/href}}{{^href}}{{educator}}{{/href}}</td><td>{{badge}}</td><td>{{issuer}}</td>
          <td><span class="badge {{outcome}}">{{outcomeLabel}}</span></td><td>{{reason}}</td>
          <td class="todo">{{#decideHere}}<a href="/approvals">Decide on the Approvals page</a>{{/decideHere}}{{^decideHere}}{{whatToDo}}{{/decideHere}}</td></tr>
      {{/rows}}
    </table>
    {{/hasRows}}
    <p class="downloads small"><a href="/downloads/exceptions.csv">Download open exceptions (CSV)</a></p>
    {{>footer}}
    """#

    static let approvals = #"""
    {{>header}}
    <h1>Approvals</h1>
    <p class="lead">External badges waiting for the district's decision. A decision is credited or denied by the next nightly run.</p>
    {{#flash}}<p class="notice {{kind}}">{{text}}</p>{{/flash}}
    {{^canApprove}}<p class="notice">Your account can see these badges but not decide them.</p>{{/canApprove}}
    {{^hasItems}}<p class="notice ok">Nothing is waiting for a decision.</p>{{/hasItems}}
    {{#hasItems}}
    <table>
      <tr><th>Educator</th><th>Badge</th><th>Issuer</th><th>Awarded</th><th class="num">Days waiting</th>{{#canApprove}}<th>Decision</th>{{/canApprove}}</tr>
      {{#items}}
      <tr><td><a href="{{href}}">{{educator}}</a> <span class="muted small">{{educatorID}}</span></td><td>{{badge}}</td><td>{{issuer}}</td><td class="date">{{awarded}}</td><td class="num">{{daysWaiting}}</td>
      {{#canApprove}}<td class="decision">
        {{#recorded}}<p class="notice ok small">{{recorded}}; the next nightly run applies it. You may still change it:</p>{{/recorded}}
        <form class="decide" method="post" action="/approvals">
          <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="award_id" value="{{awardID}}">
          <div class="line"><label>Hours (optional)<input name="hours" inputmode="decimal" placeholder="default"></label>
            <button type="submit" name="decision" value="approved">Approve</button></div>
          <div class="line"><label>Note (required to deny)<input name="note"></label>
            <button type="submit" name="decision" value="denied" class="secondary">Deny</button></div>
        </form>
      </td>{{/canApprove}}
      </tr>
      {{/items}}
    </table>
    {{/hasItems}}
    {{>footer}}
    """#

    static let problem = #"""
    {{>header}}
    <h1>{{heading}}</h1>
    <p>{{message}}</p>
    <p><a href="/">Back to the dashboard</a></p>
    {{>footer}}
    """#
}
