"""Report arithmetic in plain Python (no Django): the seed's on-time rate, Decision 766's
indicator 2.1 and the indicator table. The app around it only counts dossiers and calls these.
"""
