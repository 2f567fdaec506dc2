"""Reports and supervision: on-time rates, Decision 766 indicators, returned dossiers."""
