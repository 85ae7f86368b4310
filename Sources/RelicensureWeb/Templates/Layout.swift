/// The frame every page shares: the header with the account and the navigation, and the
/// styles (inline: the pages load nothing from anywhere, SPEC §8).
extension PageTemplates {
    static let header = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · Re-licensure hours</title>
    <style>
    :root { --ink:#1d2733; --muted:#5b6776; --line:#d9dee5; --accent:#1f5fa8; --bg:#f5f7fa;
            --ending:#b3261e; --behind:#a15c00; --ok:#1e7d3b; }
    * { box-sizing: border-box; }
    body { margin:0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color:var(--ink); background:var(--bg); }
    header.top { background:#16324f; color:#fff; padding:.6rem 1.5rem; display:flex; align-items:center; gap:1.5rem; flex-wrap:wrap; }
    header.top .brand { font-weight:700; font-size:1.05rem; }
    header.top nav a { color:#dbe7f5; text-decoration:none; margin-right:1rem; padding:.2rem 0; }
    header.top nav a.here { color:#fff; border-bottom:2px solid #fff; }
    header.top .who { margin-left:auto; font-size:.9rem; color:#dbe7f5; display:flex; gap:.8rem; align-items:center; }
    header.top .who button { background:transparent; color:#fff; border:1px solid #8fb0d3; border-radius:4px; padding:.15rem .6rem; cursor:pointer; }
    main { max-width:1280px; margin:0 auto; padding:1.2rem 1.5rem 3rem; }
    h1 { font-size:1.5rem; margin:.2rem 0 .2rem; }
    h2 { font-size:1.1rem; margin:1.6rem 0 .6rem; }
    p.lead { color:var(--muted); margin:.1rem 0 1rem; }
    .cards { display:flex; gap:.8rem; flex-wrap:wrap; }
    .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.7rem 1rem; min-width:150px; text-decoration:none; color:inherit; }
    .card .n { font-size:1.7rem; font-weight:700; }
    .card .l { color:var(--muted); font-size:.9rem; }
    .card.ending_short .n { color:var(--ending); } .card.behind .n { color:var(--behind); } .card.complete .n, .card.on_track .n { color:var(--ok); }
    table { width:100%; border-collapse:collapse; background:#fff; border:1px solid var(--line); border-radius:8px; }
    th, td { text-align:left; padding:.45rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
    th { background:#eef2f6; font-size:.85rem; color:var(--muted); font-weight:600; }
    td.num, th.num { text-align:right; white-space:nowrap; }
    td.date { white-space:nowrap; }
    td.todo { min-width:16rem; }
    .decided { display:block; font-size:.85rem; color:var(--muted); margin-top:.15rem; }
    .legend { color:var(--muted); font-size:.85rem; margin:.5rem 0 0; }
    .badge { display:inline-block; border-radius:10px; padding:0 .5rem; font-size:.82rem; font-weight:600; background:#e8edf3; white-space:nowrap; }
    .badge.ending_short { background:#fbe4e2; color:var(--ending); } .badge.behind { background:#fdf0dc; color:var(--behind); }
    .badge.on_track, .badge.complete, .badge.credited { background:#e2f3e7; color:var(--ok); }
    .badge.pending_approval { background:#e6eefb; color:var(--accent); }
    form.search { display:flex; gap:.5rem; flex-wrap:wrap; align-items:end; margin:.6rem 0 1rem; }
    label { display:block; font-size:.85rem; color:var(--muted); }
    input, select, textarea { font:inherit; padding:.35rem .5rem; border:1px solid #b9c2cd; border-radius:5px; background:#fff; }
    button, .button { font:inherit; background:var(--accent); color:#fff; border:0; border-radius:5px; padding:.4rem .9rem; cursor:pointer; text-decoration:none; display:inline-block; }
    button.secondary { background:#fff; color:var(--ending); border:1px solid var(--ending); }
    a { color:var(--accent); }
    .muted { color:var(--muted); } .small { font-size:.85rem; }
    .facts { display:grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap:.6rem; margin: .8rem 0; }
    .facts div { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.5rem .8rem; }
    .facts b { display:block; font-size:1.25rem; }
    .notice { background:#fff8e1; border:1px solid #f0d68a; border-radius:6px; padding:.6rem .8rem; margin:.8rem 0; }
    .notice.ok { background:#e9f6ec; border-color:#a9d8b5; }
    .notice.bad { background:#fdecea; border-color:#f2b8b2; }
    .pager { margin:.8rem 0; display:flex; gap:1rem; align-items:center; }
    td.decision { min-width:22rem; }
    .decide .line { display:flex; gap:.5rem; align-items:end; margin:.15rem 0 .4rem; }
    .decide label input { display:block; margin-top:.1rem; }
    .decide input[name=hours] { width:6rem; }
    .decide input[name=note] { width:15rem; }
    .decide button { min-width:5.5rem; }
    .chart { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.6rem; }
    .chart svg { width:100%; height:auto; display:block; }
    .downloads a { margin-right:1rem; }
    .login { max-width:360px; margin:4rem auto; background:#fff; border:1px solid var(--line); border-radius:10px; padding:1.5rem; }
    .login input { width:100%; margin:.2rem 0 .8rem; }
    </style>
    </head>
    <body>
    {{#chrome}}
    <header class="top">
      <span class="brand">Re-licensure hours</span>
      <nav>
        {{#nav}}<a href="{{href}}"{{#here}} class="here" aria-current="page"{{/here}}>{{label}}</a>{{/nav}}
      </nav>
      <span class="who">
        <span>{{login}} · {{scopeLabel}}</span>
        <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Log out</button></form>
      </span>
    </header>
    {{/chrome}}
    <main>
    """#

    static let footer = #"""
    </main>
    </body>
    </html>
    """#
}
