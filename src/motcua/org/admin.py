"""The units' admin is registered in `accounts.admin` (scoped by the user's units)."""
