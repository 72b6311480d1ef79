"""The Textual app: a shell (app.py) that passes the session's client to its screens."""
