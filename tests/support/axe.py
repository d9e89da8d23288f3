"""axe-core, run in the page the browser shows."""

from tests.support.servers import ROOT

AXE = ROOT / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, axe_source=None) -> list[dict]:
    """[{id, help, nodes}] of every violation of AXE_TAGS on the page."""
    # Evaluated, not added as a <script>: a Content-Security-Policy may forbid inline scripts.
    page.evaluate(axe_source or AXE.read_text())
    return page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                        resultTypes: ['violations']})
           .then((results) => results.violations.map((v) => ({
             id: v.id, help: v.help,
             nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary)})))""",
        AXE_TAGS,
    )
