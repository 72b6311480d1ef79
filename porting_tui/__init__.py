"""porting-tui: a keyboard-driven terminal app for the Sinch Porting API."""

__version__ = "0.1.0"
