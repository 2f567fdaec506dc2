"""Shared test support: one `vn()` for Vietnamese wall-clock instants and the `fake_clock`
injected into the system's clock seam (`clock`), world builders that make units, users,
procedures and dossiers in any state through the real services (`world`), and real processes
for fault tests (`processes`: a PostgreSQL cluster of the test's own, gunicorn, `motcua
worker`). Import from here rather than from another folder's conftest."""
