"""What needs the operator now: urgency rules, ranking, change summaries and background fetching.

UI-free: the TUI shows what this package computes, and tests drive it without a screen.
"""
