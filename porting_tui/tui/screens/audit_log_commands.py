"""Command-palette entry of the audit log, offered on every screen of the app."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

from porting_tui.listing.attention_context import AttentionContext

TITLE = "Audit log"
HELP = "Every change made through the app or the command line: who, when, what, outcome"


class AuditLogCommands(Provider):
    """Opens the audit log of the app's profile (``app.session.attention``)."""

    def _open(self) -> None:
        context = getattr(getattr(self.app, "session", None), "attention", None)
        if not isinstance(context, AttentionContext):
            self.app.notify(
                "The local store could not be opened, so there is no audit log to show.",
                title=TITLE,
                severity="warning",
            )
            return
        # Imported when opened, not at the app's start.
        from porting_tui.tui.screens.audit_log_screen import AuditLogScreen

        self.app.push_screen(AuditLogScreen(context.audit, context.profile))

    async def discover(self) -> Hits:
        yield DiscoveryHit(TITLE, self._open, help=HELP)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text in (TITLE, "Show the audit log of changes"):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), self._open, help=HELP)
                return
