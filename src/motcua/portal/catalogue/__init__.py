"""The public procedure pages of the portal: search by name, code, field or unit, a procedure's
details and its component templates (no login)."""
