"""Portal views, split by area: `catalogue` (public procedure pages), `accounts`
(registration, phone verification, login, password reset), `home` (landing page and the
citizen's own dossiers). Online filing, tracking and payment add their own modules here."""
