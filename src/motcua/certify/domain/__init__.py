"""Pure legal rules of certification (no Django)."""
