"""Accessibility check with axe-core, run inside the page under test.

`assert_accessible(page)` injects the vendored axe-core (tests/browser/vendor/axe.min.js, MPL-2.0,
copied from the npm package) into the current page, runs every WCAG 2.x A/AA rule and fails
with a readable list when a violation of impact "serious" or "critical" is found. Minor and
moderate findings are returned, not asserted, so a test may look at them.

    from tests.browser.axe import assert_accessible
    page.goto("/cong-dan/")
    assert_accessible(page)
"""

from pathlib import Path

AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"
BLOCKING = frozenset({"serious", "critical"})
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_run(page, *, context: str | None = None) -> list[dict]:
    """All axe violations on the page (or inside the CSS selector `context`)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as an inline <script> tag: the site's
        # Content-Security-Policy (script-src 'self') rightly blocks inline scripts.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(
        """async ([context, tags]) => {
            const options = {runOnly: {type: "tag", values: tags}};
            const result = await axe.run(context || document, options);
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }""",
        [context, TAGS],
    )


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {(node['summary'] or '').splitlines()[-1:]}")
    return "\n".join(lines)


def assert_accessible(page, *, context: str | None = None) -> list[dict]:
    """Fail on serious or critical axe violations; return the minor/moderate ones."""
    violations = axe_run(page, context=context)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe-core on {page.url}:\n{_describe(blocking)}"
    return violations
