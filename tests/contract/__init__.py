"""The facts-only copy of the official Porting API contract, and a validator for it."""
