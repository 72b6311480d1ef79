"""Insights: how the ports are going over a period, in figures, charts and reports."""
