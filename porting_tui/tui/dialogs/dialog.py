"""Dialog: the modal every dialog is, centred in a bordered ``#dialog`` box on the surface."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """Subclasses compose a ``#dialog`` container; their CSS says only how they differ.

    The border says what the dialog is about: ``$primary`` to fill in, the ``-warning`` class
    to confirm something hard to undo, ``-accent`` for the new-order wizard's own dialogs.
    """

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        & > #dialog {
            width: 90; max-width: 100%; height: auto; max-height: 100%; padding: 0 1;
            border: round $primary; background: $surface;
        }
        &.-warning > #dialog { border: round $warning; }
        &.-success > #dialog { border: round $success; }
        &.-accent > #dialog { border: round $accent; }
    }
    """
