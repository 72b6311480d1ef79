"""Tab and shift+tab move focus at once in forms, so keys typed right after Tab follow it."""

from __future__ import annotations

from textual.binding import Binding, BindingType

# Textual routes each key to the widget focused when the app dequeues it, but runs an ordinary
# Tab binding only later, from the focused widget's own queue: keys of a burst (a paste, a
# laggy SSH link) queued behind Tab already went to the old field ("N", Tab, "Elm" -> "NElm").
# Priority bindings run while the app dequeues the key, so focus has moved before the next key
# is routed. Not for forms with a field that completes on Tab (PathInput).
IMMEDIATE_FOCUS_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", "", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "", show=False, priority=True),
]
