"""The board across projects: Needs attention of several profiles, in sections or one ranking."""
