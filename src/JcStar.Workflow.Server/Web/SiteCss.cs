namespace JcStar.Workflow.Server.Web;

/// <summary>The workspace's one stylesheet (served at /assets/site.css; no inline styles, so the CSP stays strict).</summary>
public static class SiteCss
{
    public const string Text = """
        :root { --ink: #1b1f24; --muted: #545d68; --line: #d0d7de; --brand: #0b3d62; --link: #0b5cad; --bad: #b3261e; --warn: #8a5a00; --ok: #1e6b34; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif; margin: 0; color: var(--ink); background: #f6f8fa; line-height: 1.55; }
        a { color: var(--link); }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
        .top { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 2rem; background: var(--brand); color: #fff; padding: .6rem 1.5rem; }
        .top a { color: #fff; }
        .brand { font-weight: 700; text-decoration: none; }
        .top nav ul { display: flex; flex-wrap: wrap; gap: 1.2rem; list-style: none; margin: 0; padding: 0; }
        .top nav a { text-decoration: none; } .top nav a:hover { text-decoration: underline; }
        .en { font-size: .78em; opacity: .8; margin-left: .3em; font-weight: 400; }
        .who { margin-left: auto; display: flex; align-items: center; gap: .8rem; font-size: .92rem; }
        .who .role { opacity: .85; }
        button.link { background: none; border: 0; color: #fff; text-decoration: underline; cursor: pointer; font: inherit; padding: 0; margin: 0; width: auto; }
        .signout { margin: 0; }
        main { max-width: 76rem; margin: 1.5rem auto; padding: 0 1.5rem 3rem; }
        h1 { font-size: 1.55rem; margin: .5rem 0 1rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
        .meta { color: var(--muted); font-size: .92rem; font-weight: 400; }
        .crumbs { font-size: .9rem; margin: 0; }
        .filters { display: flex; flex-wrap: wrap; gap: .8rem 1rem; align-items: flex-end; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin-bottom: 1rem; }
        .filters label { display: flex; flex-direction: column; font-size: .88rem; color: var(--muted); gap: .2rem; }
        input, select, textarea { font: inherit; padding: .45rem .55rem; border: 1px solid #8c959f; border-radius: 4px; background: #fff; color: var(--ink); }
        input[type=search] { min-width: 18rem; }
        button, .button { font: inherit; display: inline-block; padding: .45rem .9rem; border-radius: 4px; border: 1px solid var(--link); background: var(--link); color: #fff; cursor: pointer; text-decoration: none; }
        button.secondary, .button.secondary { background: #fff; color: var(--link); }
        button .en, .button .en { color: inherit; opacity: 1; }
        :focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
        table.list { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
        table.list th, table.list td { text-align: left; padding: .5rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        table.list th { background: #eef1f4; font-size: .9rem; }
        td.actions > * { display: inline-block; vertical-align: middle; margin: .1rem .3rem .1rem 0; }
        td.actions form { margin: .1rem .3rem .1rem 0; }
        tr.overdue td:nth-child(4), .overdue { color: var(--bad); font-weight: 700; }
        tr.due-today td:nth-child(4) { color: var(--warn); font-weight: 700; }
        .pager { display: flex; gap: 1rem; margin-top: .8rem; align-items: center; }
        .notice { background: #e6f4ea; border-left: 4px solid var(--ok); padding: .6rem .8rem; }
        .error { background: #fdecea; border-left: 4px solid var(--bad); padding: .6rem .8rem; color: #6e1410; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.2rem; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; }
        dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
        .task-form { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; max-width: 44rem; }
        .field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: 1rem; }
        .field label { font-weight: 600; } .field label.check { font-weight: 400; }
        .field.invalid input, .field.invalid select, .field.invalid textarea { border-color: var(--bad); border-width: 2px; }
        .field-error { color: var(--bad); margin: 0; font-size: .92rem; }
        fieldset { border: 1px solid var(--line); border-radius: 4px; }
        form.inline { display: inline-flex; gap: .5rem; align-items: center; margin: .3rem 0; }
        form.received fieldset { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; background: #fff; margin-bottom: .6rem; }
        .diagram { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem; min-height: 4rem; overflow: auto; }
        .diagram ol.path { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; margin: 0; padding: 0; }
        .diagram ol.path li { background: #eef1f4; border-radius: 999px; padding: .15rem .7rem; font-size: .9rem; }
        .diagram ol.path li.active { background: #fff4ce; border: 2px solid #d4a000; font-weight: 700; }
        pre.variables { background: #fff; border: 1px solid var(--line); padding: .8rem; overflow: auto; max-height: 30rem; font-size: .85rem; }
        ul.comments { list-style: none; padding: 0; } ul.comments li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; margin-bottom: .5rem; }
        p.comment { margin: .2rem 0 0; white-space: pre-wrap; }
        .comment-form { max-width: 44rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .status.valid { color: #1a6b2f; } .status.revoked, .status.expired { color: var(--bad); font-weight: 700; }
        tr.revoked td, tr.expired td { background: #fbeeee; }
        .top.public { border-bottom: 3px solid #1a4f8b; }
        dd.receipt { font-size: 1.4rem; font-weight: 700; letter-spacing: .05em; }
        main a .en { opacity: 1; }
        .task-form.wide { max-width: 64rem; }
        fieldset.checklist table.list td, fieldset.checklist table.list th { padding: .35rem .4rem; }
        fieldset.checklist textarea { width: 100%; min-width: 16rem; }
        fieldset.checklist tr.invalid th { color: var(--bad); }
        .pre { white-space: pre-wrap; }
        .actions-row { display: flex; gap: 1rem; align-items: center; margin-top: 1rem; }
        ul.apply-links { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0; }
        ul.kept-files li { display: flex; gap: .8rem; align-items: center; }
        strong.asked { color: var(--warn); }
        p.asked-text { background: #fff8e1; border-left: 4px solid #d4a000; padding: .5rem .8rem; }
        details.mail { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem; margin-bottom: .5rem; }
        pre.mail-body { white-space: pre-wrap; font-family: inherit; }
        form.reply fieldset { display: block; }
        td.priority.high { font-weight: 700; }
        td.case-ref a { word-break: break-all; }
        fieldset label.check { display: inline-flex; gap: .3rem; align-items: center; margin: 0 .9rem .3rem 0; }
        ul.admin-links { display: flex; flex-wrap: wrap; gap: .6rem 1.4rem; list-style: none; padding: 0; margin: 0 0 1rem; }
        tr.revoked td, tr.expired td { color: var(--muted); }
        .status.facility-approved { color: var(--ok); font-weight: 700; } .status.facility-suspended, .status.facility-refused { color: var(--bad); font-weight: 700; }
        table.mapping th[scope=row] { font-weight: 400; } table.mapping th[scope=row] label { display: block; font-weight: 600; }
        table.mapping select { max-width: 30rem; } table.mapping tr.invalid select { border-color: var(--bad); border-width: 2px; }
        table.mapping ul.field-error, .migration .diagnostics { margin: .3rem 0 0; padding-left: 1.1rem; }
        .migration p.actions { display: flex; gap: .8rem; } button:disabled { opacity: .55; cursor: not-allowed; }
        progress[data-progress] { width: 100%; height: 1.3rem; accent-color: var(--ok); }
        .simulation-form { max-width: 64rem; } .simulation-form details { margin: .4rem 0 1rem; } .simulation-form summary { cursor: pointer; font-weight: 600; }
        fieldset.sim-step { display: grid; grid-template-columns: 12rem 1fr 1fr 10rem; gap: 0 .8rem; margin-bottom: .6rem; }
        fieldset.sim-step .field { margin-bottom: .4rem; } fieldset.sim-step label { font-weight: 400; font-size: .88rem; }
        .simulation-form .field.checkbox { flex-direction: row; align-items: center; gap: .5rem; }
        .simulation-result pre.mail-text { white-space: pre-wrap; font-family: inherit; background: #fff; border: 1px solid var(--line); padding: .8rem; max-height: 24rem; overflow: auto; }
        .simulation-result article.simulated-mail h4 { margin: 1.2rem 0 .3rem; }
        @media (max-width: 900px) { fieldset.sim-step { grid-template-columns: 1fr; } }
        @media (max-width: 900px) { .who { margin-left: 0; } table.list { font-size: .92rem; } input[type=search] { min-width: 12rem; } }
        """;
}
