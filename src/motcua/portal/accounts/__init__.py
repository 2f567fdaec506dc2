"""Citizen accounts: registration with phone verification, sign-in, password reset by SMS code
or e-mail, and the extension point for signing in with a national e-ID (`identity.py`)."""
