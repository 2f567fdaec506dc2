"""Online filing: server-side drafts and their files, submission as a dossier, assisted filing by
the community digital team, and the citizen's stored documents."""
