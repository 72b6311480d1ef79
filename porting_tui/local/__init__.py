"""Local state kept on this machine: profiles of project credentials, drafts and seen-state."""
